"""One way to run work off the GUI thread: pools of workers, results and errors back as signals.

Work goes to a pool by what it does. The writer pool has one thread, so writes run in the order
they were submitted and never race each other. Reads go to the reader pool, on their own
read-only connections (SQLite's WAL lets them run beside the writer), so a dashboard read never
delays the next mark typed, and a mark never waits for a dashboard. Network work (sending to the
LA, testing a connection) has its own pool, so a slow server holds up neither. A read that must
see a write just made is asked for in the write's success callback. The GUI thread only ever
submits and is called back; it never waits. Tests use `InlineTaskRunner`, which runs the same
callables at once on the calling thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Pool(StrEnum):
    WRITER = "writer"  # one thread: the only one that writes to the store
    READER = "reader"  # reads, on read-only connections, beside the writer
    NETWORK = "network"  # the LA's server: never holds up the store's work
    BACKGROUND = "background"  # work nobody waits for (warming up modules): holds up nothing


ResultHandler = Callable[[Any], None]
ErrorHandler = Callable[[BaseException], None]


class Task(QObject):
    """A submitted piece of work. Signals are always delivered on the GUI thread."""

    succeeded = Signal(object)  # the callable's return value
    failed = Signal(object)  # the exception it raised
    finished = Signal()  # after either of the above

    _report = Signal(bool, object)  # emitted from the worker; queued over to this object's thread

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn = fn
        self.done = False
        self._report.connect(self._deliver)

    def execute(self) -> None:
        """Run the callable here (whatever thread this is) and report the outcome."""
        try:
            result = self.fn()
        except Exception as exc:
            self._report.emit(False, exc)
        else:
            self._report.emit(True, result)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self.done = True
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)
        self.finished.emit()


class TaskRunner(QObject):
    """Base of both runners: `submit` work, be told when it succeeds or fails."""

    busy_changed = Signal(bool)
    unhandled_error = Signal(object)  # a failure nobody passed `on_error` for
    # Whether submitted work runs beside the GUI thread: work that only pays off there (warming
    # up) is not asked of a runner that would run it on the GUI thread.
    runs_beside_gui = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def submit(
        self,
        fn: Callable[[], Any],
        on_result: ResultHandler | None = None,
        on_error: ErrorHandler | None = None,
        *,
        pool: Pool = Pool.WRITER,
    ) -> Task:
        """Queue `fn` on `pool`; `on_result(value)` or `on_error(exc)` is called later on the
        GUI thread."""
        task = Task(fn)  # no parent: deleteLater alone ends its life
        if on_result is not None:
            task.succeeded.connect(on_result)
        task.failed.connect(on_error if on_error is not None else self._unhandled)
        task.finished.connect(lambda: self._forget(task))
        was_busy = self.busy
        self._active.add(task)
        if not was_busy:
            self.busy_changed.emit(True)
        self._start(task, pool)
        return task

    def _start(self, task: Task, pool: Pool) -> None:
        raise NotImplementedError

    def wait_idle(self, pool: Pool, timeout_ms: int = 30_000) -> bool:
        """Block until `pool` has no work (called from a worker, e.g. before locking)."""
        return True

    def _forget(self, task: Task) -> None:
        self._active.discard(task)
        task.deleteLater()
        if not self._active:
            self.busy_changed.emit(False)

    def _unhandled(self, exc: BaseException) -> None:
        self.unhandled_error.emit(exc)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Let queued work finish before the application exits."""
        return True


class _Job(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.execute()


READERS = max(1, min(2, os.cpu_count() or 1))


class ThreadTaskRunner(TaskRunner):
    """The application's runner: one writer thread (jobs in submission order), readers beside
    it, a pool for the network and one thread for background work."""

    runs_beside_gui = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Pool, QThreadPool] = {}
        sizes = ((Pool.WRITER, 1), (Pool.READER, READERS), (Pool.NETWORK, 2), (Pool.BACKGROUND, 1))
        for pool, threads in sizes:
            made = QThreadPool(self)
            made.setMaxThreadCount(threads)
            made.setExpiryTimeout(-1)  # keep the workers; SQLite prefers stable threads
            self._pools[pool] = made

    def _start(self, task: Task, pool: Pool) -> None:
        self._pools[pool].start(_Job(task))

    def wait_idle(self, pool: Pool, timeout_ms: int = 30_000) -> bool:
        return self._pools[pool].waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        return all(p.waitForDone(timeout_ms) for p in self._pools.values())


class InlineTaskRunner(TaskRunner):
    """For tests: runs each job immediately on the calling thread, same signals and callbacks."""

    def _start(self, task: Task, pool: Pool) -> None:
        task.execute()
