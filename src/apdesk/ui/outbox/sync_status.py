"""Plugs sending to the LA into the main window: the status-bar state, Send now, Settings….

One call from the window (`install_sync(window)`) so the window itself stays small.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from apdesk.i18n import _
from apdesk.ui.core.host import ShellWindow
from apdesk.ui.outbox.no_connection import open_connection_settings, send_or_explain
from apdesk.ui.outbox.sync_controller import SyncController
from apdesk.ui.outbox.sync_state import SyncState


class SyncUi(QObject):
    """Keeps the window's sync label current and stops the sender when the window closes."""

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = SyncController.for_context(window.ctx)
        self.label = window.sync_label
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setContentsMargins(0, 0, 12, 0)  # apart from the lock state beside it
        self.controller.state_changed.connect(self.show_state)
        self.show_state(self.controller.state)

        self.send_action = QAction(_("&Send to LA now"), window)
        self.send_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+Shift+S")])
        self.send_action.setStatusTip(_("Send every queued notification pack to the LA now"))
        self.send_action.triggered.connect(self.send_now)
        self.settings_action = QAction(_("Se&ttings…"), window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setStatusTip(_("The LA connection: endpoint, token and keys"))
        self.settings_action.triggered.connect(self.open_settings)
        file_menu = window.lock_action.associatedObjects()[0]  # the File menu holds Lock
        assert isinstance(file_menu, QMenu)
        file_menu.insertActions(window.lock_action, [self.send_action, self.settings_action])
        file_menu.insertSeparator(window.lock_action)
        window.shortcut_actions[1:1] = [self.send_action, self.settings_action]
        window.ctx.locked.connect(lambda: self._enable(False))
        window.ctx.unlocked.connect(lambda: self._enable(True))
        self._enable(window.ctx.is_unlocked)
        window.installEventFilter(self)

    def _enable(self, on: bool) -> None:
        self.send_action.setEnabled(on)
        self.settings_action.setEnabled(on)

    def show_state(self, state: SyncState) -> None:
        self.label.setText(state.text)
        self.label.setToolTip(state.detail)
        self.label.setAccessibleDescription(state.detail)
        self.label.setVisible(bool(state.text))

    def send_now(self) -> None:
        send_or_explain(self.window.ctx, self.window, self.controller.send_now)

    def open_settings(self) -> None:
        open_connection_settings(self.window.ctx, self.window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self.window and event.type() == QEvent.Type.Close
        if closing and shiboken6.isValid(self.controller):
            self.controller.shutdown()
        return False


def install_sync(window: ShellWindow) -> SyncUi:
    return SyncUi(window)
