"""Security settings: change the passphrase, issue a recovery key, rotate the data key, backups.

Everything that touches the key header runs on the worker (Argon2id takes a moment); a new
recovery key is shown once, with Copy (cleared from the clipboard after 30 s) and Print. Keys
are store upkeep, not records: they change no record, so no view needs to refresh.

A passphrase change typed but not made puts `*` in the title and closing asks Save / Discard /
Cancel (Save changes it); a new recovery key not yet copied or printed asks before it is gone.
The backup and locking settings save as they change; a retention period saves when its box is
left, and one typed but not yet saved asks like the passphrase (Save saves it).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.passphrase import estimate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.security.backups_tab import BackupsTab, backup_folder
from apdesk.ui.security.clipboard_guard import ClipboardGuard
from apdesk.ui.security.retention_tab import RetentionTab
from apdesk.ui.widgets.basics import (
    BusyBar,
    ErrorLabel,
    PassphraseInput,
    StrengthMeter,
    monospace_font,
)
from apdesk.ui.widgets.guard import GuardedDialog, ask_go_or_stay, not_input


def change_passphrase(store: Store, old: str, new: str) -> None:
    """Runs on the worker: the old passphrase must open the header before it is replaced."""
    store.header.unlock_with_passphrase(old)  # raises WrongKey with a clear message
    store.change_passphrase(new)


class RecoveryKeyBox(QWidget):
    """A recovery key shown once, with Copy and Print."""

    def __init__(self, guard: ClipboardGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.kept = True  # nothing to keep until a key is shown
        self.key = QLineEdit(self)
        self.key.setReadOnly(True)
        self.key.setFont(monospace_font(1.1))
        self.key.setAccessibleName(_("New recovery key"))
        copy = QPushButton(_("&Copy"), self)
        copy.setAccessibleName(_("Copy the recovery key"))
        copy.clicked.connect(self.copy_key)
        self.print_button = QPushButton(_("&Print…"), self)
        self.print_button.setAccessibleName(_("Print the recovery key"))
        self.print_button.clicked.connect(self.print_key)
        note = QLabel(
            _(
                "Shown once: print it or write it down and lock it away. "
                "The old key no longer works."
            ),
            self,
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(copy)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(note)
        self.hide()

    def show_key(self, key: str) -> None:
        self.key.setText(key)
        self.kept = False
        self.show()

    def copy_key(self) -> None:
        self.guard.copy(self.key.text())
        self.kept = True

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText(_("apdesk recovery key\n\n{key}\n").format(key=self.key.text()))
        doc.print_(printer)
        self.kept = True


TABS_WIDTH = 680  # the retention table's four columns, the source elided


class SecurityDialog(GuardedDialog):
    def __init__(
        self, ctx: AppContext, guard: ClipboardGuard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.guard = guard
        self.setWindowTitle(_("Security"))
        self.setAccessibleName(_("Security settings"))
        self.tabs = QTabWidget(self)
        self.tabs.setMinimumWidth(TABS_WIDTH)
        self.tabs.addTab(self._passphrase_tab(), _("&Passphrase"))
        self.tabs.addTab(self._keys_tab(), _("&Keys"))
        self.backups = not_input(BackupsTab(ctx, self))  # saves as it changes
        self._done: Callable[[Any], None] = lambda _value: None
        self.tabs.addTab(self.backups, _("&Backups and locking"))
        # Its year boxes are rebuilt on each read: it says itself what is unsaved.
        self.retention = not_input(RetentionTab(ctx, self))
        self.retention.edited.connect(self.input_changed)
        self.tabs.addTab(self.retention, _("&Retention"))
        self.error = ErrorLabel(self)
        self.busy = BusyBar(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        # The window grows with its tabs (the retention table is as tall as its rows once
        # they are read), so no part of a tab is drawn over another.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.watch_input()

    # -- unsaved input ---------------------------------------------------------------
    def mark_saved(self) -> None:
        self.settled_key = self.recovery_box.key.text()
        super().mark_saved()

    def discard_input(self) -> None:
        self.retention.forget_unsaved()
        super().discard_input()

    def has_unsaved_input(self) -> bool:
        """A passphrase change typed, or a new recovery key not yet copied or printed."""
        box = self.recovery_box
        unkept = not box.kept and box.key.text() != self.settled_key
        return self._typed_unsaved() or unkept

    def _typed_unsaved(self) -> bool:
        """A passphrase change or a retention period typed and not yet made."""
        return super().has_unsaved_input() or bool(self.retention.unsaved())

    def input_changed(self, *_args: object) -> None:
        self.setWindowModified(self._typed_unsaved())

    def ask(self) -> QMessageBox.StandardButton:
        if self._typed_unsaved():
            return super().ask()  # "Security has changes that are not saved."
        return ask_key_kept(self)

    def save(self) -> None:
        """Save on the way out: the retention periods typed, then the passphrase change."""
        self.retention.save_unsaved(self._save_passphrase, self._failed)

    def _save_passphrase(self) -> None:
        if super().has_unsaved_input():
            self.submit_passphrase()
        else:
            self.saved_and_close()

    # -- tabs --------------------------------------------------------------------
    def _passphrase_tab(self) -> QWidget:
        page = QWidget(self)
        self.old = PassphraseInput(_("Current passphrase"), page)
        self.new = PassphraseInput(_("New passphrase"), page)
        self.again = PassphraseInput(_("New passphrase again"), page)
        self.meter = StrengthMeter(page)
        self.new.edit.secret_changed.connect(self.meter.update_for)
        self.change_button = QPushButton(_("&Change passphrase"), page)
        self.change_button.clicked.connect(self.submit_passphrase)
        self.changed_note = QLabel(page)
        # Tab runs down the three passphrases; each Show button comes after them.
        # (Each box itself stands before its line: it hands focus to the line.)
        boxes = (self.old, self.new, self.again)
        lines: list[QWidget] = [w for b in boxes for w in (b, b.edit)]
        order = lines + [b.toggle for b in boxes] + [self.change_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        form = QFormLayout(page)
        form.addRow(_("C&urrent passphrase:"), self.old)
        form.addRow(_("&New passphrase:"), self.new)
        form.addRow("", self.meter)
        form.addRow(_("New passphrase a&gain:"), self.again)
        form.addRow("", self.change_button)
        form.addRow("", self.changed_note)
        return page

    def _keys_tab(self) -> QWidget:
        page = QWidget(self)
        recovery_intro = QLabel(
            _("A new recovery key replaces the old one, which stops working at once."), page
        )
        recovery_intro.setWordWrap(True)
        self.recovery_button = QPushButton(_("Issue a new &recovery key"), page)
        self.recovery_button.clicked.connect(self.issue_recovery_key)
        rotate_intro = QLabel(
            _(
                "Rotating the data key re-encrypts the whole store under a new key, after a "
                "checked backup. Use it if a copy of the store or its key may have been taken. "
                "It also issues a new recovery key."
            ),
            page,
        )
        rotate_intro.setWordWrap(True)
        # A confirmation of the rotation, not something to save.
        self.rotate_passphrase = not_input(PassphraseInput(_("Passphrase to confirm"), page))
        self.rotate_button = QPushButton(_("Rotate the &data key"), page)
        self.rotate_button.clicked.connect(self.rotate_key)
        self.recovery_box = RecoveryKeyBox(self.guard, page)
        form = QFormLayout(page)
        form.addRow(recovery_intro)
        form.addRow("", self.recovery_button)
        form.addRow(rotate_intro)
        form.addRow(_("Pa&ssphrase:"), self.rotate_passphrase)
        form.addRow("", self.rotate_button)
        form.addRow(self.recovery_box)
        return page

    # -- actions -----------------------------------------------------------------
    def _run(self, fn: Callable[[Store], Any], done: Callable[[Any], None]) -> None:
        """`fn(store)` on the worker, after any queued work; `done(value)` back here."""
        self.error.show_message("")
        self.busy.show()
        self.tabs.setEnabled(False)
        self._done = done
        store = self.ctx.store
        self.ctx.tasks.submit(lambda: fn(store), self._finished, self._failed)

    def _finished(self, value: Any) -> None:
        self.busy.hide()
        self.tabs.setEnabled(True)
        self._done(value)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.tabs.setEnabled(True)
        self._close_after_save = False
        self.error.show_message(describe_error(exc))

    def submit_passphrase(self) -> None:
        old, new = self.old.text(), self.new.text()
        self.changed_note.clear()
        try:
            if new != self.again.text():
                raise ValidationError(
                    _("New passphrase again"),
                    _("does not match"),
                    _("type the same passphrase twice"),
                )
            strength = estimate(new)
            if not strength.acceptable:
                raise ValidationError(_("New passphrase"), strength.label, strength.hint)
        except ValidationError as exc:
            self.error.show_message(str(exc))
            self._close_after_save = False
            return

        def changed(_value: object) -> None:
            for box in (self.old, self.new, self.again):
                box.clear()
            self.changed_note.setText(
                _("Passphrase changed. Use the new one next time you unlock.")
            )
            self.saved_and_close()

        self._run(lambda store: change_passphrase(store, old, new), changed)

    def issue_recovery_key(self) -> None:
        answer = QMessageBox.question(
            self,
            _("New recovery key"),
            _("Issue a new recovery key? The old one will stop working."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(lambda store: store.new_recovery_key(), self.recovery_box.show_key)

    def rotate_key(self) -> None:
        passphrase = self.rotate_passphrase.text()
        if not passphrase:
            self.error.show_message(_("Passphrase: type it to confirm the rotation"))
            return

        def rotated(key: str) -> None:
            self.rotate_passphrase.clear()
            self.recovery_box.show_key(key)

        folder = backup_folder(self.ctx)  # the daily backups: the old keys open them too
        folders = [Path(folder)] if folder else []
        self._run(lambda store: store.rotate_key(passphrase, backup_folders=folders), rotated)


def ask_key_kept(parent: QWidget) -> QMessageBox.StandardButton:
    """A new recovery key is shown once: closing before copying or printing it asks first.
    Discard stands for Close, Cancel (the default) for Go back."""
    return ask_go_or_stay(
        parent,
        _("New recovery key"),
        _("The new recovery key is shown only once."),
        _("&Close without it"),
        _("&Go back"),
        detail=_("Close without copying or printing it? The old key no longer works."),
        icon=QMessageBox.Icon.Warning,
    )
