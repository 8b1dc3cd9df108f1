"""What every window and page is given: the store (while unlocked), the task runner, settings.

Pages get their dependencies through this object rather than reaching for globals, so a test
can build a page around a temporary store and the inline runner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.errors import ApdeskError
from apdesk.store import KdfParams, Store, StoreLocked
from apdesk.store.operations import OperationFn, Outcome
from apdesk.ui.core.tasks import ErrorHandler, Pool, Task, TaskRunner
from apdesk.ui.core.windows import OpenWindows

P = ParamSpec("P")
T = TypeVar("T")

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

    changed = Signal(object, object)  # (Changes, source): after an operation commits
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
        self.windows = OpenWindows(self)  # one window per record, across every page
        tasks.unhandled_error.connect(self.report)

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
            tasks = self.tasks

            def lock_when_reads_are_done() -> None:
                tasks.wait_idle(Pool.READER)
                store.lock()

            tasks.submit(lock_when_reads_are_done)
        self.locked.emit()

    # -- work ------------------------------------------------------------------
    def op(self, fn: OperationFn[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Call[T]:
        """An operation `fn(session, *args)` to run on the writer; after it commits,
        `changed(changes, source)` tells every view. Finish with `.run()`:
        `ctx.op(end_placement, pid, ...).success(done).source(self).run()`."""
        store = self.store
        return Call(self, lambda: store.run(fn, *args, **kwargs), writes=True)

    def query(
        self, fn: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> Call[T]:
        """A read `fn(session, *args)` in a session that refuses writes. Finish with `.run()`."""
        store = self.store
        return Call(self, lambda: store.read(fn, *args, **kwargs), writes=False, pool=Pool.READER)

    def report(self, exc: BaseException) -> None:
        """Tell the window about a failure nobody handled (worded for a person)."""
        if isinstance(exc, StoreLocked) and not self.is_unlocked:
            return  # work queued just before Lock: nothing to tell anyone
        self.error.emit(describe_error(exc))


class Call(Generic[T]):
    """A piece of work for the worker, with what to do after; nothing runs before `run()`.

    Anki's `CollectionOp`/`QueryOp`, at apdesk's scale: the callbacks are always called on the
    GUI thread, a failure nobody handles reaches the window as one sentence."""

    def __init__(
        self, ctx: AppContext, work: Callable[[], Any], *, writes: bool, pool: Pool = Pool.WRITER
    ) -> None:
        self._ctx = ctx
        self._work = work
        self._writes = writes
        self._pool = pool
        self._on_done: Callable[[T], None] | None = None
        self._on_error: ErrorHandler | None = None
        self._source: QObject | None = None

    def success(self, fn: Callable[[T], None]) -> Call[T]:
        self._on_done = fn
        return self

    def failure(self, fn: ErrorHandler) -> Call[T]:
        self._on_error = fn
        return self

    def source(self, view: QObject) -> Call[T]:
        """The view that asked: it may skip refreshing for its own change."""
        self._source = view
        return self

    def run(self) -> Task:
        # A closure, not the bound method: a signal holds a plain object's method weakly, and
        # nothing else keeps this call alive until the worker answers.
        return self._ctx.tasks.submit(
            self._work,
            lambda result: self._deliver(result),
            self._on_error or self._ctx.report,
            pool=self._pool,
        )

    def _deliver(self, result: Any) -> None:
        if not self._writes:
            if self._on_done is not None:
                self._on_done(result)
            return
        outcome: Outcome[T] = result
        if self._on_done is not None:
            self._on_done(outcome.value)
        if outcome.changes:
            self._ctx.changed.emit(outcome.changes, self._source)
