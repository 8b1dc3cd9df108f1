"""The Help menu, found or made once: the language and user-guide actions both live in it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from apdesk.i18n import _


def help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu, added at the end of the menu bar if it is not there yet."""
    help_title = _("&Help")
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu) and entry.text() == help_title:
            return menu
    return window.menuBar().addMenu(help_title)
