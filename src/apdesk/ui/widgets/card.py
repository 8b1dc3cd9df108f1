"""Cards and KPI tiles: content on a surface with a soft edge, for the Home page and summaries.

A KPI tile shows a number big, what it counts, and one line of detail; a tile that leads
somewhere is focusable and opens with Enter, Space or a click, like a button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from apdesk.ui.theme.props import restyle
from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.eliding_label import ElidingLabel


class Card(QFrame):
    """A surface with an optional section title; put content in `body` (a QVBoxLayout)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("variant", "card")
        self.body = QVBoxLayout(self)
        pad = SPACING["lg"]
        self.body.setContentsMargins(pad, pad - 4, pad, pad - 4)
        self.body.setSpacing(SPACING["sm"])
        self.heading: QLabel | None = None
        if title:
            self.heading = QLabel(title, self)
            self.heading.setProperty("role", "section")
            self.body.addWidget(self.heading)

    def set_selected(self, selected: bool) -> None:
        restyle(self, selected="true" if selected else "false")


class KpiTile(Card):
    """A number, its caption and a detail line; `activated` when opened (if clickable)."""

    activated = Signal()

    def __init__(
        self,
        caption: str,
        value: str = "–",
        detail: str = "",
        *,
        clickable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.value = QLabel(value, self)
        self.value.setProperty("role", "display")
        self.caption = QLabel(caption, self)
        self.caption.setProperty("role", "strong")
        self.caption.setWordWrap(True)
        self.detail = ElidingLabel(detail, self)
        self.detail.setProperty("role", "caption")
        self.detail.setToolTip(detail)
        for label in (self.value, self.caption, self.detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.body.addWidget(label)
        self.body.addStretch(1)
        self.clickable = clickable
        if clickable:
            self.setProperty("clickable", "true")
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._describe()

    def set_value(self, value: str, detail: str | None = None) -> None:
        self.value.setText(value)
        if detail is not None:
            self.detail.setText(detail)
            self.detail.setToolTip(detail)
        self._describe()

    def _describe(self) -> None:
        parts = [self.caption.text(), self.value.text(), self.detail.text()]
        self.setAccessibleName(", ".join(p for p in parts if p))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if self.clickable and event.key() in keys:
            self.activated.emit()
            return
        super().keyPressEvent(event)
