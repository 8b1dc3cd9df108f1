"""A state said as a word on its tint: "Draft", "Referred", "Active", "Ended".

The word is the message; the tint (placement.<state> tokens) only helps the eye group rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from apdesk.ui.theme.props import restyle

STATES = ("draft", "referred", "active", "ended")


class StatusChip(QLabel):
    def __init__(self, state: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("variant", "chip")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_state(state, text)

    def set_state(self, state: str, text: str) -> None:
        if state not in STATES:
            raise ValueError(f"chip state {state!r} is not one of {', '.join(STATES)}")
        self.setText(text)
        self.setAccessibleName(text)
        restyle(self, state=state)
