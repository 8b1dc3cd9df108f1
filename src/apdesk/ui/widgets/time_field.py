"""A clock time (hh:mm, 24-hour) that may be left blank: what an off-site direction notice
prints as a session time. Tab moves on (the arrow keys step the hours and minutes), so a blank
time never holds the keyboard."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QTimeEdit, QToolButton, QWidget

from apdesk.i18n import _


class _TimeEdit(QTimeEdit):
    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class TimeField(QWidget):
    """A time that may be blank. `changed` fires when the time it holds changes."""

    changed = Signal()
    BLANK = QTime(0, 0)  # shown as "Not set"; no school session starts at midnight

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _TimeEdit(self)
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setMinimumTime(self.BLANK)
        self.edit.setSpecialValueText(_("Not set"))
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMinimumWidth(90)
        self.edit.timeChanged.connect(lambda _t: self.changed.emit())
        self.clear_button = QToolButton(self)
        self.clear_button.setText(_("Clear"))
        self.clear_button.setAccessibleName(_("Clear {name}").format(name=accessible_name))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self.clear_button.setProperty("variant", "field")  # drawn as a button, as a date's
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def value(self) -> time | None:
        chosen = self.edit.time()
        if chosen == self.BLANK:
            return None
        return time(chosen.hour(), chosen.minute())

    def set_value(self, value: time | None) -> None:
        self.edit.setTime(self.BLANK if value is None else QTime(value.hour, value.minute))
