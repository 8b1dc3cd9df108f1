"""Nothing typed is lost: a dialog knows when it holds unsaved input and asks before dropping it.

`GuardedDialog` is the base of every editor. After it has loaded its record it calls
`watch_input()`; from then on any change to its inputs puts `*` in the title (Qt's
`setWindowModified`), and Escape, Close, the window's close button and quitting ask
Save / Discard / Cancel, with Cancel the default. What counts as the dialog's input is found by
walking its children (see `input_scan`), so an editor needs no list of its own fields; a field
that is not input (a search box, a passphrase to confirm) says so with `not_input(widget)`.

`GuardedWizard` does the same for a wizard, whose question is Leave / Stay (Stay the default):
a wizard has nothing to save, only choices to lose. Both share `InputGuard`.

A form saves through `submit()`: it reads the fields (a ValidationError goes beside its field),
runs the operation once at a time with Save disabled, and closes after the commit or puts the
refusal beside the field it names, keeping everything typed.

Locking the store keeps open editors: `shelve()` hides them, in memory only, and `unshelve()`
brings them back after unlock (as KeePassXC does with its open entries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QWidget,
    QWizard,
)

from apdesk.i18n import N_, _
from apdesk.models.errors import ValidationError
from apdesk.ui.theme.props import restyle
from apdesk.ui.widgets.input_scan import Snapshot, connect_input, inputs_of

# Offered here too: a dialog marks what is not input, and compares snapshots, through the guard.
from apdesk.ui.widgets.input_scan import not_input as not_input
from apdesk.ui.widgets.input_scan import snapshot as snapshot

if TYPE_CHECKING:
    from apdesk.ui.core.context import Call
    from apdesk.ui.widgets.forms import FieldErrors

# The mixin below is typed as the dialog it always ends up in; at run time it is a plain class.
if TYPE_CHECKING:
    _DialogBase = QDialog
else:
    _DialogBase = object

T = TypeVar("T")


class InputGuard(_DialogBase):
    """What every guarded window shares, dialog or wizard: it tracks its input from
    `watch_input()` on and asks before dropping it. Subclasses call `_init_guard()` first."""

    # True where saving is not a plain save (a wizard has none; ending a placement cannot be
    # undone): quitting then asks this window its own question instead of saving it with the rest.
    asks_on_its_own = False

    def _init_guard(self) -> None:
        self._baseline: Snapshot | None = None
        self._watched: set[int] = set()
        self._close_after_save = False
        self._asking = False
        self.saving = False  # an operation started by `submit()` has not answered yet

    # -- what the subclass provides ----------------------------------------------------------
    def save(self) -> None:
        """Save the input; on success call `saved_and_close()` or `mark_saved()`."""
        raise NotImplementedError

    def ask(self) -> QMessageBox.StandardButton:
        """The question before closing with unsaved input: Save, Discard or Cancel."""
        return ask_unsaved(self, self.windowTitle().replace("[*]", ""))

    # -- tracking ----------------------------------------------------------------------------
    def setWindowTitle(self, title: str) -> None:
        super().setWindowTitle(title if "[*]" in title else f"{title}[*]")
        # Qt names the window by its raw title: without this a screen reader would say
        # "New placement left bracket star right bracket dialog".
        self.setAccessibleName(title.replace("[*]", ""))

    def watch_input(self) -> None:
        """From now on, changes to the inputs mark the dialog as modified."""
        for widget in inputs_of(self):
            if id(widget) not in self._watched:
                self._watched.add(id(widget))
                connect_input(widget, self._touched)
        self.mark_saved()

    def mark_saved(self) -> None:
        self._baseline = snapshot(self)
        self.setWindowModified(False)

    def has_unsaved_input(self) -> bool:
        return self._baseline is not None and snapshot(self) != self._baseline

    def input_changed(self, *_args: object) -> None:
        """Something outside the watched widgets changed the input (a row added, a file
        chosen): follow new rows and update the `*`."""
        self._touched()

    def _touched(self, *_args: object) -> None:
        if self._baseline is not None:
            for widget in inputs_of(self):  # rows added since: follow them too
                if id(widget) not in self._watched:
                    self._watched.add(id(widget))
                    connect_input(widget, self._touched)
            self.setWindowModified(self.has_unsaved_input())

    # -- saving a form ---------------------------------------------------------------------
    def submit(
        self,
        call: Callable[[], Call[T]],
        saved: Callable[[T], None],
        *,
        errors: FieldErrors,
        button: QAbstractButton,
        refused: Callable[[BaseException], bool] | None = None,
    ) -> None:
        """Save a form with one operation: `call()` reads the fields and builds the operation
        (a ValidationError it raises goes beside its field and nothing runs); `button` is
        disabled until the answer, and a second Save meanwhile does nothing. After the commit
        the input counts as saved, `saved(value)` runs and the dialog closes. A refusal goes
        beside the field it names, unless `refused(exc)` handled it and returned True."""
        if self.saving:
            return
        errors.clear()
        try:
            operation = call()
        except ValidationError as exc:
            errors.show(exc)
            return
        self.saving = True
        button.setEnabled(False)

        def done(value: T) -> None:
            self.saving = False
            button.setEnabled(True)
            self._close_after_save = False
            self.mark_saved()
            saved(value)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.saving = False
            button.setEnabled(True)
            self._close_after_save = False
            if refused is None or not refused(exc):
                errors.show(exc)

        operation.success(done).failure(failed).source(self).run()

    # -- closing -----------------------------------------------------------------------------
    def saved_and_close(self) -> None:
        """Call when a save succeeded: closes if the person chose Save on the way out."""
        self.mark_saved()
        if self._close_after_save:
            self._close_after_save = False
            super().accept()

    def save_and_close(self) -> None:
        """Save, and close once the save has committed (quitting's "Save all")."""
        self._close_after_save = True
        self.save()

    @property
    def asking(self) -> bool:
        """The keep-or-discard question is open: focus leaving a field now is no choice of
        the person's (a field that saves when left waits for the answer)."""
        return self._asking

    def discard_input(self) -> None:
        """The person chose Discard: what was typed is let go, nothing is left to ask about."""
        self.mark_saved()

    def may_close(self) -> bool:
        """Ask Save / Discard / Cancel if there is unsaved input; True when it may close now."""
        if not self.has_unsaved_input() or self._asking:
            return True
        self._asking = True
        try:
            answer = self.ask()
        finally:
            self._asking = False
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_input()
            return True
        if answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save()
        return False

    def reject(self) -> None:
        if self.may_close():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close():
            super().closeEvent(event)
        else:
            event.ignore()


class GuardedDialog(InputGuard, QDialog):
    """An editor that never drops typed input without asking. Subclasses call `watch_input()`
    once their record is on screen, `mark_saved()` after a save, and implement `save()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_guard()


class GuardedWizard(InputGuard, QWizard):
    """A wizard that asks "Leave?" (Leave / Stay, Stay the default) before dropping what was
    chosen in it; one left untouched closes quietly. It has no Save: `leave_question` says
    what would be lost."""

    leave_question = N_("Leave? What you chose will be lost.")
    asks_on_its_own = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_guard()

    def ask(self) -> QMessageBox.StandardButton:
        return ask_leave(self, _(self.leave_question))


def ask_unsaved(parent: QWidget, what: str) -> QMessageBox.StandardButton:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("{what} has changes that are not saved.").format(what=what))
    box.setInformativeText(_("Save them, discard them, or go back to the form?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    plain_default(box, {buttons.Save: _("&Save"), buttons.Discard: _("&Discard")})
    box.setAccessibleName(_("Unsaved changes"))
    return buttons(box.exec())


def plain_default(box: QMessageBox, texts: dict[QMessageBox.StandardButton, str]) -> None:
    """Cancel is the default (Enter, Escape) and the only button drawn as the default: Save
    is not painted as the primary button it would be in a form. `texts` gives the others
    their words and Alt keys (S, D: none clashes with Cancel's C)."""
    for which, text in texts.items():
        button = box.button(which)
        button.setText(text)
        restyle(button, variant="plain")  # the style had painted the accepting one primary
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)


def ask_leave(parent: QWidget, question: str) -> QMessageBox.StandardButton:
    """Leave / Stay for a wizard, Stay the default: Discard stands for Leave, Cancel for Stay."""
    title = parent.windowTitle().replace("[*]", "")
    return ask_go_or_stay(parent, title, question, _("&Leave"), _("&Stay"))


def ask_go_or_stay(
    parent: QWidget,
    title: str,
    question: str,
    go: str,
    stay: str,
    detail: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox.StandardButton:
    """A question whose safe answer is to stay: Discard (worded `go`) leaves, Cancel (worded
    `stay`) is the default and Escape. Neither wears Discard's bin or Cancel's cross."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(question)
    if detail:
        box.setInformativeText(detail)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Discard | buttons.Cancel)
    for which, text in ((buttons.Discard, go), (buttons.Cancel, stay)):
        box.button(which).setText(text)
        box.button(which).setIcon(QIcon())
    box.setDefaultButton(buttons.Cancel)
    box.setEscapeButton(buttons.Cancel)
    box.setAccessibleName(question)
    return buttons(box.exec())


def open_editors() -> list[InputGuard]:
    """Every guarded dialog or wizard alive now, shown or shelved."""
    found: list[InputGuard] = []
    for top in QApplication.topLevelWidgets():
        candidates = [top, *top.findChildren(QDialog)]
        for widget in candidates:
            if not isinstance(widget, InputGuard) or not shiboken6.isValid(widget):
                continue
            if widget not in found:
                found.append(widget)
    return found


def close_all(editors: Iterable[InputGuard]) -> bool:
    """Close every editor, asking about unsaved input; False if the person chose to stay."""
    for editor in list(editors):
        if editor.isVisible() or editor.has_unsaved_input():
            editor.show()
            editor.raise_()
            if not editor.may_close():
                return False
            editor.done(QDialog.DialogCode.Rejected)
    return True


class Shelf:
    """Open editors kept through a lock: hidden, parented to the window, shown after unlock."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.kept: list[InputGuard] = []

    def shelve(self) -> None:
        for editor in open_editors():
            if not editor.isVisible():
                continue
            geometry = editor.geometry()
            editor.hide()
            editor.setParent(self.window, editor.windowFlags() | Qt.WindowType.Dialog)
            editor.setGeometry(geometry)
            self.kept.append(editor)

    def unshelve(self) -> None:
        kept, self.kept = self.kept, []
        for editor in kept:
            if shiboken6.isValid(editor):
                editor.show()
                editor.raise_()
