"""What the main window's stack of pages holds, and where the focus goes within it.

Each page is built the first time it is asked for (so opening the store pays only for the page
on screen); while the store is locked the stack shows the locked panel instead, and nothing
about any pupil. When the page changes under the focus, the focus goes to the new page's first
control rather than nowhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.empty_state import EmptyState


def focus_first(page: QWidget) -> None:
    """Give the focus to the first control of `page` that Tab would reach."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        accepts = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if accepts and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


class Pages(dict[str, QWidget]):
    """The pages built so far; `pages[key]` builds that page if it is not built yet."""

    def __init__(self, build: Callable[[str], QWidget | None]) -> None:
        super().__init__()
        self.build = build

    def __missing__(self, key: str) -> QWidget:
        page = self.build(key)
        if page is None:
            raise KeyError(key)
        return page


class LockedPanel(QWidget):
    """What the window shows while the store is locked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LockedPanel")
        self.empty = EmptyState(
            "state.locked",
            _("The store is locked."),
            _("Nothing about any pupil is shown until it is unlocked."),
            action=_("&Unlock…"),
            parent=self,
        )
        self.unlock_button = self.empty.button
        self.unlock_button.setIcon(icon("action.unlock", "on_accent"))
        self.unlock_button.setAccessibleName(_("Unlock the store"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)


# A page asked for by another name: the Attendance page and the register stand in for each other.
ALIASES = {"attendance": ("attendance", "register"), "register": ("register", "attendance")}


def find_page(keys: list[str], key: str) -> str | None:
    """The key among `keys` of the page that shows `key` (itself or its stand-in), if any."""
    return next((k for k in ALIASES.get(key, (key,)) if k in keys), None)
