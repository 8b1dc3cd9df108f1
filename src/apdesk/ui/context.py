"""What every window and page is given: the store (while unlocked), the task runner, settings.

Pages get their dependencies through this object rather than reaching for globals, so a test
can build a page around a temporary store and the inline runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from apdesk.i18n import _
from apdesk.models.errors import ApdeskError
from apdesk.store import KdfParams, Store, StoreLocked
from apdesk.ui.tasks import ErrorHandler, ResultHandler, Task, TaskRunner

log = logging.getLogger(__name__)


def describe_error(exc: BaseException) -> str:
    """A message for a person: ours say what to fix; anything else is logged, not shown raw."""
    if isinstance(exc, ApdeskError):
        return str(exc)
    log.error("unexpected %s in background work", type(exc).__name__, exc_info=exc)
    return _("Something went wrong ({kind}). The details are in the log.").format(
        kind=type(exc).__name__
    )


class AppContext(QObject):
    """Shared state of one open store. Signals are emitted on the GUI thread."""

    store_changed = Signal(object)  # after a write succeeds; carries what the write returned
    locked = Signal()
    unlocked = Signal()
    error = Signal(str)  # a background failure nobody handled, already worded for a person

    def __init__(
        self,
        folder: Path,
        tasks: TaskRunner,
        settings: QSettings,
        *,
        store: Store | None = None,
        kdf: KdfParams | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.tasks = tasks
        self.settings = settings
        self.kdf = kdf  # Argon2id cost for new stores and passphrases; None means the default
        self._store = store
        tasks.unhandled_error.connect(self._report)

    # -- the store -------------------------------------------------------------
    @property
    def store(self) -> Store:
        """The unlocked store; raises StoreLocked while locked."""
        if self._store is None or self._store.is_locked:
            raise StoreLocked(_("The store is locked."))
        return self._store

    @property
    def is_unlocked(self) -> bool:
        return self._store is not None and not self._store.is_locked

    def set_store(self, store: Store) -> None:
        self._store = store
        self.unlocked.emit()

    def lock(self) -> None:
        """Forget the store now; drop its key and engine on the worker, after queued work."""
        store, self._store = self._store, None
        if store is not None:
            self.tasks.submit(store.lock)
        self.locked.emit()

    # -- work ------------------------------------------------------------------
    def read(
        self,
        fn: Callable[[Store], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Task:
        """Run `fn(store)` on the worker; `on_result(value)` back on the GUI thread."""
        store = self.store
        return self.tasks.submit(lambda: fn(store), on_result, on_error or self._report)

    def write(
        self,
        fn: Callable[[Store], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Task:
        """Like `read`, then `store_changed(value)` so every page can decide to refresh."""

        def done(value: Any) -> None:
            if on_result is not None:
                on_result(value)
            self.store_changed.emit(value)

        return self.read(fn, done, on_error)

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, StoreLocked) and not self.is_unlocked:
            return  # work queued just before Lock: nothing to tell anyone
        self.error.emit(describe_error(exc))
