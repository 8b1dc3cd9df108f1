"""Ask for a few lines of text, with the question and the field's name both read aloud.

Qt's own multi-line input dialog ties its question to a hidden one-line field, so a screen
reader meets an unnamed text box and never hears the question. Here the field is named and
captioned, and the question is its description: Orca says the field's name, then the question.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from apdesk.ui.widgets.forms import name_buttons


class AskText(QDialog):
    """`question` above a field called `field`; `text()` once accepted."""

    def __init__(self, parent: QWidget | None, title: str, question: str, field: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleDescription(question)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(field)
        self.edit.setAccessibleDescription(question)
        caption = QLabel(f"{field}:", self)
        caption.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(caption)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText()


def ask_text(parent: QWidget | None, title: str, question: str, field: str) -> tuple[str, bool]:
    """Like `QInputDialog.getMultiLineText`: the text typed, and whether OK was pressed."""
    dialog = AskText(parent, title, question, field)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.text(), ok
