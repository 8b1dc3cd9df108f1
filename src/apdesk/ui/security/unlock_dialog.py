"""Unlock a store with its passphrase, or with the recovery key and a new passphrase.

The key derivation (Argon2id) takes a noticeable moment, so unlocking runs on the worker with
a busy bar; a wrong key keeps the dialog open with the store's own explanation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _
from apdesk.store import Store
from apdesk.ui.core.context import describe_error
from apdesk.ui.core.tasks import TaskRunner
from apdesk.ui.widgets.basics import (
    BusyBar,
    ErrorLabel,
    PassphraseInput,
    StrengthMeter,
    monospace_font,
)
from apdesk.ui.widgets.quiet_stack import QuietStack

PASSPHRASE_PAGE, RECOVERY_PAGE = 0, 1
NO_RECOVERY_KEY = N_(
    "This store has no recovery key that you hold: a key rotation did not finish, or the "
    "key was never made. Make a new recovery key now in File › Security › Keys, and lock it away."
)


def recovery_warning(store: Store) -> str:
    """What to tell the person at unlock about the store's recovery key ('' when all is well)."""
    return _(NO_RECOVERY_KEY) if store.unlocked_by.needs_recovery_key else ""


def _left(button: QPushButton) -> QHBoxLayout:
    """A link-like button sitting at the left of its form row rather than centred."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class UnlockDialog(QDialog):
    """On success `store` holds the unlocked store and the dialog is accepted."""

    def __init__(
        self,
        folder: Path,
        tasks: TaskRunner,
        *,
        note: str = "",
        cancel_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.tasks = tasks
        self.store: Store | None = None
        self._busy = False
        self.setWindowTitle(_("Unlock apdesk"))
        self.setAccessibleName(_("Unlock the store"))
        self.setMinimumWidth(480)

        heading = QLabel(f"<h3>{_('Unlock the store')}</h3>", self)
        where = QLabel(_("Store: {folder}").format(folder=self.folder), self)
        where.setWordWrap(True)
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.pages = QuietStack(self)  # no "layered pane" before the passphrase
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())
        self.error = ErrorLabel(self)
        self.busy = BusyBar(self)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(
            _("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setAccessibleName(_("Unlock"))
        self.unlock_button.setDefault(True)
        cancel = self.buttons.addButton(
            cancel_text or _("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setAccessibleName(cancel_text or _("Quit without unlocking"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(self.note)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.show_passphrase_page()

    # -- pages -----------------------------------------------------------------
    def _passphrase_page(self) -> QWidget:
        page = QWidget(self)
        self.passphrase = PassphraseInput(_("Passphrase"), page)  # Enter presses Unlock
        self.recovery_link = QPushButton(_("Use the recovery key instead…"), page)
        self.recovery_link.setFlat(True)
        self.recovery_link.setAccessibleName(_("Use the recovery key instead"))
        self.recovery_link.clicked.connect(self.show_recovery_page)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("&Passphrase:"), self.passphrase)
        form.addRow("", _left(self.recovery_link))
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            _(
                "Type the recovery key you printed or wrote down when the store was set up, "
                "then choose a new passphrase."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.recovery_key = PassphraseInput(
            _("Recovery key"), page, show_name=_("Show the recovery key")
        )
        self.recovery_key.edit.setFont(monospace_font())
        self.recovery_key.edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_passphrase = PassphraseInput(_("New passphrase"), page)
        self.confirm_passphrase = PassphraseInput(_("New passphrase again"), page)
        self.meter = StrengthMeter(page)
        self.new_passphrase.edit.secret_changed.connect(self.meter.update_for)
        self.back_link = QPushButton(_("Back to the passphrase"), page)
        self.back_link.setFlat(True)
        self.back_link.setAccessibleName(_("Back to the passphrase"))
        self.back_link.clicked.connect(self.show_passphrase_page)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(intro)
        form.addRow(_("&Recovery key:"), self.recovery_key)
        form.addRow(_("&New passphrase:"), self.new_passphrase)
        form.addRow(_("&Again:"), self.confirm_passphrase)
        form.addRow("", self.meter)
        form.addRow("", _left(self.back_link))
        return page

    def _show_page(self, index: int) -> None:
        """Switch pages and fit the dialog to the one shown (not to the larger of the two)."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.error.show_message("")
        self.adjustSize()

    def show_passphrase_page(self) -> None:
        self._show_page(PASSPHRASE_PAGE)
        self.unlock_button.setText(_("Unlock"))
        self.passphrase.setFocus()

    def show_recovery_page(self) -> None:
        self._show_page(RECOVERY_PAGE)
        self.unlock_button.setText(_("Unlock and set passphrase"))
        self.recovery_key.setFocus()

    # -- unlocking -------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        if self.store is not None:  # unlocked; the recovery key warning has been read
            self.accept()
            return
        if self.pages.currentIndex() == PASSPHRASE_PAGE:
            self._unlock_with_passphrase()
        else:
            self._unlock_with_recovery()

    def _unlock_with_passphrase(self) -> None:
        passphrase, folder = self.passphrase.text(), self.folder
        if not passphrase:
            self.error.show_message(_("Type the store's passphrase."))
            return
        self._start(lambda: Store.open(folder, passphrase=passphrase))

    def _unlock_with_recovery(self) -> None:
        key, folder = self.recovery_key.text().strip(), self.folder
        new, again = self.new_passphrase.text(), self.confirm_passphrase.text()
        if not key:
            self.error.show_message(_("Type the recovery key."))
            return
        strength = self.meter.update_for(new)
        if not strength.acceptable:
            self.error.show_message(_("New passphrase: {hint}").format(hint=strength.hint))
            return
        if new != again:
            self.error.show_message(_("The two new passphrases differ: type the same one twice."))
            return

        def work() -> Store:
            store = Store.open(folder, recovery_key=key)
            try:
                store.change_passphrase(new)
            except BaseException:
                store.lock()
                raise
            return store

        self._start(work)

    def _start(self, work: Callable[[], Store]) -> None:
        self._set_busy(True)
        self.error.show_message("")
        self.tasks.submit(work, self._unlocked, self._failed)

    def _unlocked(self, store: Store) -> None:
        self._set_busy(False)
        self.store = store
        warning = recovery_warning(store)
        if not warning:
            self.accept()
            return
        self.error.show_message(warning)  # said here, before the window: press Continue
        self.pages.setEnabled(False)
        self.unlock_button.setText(_("Continue"))
        self.unlock_button.setAccessibleName(_("Continue"))
        self.unlock_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.show_message(describe_error(exc))
        if self.pages.currentIndex() == PASSPHRASE_PAGE:
            self.passphrase.edit.selectAll()
            self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.pages.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if self.store is not None:  # already unlocked: closing the warning carries on
            self.accept()
        elif not self._busy:  # never walk away from an unlock in flight: it would leak the key
            super().reject()
