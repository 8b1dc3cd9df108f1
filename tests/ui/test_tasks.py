"""The task runner: work runs off the GUI thread, results and errors come back as signals."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot
from tests.helpers.failures import WorkerErrors

from apdesk.ui.core.tasks import InlineTaskRunner, Pool, ThreadTaskRunner


def test_the_thread_runner_works_off_the_gui_thread_and_reports_on_it(qtbot: QtBot) -> None:
    runner = ThreadTaskRunner()
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    task = runner.submit(work, done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert runner.shutdown()


def test_errors_come_back_as_the_exception(qtbot: QtBot) -> None:
    runner = ThreadTaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("URN: '12' is not a URN")

    task = runner.submit(work, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)
    assert runner.shutdown()


def test_one_worker_runs_jobs_in_order(qtbot: QtBot) -> None:
    runner = ThreadTaskRunner()
    order: list[int] = []
    threads: set[int] = set()

    def job(n: int) -> int:
        threads.add(threading.get_ident())
        order.append(n)
        return n

    tasks = [runner.submit(lambda n=n: job(n)) for n in range(5)]
    qtbot.waitUntil(lambda: all(task.done for task in tasks), timeout=5000)
    assert order == [0, 1, 2, 3, 4]
    assert len(threads) == 1
    assert runner.shutdown()


def test_unhandled_errors_and_busy_state_are_signalled(
    qtbot: QtBot, worker_errors: WorkerErrors
) -> None:
    runner = InlineTaskRunner()
    busy: list[bool] = []
    unhandled: list[BaseException] = []
    runner.busy_changed.connect(busy.append)
    runner.unhandled_error.connect(unhandled.append)
    runner.submit(lambda: 1 / 0)
    assert busy == [True, False]
    assert isinstance(unhandled[0], ZeroDivisionError)
    assert not runner.busy
    assert worker_errors == ["ZeroDivisionError: division by zero"]


def test_the_inline_runner_calls_back_before_submit_returns(qapp: object) -> None:
    runner = InlineTaskRunner()
    results: list[str] = []
    task = runner.submit(lambda: "done", results.append)
    assert results == ["done"]
    assert task.done


def test_a_read_runs_while_the_writer_is_busy(qtbot: QtBot) -> None:
    """A dashboard read never waits behind a slow write, and a write never behind a read."""
    runner = ThreadTaskRunner()
    release = threading.Event()
    finished: list[str] = []
    slow_write = runner.submit(lambda: release.wait(10) and finished.append("write"))
    read = runner.submit(lambda: finished.append("read"), pool=Pool.READER)
    qtbot.waitUntil(lambda: read.done, timeout=5000)
    assert finished == ["read"] and not slow_write.done
    release.set()
    qtbot.waitUntil(lambda: slow_write.done, timeout=5000)
    assert finished == ["read", "write"]
    assert runner.shutdown()


def test_waiting_for_reads_to_finish(qtbot: QtBot) -> None:
    runner = ThreadTaskRunner()
    release = threading.Event()
    runner.submit(lambda: release.wait(10), pool=Pool.READER)
    assert not runner.wait_idle(Pool.READER, timeout_ms=50)
    release.set()
    assert runner.wait_idle(Pool.READER, timeout_ms=5000)
    assert runner.shutdown()
