"""Backups and locking settings: the Backups tab of the Security dialog.

The backup folder is a per-computer choice (a USB stick here, a network share there), so it
lives in the application settings rather than in the store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from apdesk.i18n import _
from apdesk.services import auto_backup
from apdesk.services.idle import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from apdesk.store.backup_file import restore_backup
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.security.autolock import AutoLock, idle_minutes

FOLDER_KEY, KEEP_KEY, AUTO_KEY = "backup/folder", "backup/keep", "backup/daily"


def backup_folder(ctx: AppContext) -> str:
    return str(ctx.settings.value(FOLDER_KEY, "") or "")


def backup_keep(ctx: AppContext) -> int:
    try:
        return max(1, int(str(ctx.settings.value(KEEP_KEY, auto_backup.DEFAULT_KEEP))))
    except ValueError:
        return auto_backup.DEFAULT_KEEP


def daily_on(ctx: AppContext) -> bool:
    return str(ctx.settings.value(AUTO_KEY, "false")).lower() == "true"


class BackupsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = QLineEdit(backup_folder(ctx), self)
        self.folder.setAccessibleName(_("Backup folder"))
        self.folder.setPlaceholderText(_("A folder on another drive, such as a USB stick"))
        browse = QPushButton(_("B&rowse…"), self)
        browse.setAccessibleName(_("Choose the backup folder"))
        browse.clicked.connect(self.choose_folder)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 60)
        self.keep.setValue(backup_keep(ctx))
        self.keep.setSuffix(_(" backups"))
        self.keep.setAccessibleName(_("Backups to keep"))
        self.daily = QCheckBox(_("Back up &automatically once a day (when unlocked)"), self)
        self.daily.setChecked(daily_on(ctx))
        self.idle = QSpinBox(self)
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setSuffix(_(" minutes"))
        self.idle.setValue(idle_minutes(ctx))
        for spin in (self.keep, self.idle):
            spin.setMinimumWidth(spin.sizeHint().width() + 40)
            spin.setMaximumWidth(spin.sizeHint().width() + 60)
        self.idle.setAccessibleName(_("Lock after this many minutes without use"))
        self.now_button = QPushButton(_("Back up &now"), self)
        self.restore_button = QPushButton(_("R&estore from a backup…"), self)
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Backup status"))
        self.folder.textChanged.connect(self.save)
        self.keep.valueChanged.connect(self.save)
        self.daily.toggled.connect(self.save)
        self.idle.valueChanged.connect(self.save)
        for spin in (self.keep, self.idle):
            inner = spin.findChild(QLineEdit)
            if inner is not None:
                inner.setAccessibleName(spin.accessibleName())
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.now_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        folder_label = QLabel(_("Backup &folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        form.addRow(_("&Keep the last:"), self.keep)
        form.addRow("", self.daily)
        form.addRow(_("&Lock after:"), self.idle)
        form.addRow("", buttons)
        form.addRow(self.status)

    def save(self) -> None:
        self.ctx.settings.setValue(FOLDER_KEY, self.folder.text().strip())
        self.ctx.settings.setValue(KEEP_KEY, self.keep.value())
        self.ctx.settings.setValue(AUTO_KEY, "true" if self.daily.isChecked() else "false")
        lock = getattr(self.window().parent(), "autolock", None)
        if isinstance(lock, AutoLock):
            lock.set_minutes(self.idle.value())
        else:
            self.ctx.settings.setValue("security/idle_minutes", self.idle.value())

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Backup folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.save()

    def back_up_now(self) -> None:
        self.save()
        folder, keep, now = Path(self.folder.text().strip()), self.keep.value(), datetime.now(UTC)
        if not self.folder.text().strip():
            self.status.setText(_("Backup folder: choose one first."))
            return
        self.status.setText(_("Backing up…"))
        store = self.ctx.store  # a backup copies the store's file: upkeep, not a record change
        self.ctx.tasks.submit(
            lambda: auto_backup.back_up_now(store, folder, now, keep),
            lambda path: self.status.setText(_("Backup written to {path}").format(path=path)),
            lambda exc: self.status.setText(describe_error(exc)),
        )

    def restore(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from a backup"), self.folder.text(), _("apdesk backups (*)")
        )
        if not path:
            return
        passphrase, ok = QInputDialog.getText(
            self,
            _("Restore"),
            _("Passphrase of the backup:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not passphrase:
            return
        sure = QMessageBox.question(
            self,
            _("Restore"),
            _(
                "The store will be locked, checked against the backup and replaced by it. "
                "The current store is kept beside it. Continue?"
            ),
        )
        if sure != QMessageBox.StandardButton.Yes:
            return
        self.restore_file(Path(path), passphrase)

    def restore_file(self, path: Path, passphrase: str) -> None:
        """Lock first (the worker drops the engine), then restore on the same worker."""
        ctx, folder = self.ctx, self.ctx.folder
        ctx.lock()

        def done(result: Any) -> None:
            kept = result.kept or "—"
            QMessageBox.information(
                None,
                _("Restored"),
                _("The backup is now the store. The store it replaced is in {kept}.").format(
                    kept=kept
                ),
            )

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(None, _("Restore"), describe_error(exc))

        ctx.tasks.submit(lambda: restore_backup(path, folder, passphrase=passphrase), done, failed)
