"""What a pack holds, checked: its members with sizes and SHA-256, the notification, the manifest.

Read-only: a pack is signed, so nothing here may change it.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.sync.verify import VerifiedPack
from apdesk.ui.widgets.basics import monospace_font
from apdesk.ui.widgets.screen_fit import fit_to_screen


def pretty(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False)


def _text_view(text: str, name: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setFont(monospace_font())
    view.setPlainText(text)
    view.setAccessibleName(name)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return view


class PackContentsDialog(QDialog):
    def __init__(self, pack: VerifiedPack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setWindowTitle(_("Pack contents"))
        self.setAccessibleName(_("Pack contents"))
        fit_to_screen(self, 760, 560)
        summary = _("Pack {pack_id} · signed by the school's key {key}").format(
            pack_id=pack.pack_id, key=pack.signer_key_id
        )
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Pack identity"))
        check = _("The signature and every member's SHA-256 were checked and match.")
        if pack.encrypted:
            recipient = pack.manifest.get("encryption", {}).get("recipient_key_id", "")
            check += " " + _("The payload is encrypted to the LA's key {key}.").format(
                key=recipient
            )
        self.check = QLabel(check, self)
        self.check.setWordWrap(True)
        self.members = self._members_table()
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Pack members"))
        self.tabs.addTab(self.members, _("&Members"))
        if pack.encrypted:
            self.notification: QWidget = QLabel(
                _(
                    "The notification and any referral are encrypted to the LA's key: only "
                    "the LA can open them. The manifest below lists them by size and SHA-256."
                ),
                self,
            )
            self.notification.setWordWrap(True)
            self.notification.setAccessibleName(_("Encrypted notification"))
        else:
            text = pretty(pack.notification) if pack.notification is not None else ""
            self.notification = _text_view(text, _("Notification JSON"), self)
        self.tabs.addTab(self.notification, _("&Notification"))
        self.manifest = _text_view(pretty(pack.manifest), _("Manifest JSON"), self)
        self.tabs.addTab(self.manifest, _("Manifes&t"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName(_("Close the pack contents"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.check)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _members_table(self) -> QTableWidget:
        listed = list(self.pack.manifest.get("members", []))
        table = QTableWidget(len(listed), 3, self)
        table.setAccessibleName(_("Members with sizes and SHA-256"))
        table.setHorizontalHeaderLabels([_("Member"), _("Size (bytes)"), _("SHA-256")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for row, entry in enumerate(listed):
            size = QTableWidgetItem(f"{int(entry.get('size', 0)):,}")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            digest = QTableWidgetItem(str(entry.get("sha256", "")))
            digest.setFont(monospace_font())
            table.setItem(row, 0, QTableWidgetItem(str(entry.get("name", ""))))
            table.setItem(row, 1, size)
            table.setItem(row, 2, digest)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table
