"""Copies of personal data leave the clipboard after a short time, or when the store locks.

Only what we put there is cleared: if the person has copied something else since, it stays.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from apdesk.ui.core.context import AppContext

CLEAR_AFTER_MS = 30_000


class ClipboardGuard(QObject):
    def __init__(
        self,
        ctx: AppContext | None = None,
        clear_after_ms: int = CLEAR_AFTER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear)
        if ctx is not None:
            ctx.locked.connect(self.clear)

    @staticmethod
    def clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str) -> None:
        """Put `text` on the clipboard and start the clock on it."""
        self.clipboard().setText(text)
        self._ours = text
        self.timer.start()

    def clear(self) -> None:
        self.timer.stop()
        if self._ours is not None and self.clipboard().text() == self._ours:
            self.clipboard().clear()
        self._ours = None

    @property
    def holding(self) -> bool:
        return self._ours is not None
