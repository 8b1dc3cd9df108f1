"""A banner across a page: information, success, a warning or a danger, said in words.

Each kind has its own icon shape as well as its tint, and the words carry the message, so
nothing depends on seeing colour. An optional button offers the next step; an optional close
button hides the banner.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from apdesk.i18n import N_, _
from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.props import restyle
from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.icon_label import IconLabel
from apdesk.ui.widgets.value_label import ValueLabel

KINDS = ("info", "success", "warning", "danger")
KIND_NAMES = {
    "info": N_("Information"),
    "success": N_("Done"),
    "warning": N_("Warning"),
    "danger": N_("Problem"),
}
ICON_SIZE = 20


class Banner(QFrame):
    """`Banner("warning", text)`; `action_clicked` when its button is pressed."""

    action_clicked = Signal()
    dismissed = Signal()

    def __init__(
        self,
        kind: str,
        text: str = "",
        *,
        action: str = "",
        dismissible: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("variant", "banner")
        self.icon = IconLabel(icon("state.info"), ICON_SIZE, self)
        self.label = ValueLabel("", "", self)  # a page may caption it: "Audit chain check: …"
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(action, self)
        self.button.setVisible(bool(action))
        self.button.clicked.connect(self.action_clicked)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icon("action.close"))
        self.close_button.setIconSize(QSize(16, 16))
        self.close_button.setAccessibleName(_("Dismiss"))
        self.close_button.setToolTip(_("Dismiss"))
        self.close_button.setVisible(dismissible)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING["md"], SPACING["sm"], SPACING["sm"], SPACING["sm"])
        layout.setSpacing(SPACING["sm"])
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.set_message(kind, text)

    def set_message(self, kind: str, text: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"banner kind {kind!r} is not one of {', '.join(KINDS)}")
        if kind != self.kind:
            self.kind = kind
            restyle(self, kind=kind)
            state = {"danger": "state.danger", "warning": "state.warning"}.get(kind)
            self.icon.set_icon(icon(state or f"state.{kind}", kind))
        self.label.setText(text)
        self.setAccessibleName(f"{_(KIND_NAMES[kind])}: {text}")

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
