"""Pieces the plan and review dialogs share: a date box, and errors placed beside the field
a ValidationError names (or at the foot of the form when it names none of them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.ui.core.context import describe_error
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.date_field import DateField


def date_edit(accessible_name: str, value: date | None, parent: QWidget) -> DateField:
    """A date that must be given, starting at `value` (today when None)."""
    return DateField(accessible_name, parent, value=value or date.today(), optional=False)


def read_only(accessible_name: str, parent: QWidget) -> QLabel:
    """A figure the form shows but nobody types (attendance from the register)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def to_date(field: DateField) -> date:
    """The date in a field that must hold one; a ValidationError naming it otherwise."""
    found = optional_date(field)
    if found is None:
        name = field.edit.accessibleName()
        raise ValidationError(name, _("is not set"), _("type a date or pick one"))
    return found


class FieldErrors:
    """ErrorLabels keyed by the field label a service uses in its ValidationError."""

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self.labels: dict[str, ErrorLabel] = {}

    def add_row(self, form: QFormLayout, label: str, field: QWidget, caption: str) -> ErrorLabel:
        """Add `field` to `form` under `caption`, with its error label just beneath it."""
        holder = QWidget(form.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, DateField | QComboBox):  # short values: no need to stretch
            column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            column.addWidget(field)
        error = ErrorLabel(holder)
        column.addWidget(error)
        form.addRow(caption, holder)
        caption_label = form.labelForField(holder)
        if isinstance(caption_label, QLabel):  # its Alt+letter goes to the field itself
            caption_label.setBuddy(field)
        self.labels[label] = error
        return error

    def clear(self) -> None:
        self.general.show_message("")
        for label in self.labels.values():
            label.show_message("")

    def show(self, exc: BaseException) -> ErrorLabel:
        """Put the message beside its field; returns the label that shows it."""
        self.clear()
        target = self.general
        if isinstance(exc, ValidationError) and exc.field in self.labels:
            target = self.labels[exc.field]
        target.show_message(describe_error(exc))
        return target


def optional_date_edit(accessible_name: str, value: date | None, parent: QWidget) -> DateField:
    """A date that may be left empty: it reads "Not set" until one is typed or picked."""
    return DateField(accessible_name, parent, value=value)


def optional_date(field: DateField) -> date | None:
    """The date in `field`, None when blank; a ValidationError when the text is not a date."""
    problem = field.problem()
    if problem is not None:
        raise ValidationError(field.edit.accessibleName(), problem)
    return field.value()


def name_buttons(box: QDialogButtonBox) -> None:
    """Give each button its own text (without the mnemonic) as its accessible name."""
    for item in box.buttons():
        if not item.accessibleName():
            item.setAccessibleName(item.text().replace("&", ""))
