"""Ties record fields to the inputs of a form: read, write, watch, focus, and put an error
message right under the input a ValidationError names (so the person sees where to fix it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from apdesk.i18n import _
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.choice_list import select_value
from apdesk.ui.widgets.fields import ChoiceBoxes, DateField, PoundsField, TimeField


def enum_combo(
    members: Iterable[Enum], accessible_name: str, blank: str | None = None
) -> QComboBox:
    """A combo of an enum's members by label; `blank` adds a first 'none chosen' item."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    if blank is not None:
        combo.addItem(blank, "")
    for member in members:
        combo.addItem(_(str(getattr(member, "label", member.value))), member.value)
    return combo


def text_box(accessible_name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setMinimumHeight(height)
    box.setMaximumHeight(height + box.fontMetrics().lineSpacing() * 2)
    return box


class Binder(QObject):
    """Fields by name; `changed` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.forms: dict[str, QFormLayout] = {}
        self.aliases: dict[str, str] = {}
        self.error = ErrorLabel()
        self.error.setAccessibleName(_("Problem with this field"))
        self._error_form: QFormLayout | None = None

    def add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a row `label: widget` to `form` for the record field `name`."""
        if not widget.accessibleName():
            widget.setAccessibleName(label)
        caption = QLabel(label + ":")
        # A group of check boxes is labelled as a group: its caption must not become the first
        # box's name ("Reasons" read instead of the reason), nor its Alt+letter tick that box.
        group = isinstance(widget, ChoiceBoxes)
        caption.setBuddy(widget if group else (widget.focusProxy() or widget))
        caption.setWordWrap(True)
        form.addRow(caption, widget)
        self.widgets[name], self.labels[name], self.forms[name] = widget, label, form
        self._watch(widget)
        return widget

    def alias(self, error_field: str, name: str) -> None:
        """An error naming `error_field` belongs under the input for `name`."""
        self.aliases[error_field.casefold()] = name

    def _watch(self, widget: QWidget) -> None:
        emit: Callable[..., None] = lambda *_a: self.changed.emit()  # noqa: E731
        if isinstance(widget, DateField | ChoiceBoxes | TimeField):
            widget.changed.connect(emit)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(emit)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(emit)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(emit)
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(emit)

    def get(self, name: str) -> Any:
        w = self.widgets[name]
        if isinstance(w, DateField | TimeField):
            return w.value()
        if isinstance(w, ChoiceBoxes):
            return w.values()
        if isinstance(w, PoundsField):
            return w.pence()
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            return w.value()
        raise TypeError(name)

    def set(self, name: str, value: Any) -> None:
        w = self.widgets[name]
        if isinstance(w, DateField | TimeField):
            w.set_value(value)
        elif isinstance(w, ChoiceBoxes):
            w.set_values(value)
        elif isinstance(w, PoundsField):
            w.set_pence(int(value or 0))
        elif isinstance(w, QLineEdit):
            w.setText(str(value or ""))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QComboBox):
            raw = value.value if isinstance(value, Enum) else value
            if not select_value(w, raw if raw is not None else ""):
                w.setCurrentIndex(0)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, QDoubleSpinBox):
            w.setValue(float(value or 0))

    def field_for(self, error_field: str) -> str | None:
        """Which field an error names (by the label the person sees, or an alias)."""
        key = error_field.casefold()
        if key in self.aliases:
            return self.aliases[key]
        for name, label in self.labels.items():
            if label.casefold() == key or name.replace("_", " ") == key:
                return name
        return None

    def focus(self, name: str, scroll: QScrollArea | None = None) -> None:
        widget = self.widgets.get(name)
        if widget is None:
            return
        if scroll is not None:
            scroll.ensureWidgetVisible(widget, 20, 60)
        target = widget.focusProxy() or widget
        target.setFocus()

    def show_error(self, error_field: str, text: str) -> str | None:
        """Put `text` under the named field; returns the field name, or None if not on the form."""
        self.clear_error()
        name = self.field_for(error_field)
        if name is None:
            return None
        form = self.forms[name]
        position: tuple[int, Any] = form.getWidgetPosition(self.widgets[name])  # type: ignore[assignment]
        row = position[0]
        form.insertRow(row + 1, self.error)
        self._error_form = form
        self.error.show_message(text)
        return name

    def clear_error(self) -> None:
        if self._error_form is not None:
            self._error_form.takeRow(self.error)
            self.error.setParent(None)
            self._error_form = None
        self.error.show_message("")
