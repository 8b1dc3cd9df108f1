"""One window per record: opening a record that is already open brings its window forward.

Keys name the record (`("placement", 12)`, `("placement", "new")`), so a double-click on a
list, Enter on it, and a link from another page all reach the same editor instead of stacking
twins that could save over each other.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

W = TypeVar("W", bound=QWidget)


class OpenWindows(QObject):
    """The record windows open now, by key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open: dict[Hashable, QWidget] = {}

    def get(self, key: Hashable) -> QWidget | None:
        window = self._open.get(key)
        if window is not None and not shiboken6.isValid(window):
            self._open.pop(key, None)
            return None
        return window

    def show(self, key: Hashable, make: Callable[[], W], *, delete_on_close: bool = False) -> W:
        """The window for `key`, raised if it is open, else made by `make()` and shown;
        `delete_on_close` frees a made window once it closes, so none lingers hidden."""
        window = self.get(key)
        if window is not None:
            window.show()
            window.raise_()
            window.activateWindow()
            return window  # type: ignore[return-value]
        made = make()
        if delete_on_close:
            made.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open[key] = made
        made.destroyed.connect(lambda *_a, k=key: self._forget(k))
        if isinstance(made, QDialog):
            made.finished.connect(lambda *_a, k=key, w=made: self._forget(k, w))
            made.open()
        else:
            made.show()
        return made

    def rekey(self, old: Hashable, new: Hashable) -> None:
        """A new record was saved: its window now answers to the record's own key."""
        window = self._open.pop(old, None)
        if window is not None:
            self._open[new] = window

    def _forget(self, key: Hashable, window: QWidget | None = None) -> None:
        if window is None or self._open.get(key) is window:
            self._open.pop(key, None)
