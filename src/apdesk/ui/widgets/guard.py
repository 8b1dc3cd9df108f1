"""Nothing typed is lost: a dialog knows when it holds unsaved input and asks before dropping it.

`GuardedDialog` is the base of every editor. After it has loaded its record it calls
`watch_input()`; from then on any change to its inputs puts `*` in the title (Qt's
`setWindowModified`), and Escape, Close, the window's close button and quitting ask
Save / Discard / Cancel, with Cancel the default. What counts as the dialog's input is found by
walking its children, so an editor needs no list of its own fields; a field that is not input
(a search box, a passphrase to confirm) says so with `not_input(widget)`.

Locking the store keeps open editors: `shelve()` hides them, in memory only, and `unshelve()`
brings them back after unlock (as KeePassXC does with its open entries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from apdesk.i18n import _
from apdesk.ui.widgets.date_field import DateField

W = TypeVar("W", bound=QWidget)

IGNORE = "apdesk_not_input"
Snapshot = tuple[object, ...]


def not_input(widget: W) -> W:
    """Mark `widget` (and what it holds) as not part of the dialog's record."""
    widget.setProperty(IGNORE, True)
    return widget


def _ignored(widget: QWidget, root: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root:
        if current.property(IGNORE):
            return True
        current = current.parentWidget()
    return False


def _value(widget: QWidget) -> object:
    if isinstance(widget, DateField):
        return widget.edit.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText() if widget.isEditable() else None)
    if isinstance(widget, QCheckBox | QRadioButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):  # times of the day, dates picked from a calendar
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    return None


INPUTS = (DateField, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QCheckBox, QRadioButton,
          QAbstractSpinBox)  # fmt: skip


def inputs_of(root: QWidget) -> list[QWidget]:
    """The widgets whose values are the dialog's input, in a stable order."""
    found: list[QWidget] = []
    inside_date = set()
    for field in root.findChildren(DateField):
        inside_date.add(id(field.edit))
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or id(widget) in inside_date:
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox
        ):
            continue  # an editable combo's or a spin box's own line edit: that is read instead
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            continue
        if not _ignored(widget, root):
            found.append(widget)
    return found


def snapshot(root: QWidget) -> Snapshot:
    return tuple((type(w).__name__, w.objectName(), _value(w)) for w in inputs_of(root))


def _connect(widget: QWidget, slot: Callable[..., None]) -> None:
    if isinstance(widget, DateField):
        widget.changed.connect(slot)
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(slot)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)


class GuardedDialog(QDialog):
    """An editor that never drops typed input without asking. Subclasses call `watch_input()`
    once their record is on screen, `mark_saved()` after a save, and implement `save()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._baseline: Snapshot | None = None
        self._watched: set[int] = set()
        self._close_after_save = False
        self._asking = False

    # -- what the subclass provides ----------------------------------------------------------
    def save(self) -> None:
        """Save the input; on success call `saved_and_close()` or `mark_saved()`."""
        raise NotImplementedError

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
                _connect(widget, self._touched)
        self.mark_saved()

    def mark_saved(self) -> None:
        self._baseline = snapshot(self)
        self.setWindowModified(False)

    def has_unsaved_input(self) -> bool:
        return self._baseline is not None and snapshot(self) != self._baseline

    def _touched(self, *_args: object) -> None:
        if self._baseline is not None:
            for widget in inputs_of(self):  # rows added since: follow them too
                if id(widget) not in self._watched:
                    self._watched.add(id(widget))
                    _connect(widget, self._touched)
            self.setWindowModified(self.has_unsaved_input())

    # -- closing -----------------------------------------------------------------------------
    def saved_and_close(self) -> None:
        """Call when a save succeeded: closes if the person chose Save on the way out."""
        self.mark_saved()
        if self._close_after_save:
            self._close_after_save = False
            super().accept()

    def may_close(self) -> bool:
        """Ask Save / Discard / Cancel if there is unsaved input; True when it may close now."""
        if not self.has_unsaved_input() or self._asking:
            return True
        self._asking = True
        try:
            answer = ask_unsaved(self, self.windowTitle().replace("[*]", ""))
        finally:
            self._asking = False
        if answer == QMessageBox.StandardButton.Discard:
            self._baseline = None
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


def ask_unsaved(parent: QWidget, what: str) -> QMessageBox.StandardButton:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("{what} has changes that are not saved.").format(what=what))
    box.setInformativeText(_("Save them, discard them, or go back to the form?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Cancel)
    box.setEscapeButton(buttons.Cancel)
    box.setAccessibleName(_("Unsaved changes"))
    return buttons(box.exec())


def open_editors() -> list[GuardedDialog]:
    """Every guarded dialog alive now, shown or shelved."""
    found: list[GuardedDialog] = []
    for top in QApplication.topLevelWidgets():
        candidates = [top, *top.findChildren(GuardedDialog)]
        for widget in candidates:
            if not isinstance(widget, GuardedDialog) or not shiboken6.isValid(widget):
                continue
            if widget not in found:
                found.append(widget)
    return found


def close_all(editors: Iterable[GuardedDialog]) -> bool:
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
        self.kept: list[GuardedDialog] = []

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
