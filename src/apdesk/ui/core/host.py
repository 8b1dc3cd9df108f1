"""The main window as the features that plug into it see it.

Security, sending and languages add their menu items and status-bar parts to the window; they
are given this base class rather than the window itself, so no feature imports the shell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from apdesk.ui.core.context import AppContext


class ShellWindow(QMainWindow):
    """What a feature may use of the main window: the context, the File menu's Lock action
    (items go before it), the list the shortcuts dialog shows, and the status bar's slots."""

    ctx: AppContext
    lock_action: QAction
    shortcut_actions: list[QAction]
    sync_label: QLabel
    unlock_dialog: Any  # the unlock dialog while one is open, else None
