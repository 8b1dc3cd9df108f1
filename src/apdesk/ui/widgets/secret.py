"""A line edit for secrets (passphrases, the recovery key, the LA token) that never lets the
characters reach the accessibility bus.

Qt's line edit announces every inserted character to assistive technologies, in password mode
too, so any AT-SPI client on the desktop could log a passphrase as it is typed. This field
keeps the secret in Python and puts only mask characters into the Qt widget: screen readers
hear "bullet" for each key, as they should, and nothing else. Paste is handled here (the
clipboard's text becomes masks too); undo, copy, cut, drag and drop and input methods are off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MASK = "\u2022"  # what the widget holds instead of each character


class SecretEdit(QLineEdit):
    """`text()` is the secret; the widget itself holds only masks. `secret_changed(str)`
    fires with the secret after every change (connect to it, not to `textChanged`)."""

    secret_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = ""
        self._shown = False
        self._writing = False  # our own change to the masks: nothing to follow
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.textChanged.connect(self._follow)

    # -- the secret ------------------------------------------------------------------------
    def text(self) -> str:  # type: ignore[override]
        return self._secret

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._secret = text
        self._display()
        self.secret_changed.emit(self._secret)

    def clear(self) -> None:
        self.setText("")

    def set_shown(self, shown: bool) -> None:
        """Show the characters on screen (the person asked to see them) or masks again."""
        self._shown = shown
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._display()

    def _display(self) -> None:
        cursor = self.cursorPosition()
        self._writing = True
        super().setText(self._secret if self._shown else MASK * len(self._secret))
        self._writing = False
        self.setCursorPosition(min(cursor, len(self._secret)))

    # -- typing ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        blocked = (
            QKeySequence.StandardKey.Undo,
            QKeySequence.StandardKey.Redo,
            QKeySequence.StandardKey.Copy,
            QKeySequence.StandardKey.Cut,
        )
        if any(event.matches(key) for key in blocked):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            clip = QApplication.clipboard().text().replace("\n", " ").strip()
            self._insert(clip)
            event.accept()
            return
        typed = event.text()
        plain_key = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if typed and typed.isprintable() and plain_key:
            self._insert(typed)
            event.accept()
            return
        super().keyPressEvent(event)  # moves, Backspace, Delete, Enter: masks only

    def _insert(self, typed: str) -> None:
        if not typed:
            return
        if self.hasSelectedText():
            start = self.selectionStart()
            end = start + len(self.selectedText())
        else:
            start = end = self.cursorPosition()
        self._secret = self._secret[:start] + typed + self._secret[end:]
        # Qt sees (and announces) only masks: the same edit, made of mask characters.
        self._writing = True
        super().insert(typed if self._shown else MASK * len(typed))
        self._writing = False
        self.secret_changed.emit(self._secret)

    def _follow(self, shown_text: str) -> None:
        """Qt removed masks (Backspace, Delete, a selection typed over): remove the same."""
        if self._writing:
            return
        removed = len(self._secret) - len(shown_text)
        if removed > 0:
            at = self.cursorPosition()
            self._secret = self._secret[:at] + self._secret[at + removed :]
            self.secret_changed.emit(self._secret)
        elif self._shown and shown_text != self._secret:
            self._secret = shown_text
            self.secret_changed.emit(self._secret)
