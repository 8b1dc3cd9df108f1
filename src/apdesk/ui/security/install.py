"""Wires the security features into the main window: auto-lock, the clipboard guard, daily
backups on unlock, and the Security menu items."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from apdesk.i18n import _
from apdesk.services import auto_backup
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.host import ShellWindow
from apdesk.ui.security.autolock import AutoLock
from apdesk.ui.security.backups_tab import backup_folder, backup_keep, daily_on
from apdesk.ui.security.clipboard_guard import ClipboardGuard


def back_up_if_due(ctx: AppContext, window: QWidget) -> None:
    """On unlock: a daily backup when switched on and a folder is set; failures are told, once."""
    if not daily_on(ctx) or not backup_folder(ctx) or not ctx.is_unlocked:
        return
    folder, keep, now = Path(backup_folder(ctx)), backup_keep(ctx), datetime.now(UTC)

    def failed(exc: BaseException) -> None:
        message = _("The daily backup was not made: {why}").format(why=describe_error(exc))
        QMessageBox.warning(window, _("Backup"), message)

    store = ctx.store  # a backup copies the store's file: upkeep, not a record change
    ctx.tasks.submit(lambda: auto_backup.back_up_if_due(store, folder, now, keep), None, failed)


class SecurityUi(QObject):
    """Auto-lock, the clipboard guard, daily backups on unlock, and the Security menu items."""

    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        self.autolock = AutoLock(ctx, parent=window)
        self.clipboard_guard = ClipboardGuard(ctx, parent=window)
        ctx.unlocked.connect(lambda: back_up_if_due(ctx, window))
        ctx.locked.connect(self.explain_lock)
        security = QAction(_("&Security…"), window)
        security.setStatusTip(_("Passphrase, recovery key, data key, backups and auto-lock"))
        security.triggered.connect(lambda: self.open_security())
        backup = QAction(_("&Back up now…"), window)
        backup.triggered.connect(lambda: self.open_security(backups=True))
        menu = window.menuBar().actions()[0].menu()
        if isinstance(menu, QMenu):
            if menu.actions():
                menu.insertActions(menu.actions()[0], [security, backup])
            else:
                menu.addActions([security, backup])
        self.actions = [security, backup]
        for action in self.actions:
            action.setEnabled(ctx.is_unlocked)
            ctx.locked.connect(lambda a=action: a.setEnabled(False))
            ctx.unlocked.connect(lambda a=action: a.setEnabled(True))

    def explain_lock(self) -> None:
        """Say on the unlock dialog why the store locked itself, so nobody suspects a fault."""
        reason = self.autolock.reason
        dialog = self.window.unlock_dialog
        if reason and dialog is not None:
            dialog.note.setText(reason)
            dialog.note.setVisible(True)

    def open_security(self, backups: bool = False) -> None:
        from apdesk.ui.security.dialog import SecurityDialog

        if not self.window.ctx.is_unlocked:
            return
        dialog = SecurityDialog(self.window.ctx, self.clipboard_guard, self.window)
        if backups:
            dialog.tabs.setCurrentWidget(dialog.backups)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def install(window: ShellWindow) -> SecurityUi:
    return SecurityUi(window)
