"""Small helpers the timetable widgets share: labelled buddies, date pickers, accessible names."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from apdesk.i18n import _


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic moves the focus to `widget`."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    return label


def date_edit(parent: QWidget, value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setAccessibleName(name)
    return edit


def picked(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def name_controls(root: QWidget) -> None:
    """Give every button, line edit and list without an accessible name the one it shows:
    a button its text, the editor inside a combo box or date field the name of its owner."""
    for widget in root.findChildren(QAbstractButton):
        if widget.accessibleName():
            continue
        if widget.text():
            widget.setAccessibleName(widget.text().replace("&", "").rstrip("…").strip())
        elif widget.objectName() == "qt_tableview_cornerbutton":
            widget.setAccessibleName(_("Select every cell"))
    for edit in root.findChildren(QLineEdit) + root.findChildren(QListWidget):
        owner = edit.parentWidget()
        if not edit.accessibleName() and owner is not None and owner.accessibleName():
            edit.setAccessibleName(owner.accessibleName())
