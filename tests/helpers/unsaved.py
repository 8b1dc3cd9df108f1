"""Driving the Save / Discard / Cancel question as a person would, and typing into any editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.guard import GuardedDialog
from apdesk.ui.widgets.input_scan import inputs_of

Button = QMessageBox.StandardButton


def answer_next_box(button: Button, asked: list[str]) -> None:
    """Click `button` on the next message box; note its question (or that Cancel was not the
    default, which a test then sees as a wrong question)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        cancel_is_default = box.defaultButton() == box.button(Button.Cancel)
        asked.append(box.text() if cancel_is_default else "Cancel was not the default")
        box.button(button).click()

    QTimer.singleShot(0, click)


def first_text_input(dialog: GuardedDialog) -> QWidget:
    """The first visible, enabled text box the editor counts as its input."""
    for widget in inputs_of(dialog):
        typed = isinstance(widget, QLineEdit | QPlainTextEdit)
        if typed and widget.isVisibleTo(dialog) and widget.isEnabled():
            return widget
    raise AssertionError(f"{type(dialog).__name__} has no text box to type into")


def type_something(qtbot: QtBot, dialog: GuardedDialog, text: str = "Rang home") -> QWidget:
    """Type into the first text box, or (a form of dates alone) a day into the first date."""
    try:
        box = first_text_input(dialog)
    except AssertionError:
        fields = dialog.findChildren(DateField)
        if fields:
            fields[0].edit.setFocus()
            fields[0].edit.selectAll()
            qtbot.keyClicks(fields[0].edit, "11/01/2031")
            return fields[0].edit
        spin = dialog.findChildren(QDateEdit)[0]
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_Up)  # one day on, as the arrow key does
        return spin
    box.setFocus()
    qtbot.keyClicks(box, text)
    return box
