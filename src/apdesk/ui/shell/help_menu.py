"""The window's menus found or made once by title: the user guide lives in Help, the language
beside the appearance in View."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from apdesk.i18n import _


def menu_named(window: QMainWindow, title: str) -> QMenu:
    """The window's menu with this title, added at the end of the menu bar if not there yet."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu) and entry.text() == title:
            return menu
    return window.menuBar().addMenu(title)


def help_menu(window: QMainWindow) -> QMenu:
    return menu_named(window, _("&Help"))
