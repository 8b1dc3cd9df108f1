"""Lock (Ctrl+L) and Quit (Ctrl+Q) work from every window, not only from the main one.

The main window's actions are window shortcuts, and Qt gives no shortcut of a window to a key
pressed in a modal editor above it: Ctrl+L typed in an open placement editor did nothing. Every
other window of the application is watched where the window system delivers its keys (as the
auto-lock watches input) and those two keys trigger the main window's actions there; locking
then keeps the editor's input, hidden, until unlock, and quitting asks about it first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QWindow


def _sequence(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class WindowKeys(QObject):
    """Gives `actions`' shortcuts to every window the application opens."""

    def __init__(self, actions: list[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            for window in QGuiApplication.topLevelWindows():
                self._watch(window)
            app.focusWindowChanged.connect(self._watch)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing it again leaves one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        pressed = _sequence(event)
        for action in self.actions:
            if action.isEnabled() and any(s.matches(pressed) == s.SequenceMatch.ExactMatch
                                          for s in action.shortcuts()):  # fmt: skip
                action.trigger()
                return True
        return False

    def uninstall(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)
