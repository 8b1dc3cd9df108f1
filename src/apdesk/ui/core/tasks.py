"""One way to run work off the GUI thread: a single worker, results and errors back as signals.

A single worker means a single writer: database work runs in the order it was submitted and
never races itself. The GUI thread only ever submits and is called back; it never waits.
Tests use `InlineTaskRunner`, which runs the same callables at once on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

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
    ) -> Task:
        """Queue `fn`; `on_result(value)` or `on_error(exc)` is called later on the GUI thread."""
        task = Task(fn)  # no parent: deleteLater alone ends its life
        if on_result is not None:
            task.succeeded.connect(on_result)
        task.failed.connect(on_error if on_error is not None else self._unhandled)
        task.finished.connect(lambda: self._forget(task))
        was_busy = self.busy
        self._active.add(task)
        if not was_busy:
            self.busy_changed.emit(True)
        self._start(task)
        return task

    def _start(self, task: Task) -> None:
        raise NotImplementedError

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


class ThreadTaskRunner(TaskRunner):
    """The application's runner: one worker thread, jobs run in submission order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one worker; SQLite prefers a stable thread

    def _start(self, task: Task) -> None:
        self._pool.start(_Job(task))

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        return self._pool.waitForDone(timeout_ms)


class InlineTaskRunner(TaskRunner):
    """For tests: runs each job immediately on the calling thread, same signals and callbacks."""

    def _start(self, task: Task) -> None:
        task.execute()
