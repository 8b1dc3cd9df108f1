"""Quitting never drops typed input: one question names every page and open editor that holds
unsaved input, with Save all / Discard / Cancel (Cancel the default, keeping everything).

Save all saves each page and editor as its own Save would, and quits once every one of them has
committed; one refused stays on screen with its message and the window stays open. A window
whose save is not a plain save (a wizard, ending a placement) asks its own question first.
While the store is locked nothing can be saved: the question is then Discard / Cancel."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from apdesk.i18n import _, ngettext
from apdesk.ui.core.host import ShellWindow
from apdesk.ui.widgets.guard import (
    InputGuard,
    ask_go_or_stay,
    close_all,
    open_editors,
    plain_default,
)
from apdesk.ui.widgets.unsaved import HoldsInput

Button = QMessageBox.StandardButton


def _title(editor: InputGuard) -> str:
    return editor.windowTitle().replace("[*]", "")


def ask_save_all(parent: QWidget, names: list[str]) -> Button:
    """Save all / Discard / Cancel about `names`, Cancel the default and Escape."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(
        # A page or an editor: the list names each, so the question does not count "windows".
        ngettext(
            "Quit apdesk? This is not saved yet:",
            "Quit apdesk? These are not saved yet:",
            len(names),
        )
    )
    box.setInformativeText("\n".join(f"• {name}" for name in names))
    box.setStandardButtons(Button.SaveAll | Button.Discard | Button.Cancel)
    plain_default(box, {Button.SaveAll: _("&Save all"), Button.Discard: _("&Discard")})
    box.setAccessibleName(_("Unsaved changes"))
    return Button(box.exec())


class QuitGuard(QObject):
    """Asks before the main window closes; `may_quit()` is True when it may close now."""

    def __init__(self, window: ShellWindow, pages: Iterable[QWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.pages = pages  # the pages built now (a live view: the window rebuilds them)
        self.saving: list[QObject] = []  # what "Save all" waits for
        window.ctx.changed.connect(lambda *_a: QTimer.singleShot(0, self._saved_one))

    def holders(self) -> tuple[list[HoldsInput], list[InputGuard]]:
        pages: list[HoldsInput] = [
            p for p in self.pages if isinstance(p, HoldsInput) and p.unsaved_input()
        ]
        editors = [e for e in open_editors() if e.has_unsaved_input()]
        return pages, editors

    def may_quit(self) -> bool:
        self.saving = []  # asked again (a save was refused, or Save all ran): ask afresh
        own = [e for e in open_editors() if e.asks_on_its_own]
        if not close_all(own):
            return False
        pages, editors = self.holders()
        if not pages and not editors:
            return close_all(open_editors())
        names = [p.unsaved_input() for p in pages] + [_title(e) for e in editors]
        if not self.window.ctx.is_unlocked:
            answer = ask_go_or_stay(
                self.window,
                _("Unsaved changes"),
                _("Quit and lose the changes in {names}?").format(names=", ".join(names)),
                _("&Quit and lose them"),
                _("Cancel"),
                _("Unlock the store to save them first."),
                QMessageBox.Icon.Warning,
            )
        else:
            answer = ask_save_all(self.window, names)
        if answer == Button.Discard:
            for page in pages:
                page.discard_input()
            for editor in editors:
                editor.discard_input()  # what was typed is let go
            return close_all(open_editors())
        if answer == Button.SaveAll:
            self._save_all(pages, editors)
        return False

    def _save_all(self, pages: list[HoldsInput], editors: list[InputGuard]) -> None:
        self.saving = [*editors, *(p for p in pages if isinstance(p, QObject))]
        self.window.statusBar().showMessage(_("Saving: apdesk closes once everything is saved."))
        for editor in editors:
            editor.finished.connect(lambda *_a: QTimer.singleShot(0, self._saved_one))
            editor.save_and_close()
        for page in pages:
            page.save_input(lambda: QTimer.singleShot(0, self._saved_one))

    def _saved_one(self) -> None:
        """After each commit: once nothing holds unsaved input, quit as asked."""
        if not self.saving:
            return
        pages, editors = self.holders()
        if pages or editors:
            return  # still saving, or a save was refused: its window shows why
        self.saving = []
        self.window.statusBar().clearMessage()
        if close_all(open_editors()):  # those that saved without closing: nothing to ask
            self.window.close()
