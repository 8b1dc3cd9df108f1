"""Pieces the plan and review dialogs share: a date box, and errors placed beside the field
a ValidationError names (or at the foot of the form when it names none of them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

DATE_FORMAT = "d MMMM yyyy"


def date_edit(accessible_name: str, value: date | None, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(accessible_name)
    edit.setDate(QDate(value or date.today()))
    edit.setMinimumWidth(200)
    return edit


def read_only(accessible_name: str, parent: QWidget) -> QLabel:
    """A figure the form shows but nobody types (attendance from the register)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def to_date(edit: QDateEdit) -> date:
    qdate = edit.date()
    return date(qdate.year(), qdate.month(), qdate.day())


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
        if isinstance(field, QDateEdit | QComboBox):  # short values: no need to stretch
            column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            column.addWidget(field)
        error = ErrorLabel(holder)
        column.addWidget(error)
        form.addRow(caption, holder)
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


NOT_SET = QDate(2000, 1, 1)  # an optional date box shows its "Not set" text at this date


def optional_date_edit(accessible_name: str, value: date | None, parent: QWidget) -> QDateEdit:
    """A date box that may be left empty: it reads "Not set" until a date is chosen."""
    edit = date_edit(accessible_name, value, parent)
    edit.setMinimumDate(NOT_SET)
    edit.setSpecialValueText(_("Not set"))
    edit.setDate(QDate(value) if value else NOT_SET)
    return edit


def optional_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == NOT_SET else to_date(edit)


def name_buttons(box: QDialogButtonBox) -> None:
    """Give each button its own text (without the mnemonic) as its accessible name."""
    for item in box.buttons():
        if not item.accessibleName():
            item.setAccessibleName(item.text().replace("&", ""))
