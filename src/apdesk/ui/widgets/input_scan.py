"""Which widgets of a dialog are its input, what each holds, and how to hear it change.

The guard (see `guard`) asks this module, never a list of fields: an editor's input is found by
walking its children. A field that is not input (a search box, a passphrase to confirm) says so
with `not_input(widget)`; a field of apdesk's own (the school's logo) is input when it has
`input_value()` and a `changed` signal (`ValueInput`). A snapshot holds each input's value, so
two snapshots differ when something was typed, chosen or ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.secret import SecretEdit

W = TypeVar("W", bound=QWidget)

IGNORE = "apdesk_not_input"
Snapshot = tuple[object, ...]


def not_input(widget: W) -> W:
    """Mark `widget` (and what it holds) as not part of the dialog's record."""
    widget.setProperty(IGNORE, True)
    return widget


def _ignored(widget: QWidget, root: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root:
        if current.property(IGNORE):
            return True
        current = current.parentWidget()
    return False


@runtime_checkable
class ValueInput(Protocol):
    """A field of apdesk's own: the guard compares `input_value()` and follows `changed`."""

    changed: SignalInstance

    def input_value(self) -> object: ...


def is_value_input(widget: object) -> bool:
    """`isinstance(widget, ValueInput)` at a fraction of its cost: a typing Protocol check
    walks the protocol's members for each of a form's hundreds of widgets (60 ms a form)."""
    return callable(getattr(widget, "input_value", None)) and hasattr(widget, "changed")


def _value(widget: QWidget) -> object:
    if is_value_input(widget):
        assert isinstance(widget, ValueInput)
        return widget.input_value()
    if isinstance(widget, SecretEdit):  # whether something is typed; never a copy of it
        return len(widget.text())
    if isinstance(widget, DateField):
        return widget.edit.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText() if widget.isEditable() else None)
    if isinstance(widget, QCheckBox | QRadioButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):  # times of the day, dates picked from a calendar
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    return None


INPUTS = (DateField, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QCheckBox, QRadioButton,
          QAbstractSpinBox)  # fmt: skip


def _inside_own_field(widget: QWidget, root: QWidget) -> bool:
    """A part of a field of apdesk's own (a date field's text box): the field is read instead."""
    owner = widget.parentWidget()
    while owner is not None and owner is not root:
        if isinstance(owner, DateField) or is_value_input(owner):
            return True
        owner = owner.parentWidget()
    return False


def inputs_of(root: QWidget) -> list[QWidget]:
    """The widgets whose values are the dialog's input, in a stable order."""
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        own = is_value_input(widget)
        if not (own or isinstance(widget, INPUTS)) or _inside_own_field(widget, root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox
        ):
            continue  # an editable combo's or a spin box's own line edit: that is read instead
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            continue
        if not _ignored(widget, root):
            found.append(widget)
    return found


def snapshot(root: QWidget) -> Snapshot:
    """Each input's value, in an order that does not change while the dialog lives: a tab or
    stack page brought to the front is moved to the end of its parent's children by Qt, which
    made a provider read as changed when its tabs were only clicked through."""
    found = sorted(inputs_of(root), key=id)
    return tuple((type(w).__name__, w.objectName(), _value(w)) for w in found)


def connect_input(widget: QWidget, slot: Callable[..., None]) -> None:
    """Call `slot` whenever the input `widget` holds changes."""
    if isinstance(widget, DateField) or is_value_input(widget):
        widget.changed.connect(slot)  # type: ignore[attr-defined]
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(slot)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)
