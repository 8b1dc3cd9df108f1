"""From launch to the main window: the demo store, the set-up wizard, or unlocking.

Every store operation (create, open, fill with demo data) runs on the worker; this object only
reacts to the results, so the window system stays responsive throughout. The demo's data, the
set-up wizard and the unlock dialog are imported only when used: most starts open an existing
store through the keyring.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from apdesk.i18n import N_, _
from apdesk.store import KdfParams, Store, WrongKey
from apdesk.store.header import KeyHeader
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.tasks import TaskRunner
from apdesk.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from apdesk.ui.security.unlock_dialog import UnlockDialog
    from apdesk.ui.shell.setup_wizard import SetupWizard

KEYRING_NOTE = N_(
    "This computer's keyring did not have the key for this store (the keyring may have been "
    "reset, or the store was copied from another computer), so apdesk needs the passphrase."
)


def open_by_keyring(folder: Path) -> Store | bool:
    """The store if the keyring opens it; else whether a keyring key was expected."""
    try:
        return Store.open(folder)
    except WrongKey:
        return "keyring" in KeyHeader.load(folder).slots


def make_demo(folder: Path, pupils: int, kdf: KdfParams | None) -> Store:
    from apdesk.services.demo import DEMO_PASSPHRASE, populate

    store, _recovery = Store.create(folder, DEMO_PASSPHRASE, use_keyring=False, kdf=kdf)
    try:
        populate(store, pupils=pupils, seed=7)
    except BaseException:
        store.lock()
        raise
    return store


class Startup(QObject):
    """Drives the first minutes; `window` is the main window once a store is open."""

    exit_requested = Signal(int)  # the person gave up (0) or something failed (2)
    window_shown = Signal()

    def __init__(
        self,
        folder: Path,
        tasks: TaskRunner,
        settings: QSettings,
        *,
        demo: bool = False,
        kdf: KdfParams | None = None,
        demo_pupils: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.tasks = tasks
        self.settings = settings
        self.demo = demo
        self.kdf = kdf
        self.demo_pupils = demo_pupils
        self.window: MainWindow | None = None
        self.dialog: UnlockDialog | SetupWizard | QProgressDialog | None = None

    def start(self) -> None:
        folder = self.folder
        if self.demo and Store.exists(folder):
            from apdesk.services.demo import DEMO_PASSPHRASE

            self.tasks.submit(
                lambda: Store.open(folder, passphrase=DEMO_PASSPHRASE), self.open_window, self.fail
            )
        elif self.demo:
            self._make_demo()
        elif not Store.exists(folder):
            self._show_wizard()
        else:
            self.tasks.submit(lambda: open_by_keyring(folder), self._keyring_answered, self.fail)

    # -- the three ways in -----------------------------------------------------------
    def _make_demo(self) -> None:
        progress = QProgressDialog(
            _("Making the demo school ({n} synthetic pupils)…").format(n=self.demo_pupils),
            "",
            0,
            0,
        )
        progress.setCancelButton(None)
        progress.setWindowTitle(_("apdesk demo"))
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumWidth(420)
        progress.show()
        self.dialog = progress
        folder, pupils, kdf = self.folder, self.demo_pupils, self.kdf
        self.tasks.submit(lambda: make_demo(folder, pupils, kdf), self.open_window, self.fail)

    def _show_wizard(self) -> None:
        from apdesk.ui.shell.setup_wizard import SetupWizard

        wizard = SetupWizard(self.folder, self.tasks, kdf=self.kdf)
        wizard.accepted.connect(lambda: self.open_window(wizard.store))
        wizard.rejected.connect(lambda: self.exit_requested.emit(0))
        self.dialog = wizard
        wizard.show()

    def _keyring_answered(self, answer: Store | bool) -> None:
        if isinstance(answer, Store):
            self.open_window(answer)
            self._warn_of_recovery_key(answer)
            return
        from apdesk.ui.security.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(self.folder, self.tasks, note=_(KEYRING_NOTE) if answer else "")
        dialog.accepted.connect(lambda: self.open_window(dialog.store))
        dialog.accepted.connect(self._offer_to_remember)
        dialog.rejected.connect(lambda: self.exit_requested.emit(0))
        self.dialog = dialog
        dialog.show()

    def _offer_to_remember(self) -> None:
        if self.window is not None:
            self.window.remember_offer.offer_if_needed()

    # -- outcomes ----------------------------------------------------------------------
    def open_window(self, store: Store | None) -> None:
        if store is None:
            self.exit_requested.emit(2)
            return
        ctx = AppContext(self.folder, self.tasks, self.settings, store=store, kdf=self.kdf)
        self.window = MainWindow(ctx)
        self.window.show()
        self._close_dialog()
        self.window_shown.emit()

    def _warn_of_recovery_key(self, store: Store) -> None:
        """Opened by the keyring, with no unlock window to say it: say it over the window."""
        from apdesk.ui.security.unlock_dialog import recovery_warning

        warning = recovery_warning(store)
        if warning and self.window is not None:
            box = QMessageBox(
                QMessageBox.Icon.Warning, _("Recovery key"), warning, parent=self.window
            )
            self.error_box = box
            box.open()

    def fail(self, exc: BaseException) -> None:
        self._close_dialog()
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _("apdesk"),
            _("apdesk could not open the store in {folder}.").format(folder=self.folder),
        )
        box.setInformativeText(describe_error(exc))
        box.finished.connect(lambda _result: self.exit_requested.emit(2))
        self.dialog = None
        self.error_box = box
        box.open()

    def _close_dialog(self) -> None:
        if isinstance(self.dialog, QProgressDialog):
            self.dialog.close()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
