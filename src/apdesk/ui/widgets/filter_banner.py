"""The banner a list shows when it was opened narrowed to a few records (from the home page).

A narrowed list that looks like the whole list misleads: the banner says how many are shown
and why, and its button brings every record back.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from apdesk.i18n import _
from apdesk.ui.theme import icons


def ids_in(filters: Mapping[str, object], key: str) -> frozenset[int] | None:
    """The ids a filter names under `key`, or None when it does not narrow by them."""
    value = filters.get(key)
    if value is None or isinstance(value, str | bytes):
        return None
    if not isinstance(value, list | tuple | set | frozenset):
        return None
    return frozenset(int(v) for v in value)


class FilterBanner(QFrame):
    """Hidden until `show_text`; "Show all" hides it again and emits `cleared`."""

    cleared = Signal()

    def __init__(self, show_all_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        info = icons.icon("state.info")
        icon.setPixmap(info.pixmap(QSize(size, size)))
        self.label = QLabel(self)
        self.label.setAccessibleName(_("Filter"))
        self.button = QPushButton(_("Show &all"), self)
        self.button.setAccessibleName(show_all_name)
        self.button.setToolTip(_("Clear the filter and show the whole list"))
        self.button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.label)
        layout.addWidget(self.button)  # beside the words, so the sentence reads on into it
        layout.addStretch(1)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(f"{text} —")
        self.setAccessibleDescription(text)
        self.show()

    def clear(self) -> None:
        self.hide()
        self.cleared.emit()
