"""After an unlock by passphrase where no keyring key worked (a new computer, a reset keyring),
offer to remember the store on this computer so it opens by itself next time."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from apdesk.i18n import _
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import describe_error
from apdesk.ui.core.host import ShellWindow

ANSWERED_KEY = settings_keys.REMEMBER_ANSWERED.name


class RememberOffer(QObject):
    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None

    def needed(self) -> bool:
        ctx = self.window.ctx
        if not ctx.is_unlocked or self._answered():
            return False
        how = ctx.store.unlocked_by
        return how.method == "passphrase" and how.keyring_missing

    def _answered(self) -> bool:
        """Asked once, answered once: "Not now" is not asked again after every unlock."""
        answered = self.window.ctx.settings.value(ANSWERED_KEY, "")
        return str(answered) == str(self.window.ctx.folder)

    def offer_if_needed(self) -> QMessageBox | None:
        if not self.needed() or self.box is not None:
            return None
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Remember on this computer?"))
        box.setText(
            _("The store opened with its passphrase: this computer's keyring has no key for it.")
        )
        box.setInformativeText(
            _(
                "Remember it on this computer, so apdesk opens it by itself next time? "
                "Do this only on a computer that is yours, with its own login."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(_("&Remember on this computer"))
        box.button(QMessageBox.StandardButton.No).setText(_("&Not now"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # It takes the focus, so a keyboard or screen-reader user can answer it; it is asked
        # once per store, so it no longer stands in the way after every unlock.
        box.accepted.connect(self.remember)
        box.finished.connect(self._closed)
        self.box = box
        box.open()
        return box

    def _closed(self, _result: int) -> None:
        self.box = None  # either answer (or closing it) is an answer: not asked again
        self.window.ctx.settings.setValue(ANSWERED_KEY, str(self.window.ctx.folder))

    def remember(self) -> None:
        ctx = self.window.ctx
        if not ctx.is_unlocked:
            return
        store = ctx.store
        ctx.tasks.submit(store.remember_in_keyring, self._remembered, self._failed)

    def _remembered(self, ok: bool) -> None:
        text = (
            _("Remembered: the store opens by itself on this computer.")
            if ok
            else _("This computer has no keyring apdesk can use: the passphrase is still needed.")
        )
        self.window.statusBar().showMessage(text, 8000)

    def _failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(describe_error(exc), 8000)


def install(window: ShellWindow) -> RememberOffer:
    """The offer is made by whoever ran the unlock dialog, once the window shows the store."""
    return RememberOffer(window)
