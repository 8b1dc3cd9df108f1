"""What a page shows when it has nothing to list: an icon, a sentence, and the next step.

An empty table says nothing; this says why it is empty and offers the button that fills it
("No placements yet" / "New placement…"). The button is the page's primary action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.icon_label import IconLabel

ICON_SIZE = 48


class EmptyState(QFrame):
    """`EmptyState("empty.list", "No placements yet.", detail, action="New placement…")`;
    the button (`self.button`) is hidden when there is no next step."""

    def __init__(
        self,
        icon_name: str,
        sentence: str,
        detail: str = "",
        *,
        action: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.icon = IconLabel(icon(icon_name, "muted"), ICON_SIZE, self)
        self.sentence = QLabel(sentence, self)
        self.sentence.setProperty("role", "section")
        self.detail = QLabel(detail, self)
        self.detail.setProperty("role", "muted")
        self.detail.setVisible(bool(detail))
        for label in (self.sentence, self.detail):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(action, self)
        self.button.setProperty("variant", "primary")
        self.button.setVisible(bool(action))
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING["md"])
        layout.addStretch(1)
        center = Qt.AlignmentFlag.AlignHCenter
        layout.addWidget(self.icon, 0, center)
        layout.addWidget(self.sentence)  # full width: a wrapped label given an alignment
        layout.addWidget(self.detail)  # in a layout keeps its one-line width and clips
        layout.addSpacing(SPACING["sm"])
        layout.addWidget(self.button, 0, center)
        layout.addStretch(1)
        self.setAccessibleName(sentence)
        self.setAccessibleDescription(detail)
        # With no next step it is a Tab stop of its own, so a page with nothing to list still
        # takes the focus from the page list and says why it is empty.
        if not action:
            self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
