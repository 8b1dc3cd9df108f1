"""A label that shows a value and is read with its caption: "Lock state: Unlocked".

A plain `QLabel` given an accessible name is read by that name alone, so a screen reader says
"Lock state" and never the state. This label's name is always the caption and the text shown
together, kept in step on every `setText`; a label that needs no caption should have no
accessible name at all (its text is its name).
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget


def plain_text(label: QLabel) -> str:
    """What the label shows, without markup or mnemonic ampersands."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return " ".join(text.split())


class ValueLabel(QLabel):
    """Shows a value; read as "caption: value" (or the caption alone while empty)."""

    def __init__(self, caption: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setText(text)

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self._name()

    def set_caption(self, caption: str) -> None:
        self.caption = caption
        self._name()

    def _name(self) -> None:
        shown = plain_text(self)
        if not self.caption:
            name = shown
        elif not shown or shown.casefold().startswith(self.caption.casefold()):
            name = shown or self.caption
        else:
            name = f"{self.caption}: {shown}"
        self.setAccessibleName(name)
