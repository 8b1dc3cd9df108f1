"""The placements page's actions, each reachable four ways: its button (Tab reaches it), its
Alt+letter, the table's context menu (the Menu key or Shift+F10 on a placement), and for the
common ones a Ctrl shortcut. The page says what each does; here each is made the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from apdesk.i18n import _
from apdesk.ui.theme.icons import icon

# key, icon, words with their Alt+letter, what it does, its Ctrl shortcut if it has one
Entry = tuple[str, str, str, Callable[[], object], QKeySequence.StandardKey | str | None]


def page_actions(
    page: QWidget, entries: Sequence[Entry], main: str
) -> tuple[QToolBar, dict[str, QAction]]:
    """The bar of buttons and every action by key. The page's `main` action sits in its header,
    whose button carries its Alt+letter; every other one is a button on the bar, with its
    Alt+letter here. Every shortcut works while the page is shown."""
    bar = QToolBar(_("Placement actions"), page)
    bar.setAccessibleName(_("Placement actions"))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    actions: dict[str, QAction] = {}
    for key, glyph, text, slot, shortcut in entries:
        action = QAction(icon(glyph), text, page)
        action.triggered.connect(slot)
        keys = [] if key == main else [QKeySequence.mnemonic(text)]
        if shortcut is not None:
            keys.insert(0, QKeySequence(shortcut))
        action.setShortcuts(keys)
        words = text.replace("&", "").rstrip("…")
        shown = (keys[0] if keys else QKeySequence.mnemonic(text)).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        action.setToolTip(f"{words} ({shown})")
        page.addAction(action)  # its shortcuts work while the page is shown
        if key != main:
            bar.addAction(action)
            button = bar.widgetForAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(words)
        actions[key] = action
    return bar, actions
