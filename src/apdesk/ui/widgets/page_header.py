"""The header every page starts with: title, one line of context, the page's actions on the right.

The same on every page, so a person always knows where they are and where the main actions
live. The context line elides rather than wraps (its full text is in the tool tip), so the
header keeps one height whatever the data says. Title and context line are read like a
`ValueLabel`: a page that gives them a caption ("Number of pupils shown") is heard as
"caption: value", kept in step whenever the text changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.eliding_label import ElidingLabel
from apdesk.ui.widgets.value_label import ValueLabel, read_as

# Every page's margins around its header and content: the same on every page, so the title
# and the first control never jump as a person moves through the sidebar.
PAGE_MARGINS = (SPACING["lg"], SPACING["md"], SPACING["lg"], SPACING["sm"])


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersands or trailing ellipsis, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def action_button(action: QAction, parent: QWidget, *, primary: bool = False) -> QPushButton:
    """A push button that mirrors an action: its text, icon, enabled state and tool tip."""
    button = QPushButton(action.icon(), action.text(), parent)
    if primary:
        button.setProperty("variant", "primary")

    def sync() -> None:
        button.setText(action.text())
        button.setIcon(action.icon())
        button.setEnabled(action.isEnabled())
        button.setVisible(action.isVisible())
        button.setToolTip(action.toolTip() if action.toolTip() != plain(action.text()) else "")
        button.setAccessibleName(plain(action.text()))

    sync()
    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    return button


class ContextLine(ElidingLabel):
    """The header's context line: elided when long, whole in its tool tip, and read with its
    caption ("Number of pupils shown: 24 of 200 pupils") on every `setText`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.caption = ""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self._name()

    def set_caption(self, caption: str) -> None:
        self.caption = caption
        self._name()

    def _name(self) -> None:
        self.setAccessibleName(read_as(self.caption, " ".join(self.text().split())))


class PageHeader(QFrame):
    def __init__(self, title: str, context: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PageHeader")
        self.title = ValueLabel("", "", self)
        self.title.setProperty("role", "page-title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setText(title)
        self.context = ContextLine(self)
        self.context.setProperty("role", "muted")
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        self.set_context(context)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.context)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(SPACING["sm"])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACING["md"])
        layout.setSpacing(SPACING["lg"])
        layout.addLayout(text, 1)
        layout.addLayout(self.action_row)

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def set_context(self, context: str) -> None:
        self.context.setText(context)
        self.context.setVisible(bool(context))

    def add_action(self, action: QAction, *, primary: bool = False) -> QPushButton:
        """A button for `action` on the right; the primary one goes last, nearest the edge."""
        button = action_button(action, self, primary=primary)
        self.action_row.addWidget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        self.action_row.addWidget(widget)
