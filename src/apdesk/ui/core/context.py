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
from apdesk.models.kinds import Kind
from apdesk.store import KdfParams, Store, StoreLocked
from apdesk.store.changes import ANY, Changes
from apdesk.store.operations import OperationFn, Outcome
from apdesk.ui.core.tasks import ErrorHandler, Pool, ResultHandler, Task, TaskRunner
from apdesk.ui.core.windows import OpenWindows

P = ParamSpec("P")
T = TypeVar("T")

# What a write made through the old `write` path is taken to have changed: everything.
EVERYTHING = Changes(updated={kind: frozenset({ANY}) for kind in Kind})

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

    def read(  # the old way: being replaced by `op` and `query`
        self,
        fn: Callable[[Store], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
    ) -> Task:
        """Run `fn(store)` on the worker; `on_result(value)` back on the GUI thread."""
        store = self.store
        return self.tasks.submit(lambda: fn(store), on_result, on_error or self.report)

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
            self.changed.emit(EVERYTHING, None)

        return self.read(fn, done, on_error)

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
            self._ctx.store_changed.emit(outcome.value)
