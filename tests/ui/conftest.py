"""Fixtures for GUI tests: the inline task runner, private settings, a context on a fresh store,
the sync controller and a real LA inbox.

A failure on the worker that nothing handled fails the test: every task runner and context
made during a GUI test is watched (`TaskRunner.unhandled_error`, `AppContext.error`). A test
that means such a failure to reach the window asks for `worker_errors` and asserts on it.
Unexpected Qt warnings fail the test too (`qt_log_level_fail` in pyproject.toml).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from tests.helpers.failures import WorkerErrors
from tests.helpers.outbox import WAIT_MS, school_inbox
from tests.helpers.sync_harness import Inbox
from tests.helpers.theming import theme  # noqa: F401 (the `theme` fixture: apdesk's look, undone after)

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner, TaskRunner
from apdesk.ui.outbox.sync_controller import SyncController


def _watching(cls: type[Any], connect: Callable[[Any], None]) -> Callable[..., None]:
    """`cls.__init__` followed by `connect(self)`."""
    original = cls.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        connect(self)

    return init


@pytest.fixture(autouse=True)
def unhandled_worker_errors_fail_the_test(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[WorkerErrors]:
    seen = WorkerErrors()

    def on_runner(runner: TaskRunner) -> None:
        runner.unhandled_error.connect(lambda exc: seen.append(f"{type(exc).__name__}: {exc}"))

    def on_context(ctx: AppContext) -> None:
        ctx.error.connect(lambda message: seen.append(f"shown to the person: {message}"))

    monkeypatch.setattr(TaskRunner, "__init__", _watching(TaskRunner, on_runner))
    monkeypatch.setattr(AppContext, "__init__", _watching(AppContext, on_context))
    yield seen
    if seen and "worker_errors" not in request.fixturenames:
        pytest.fail("work failed and nothing handled it:\n  " + "\n  ".join(seen), pytrace=False)


@pytest.fixture
def worker_errors(unhandled_worker_errors_fail_the_test: WorkerErrors) -> WorkerErrors:
    """Ask for this in a test that means a worker failure to go unhandled (to reach the
    window's message, say), and assert on what it holds."""
    return unhandled_worker_errors_fail_the_test


@pytest.fixture
def tasks(qapp: object) -> InlineTaskRunner:
    return InlineTaskRunner()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    """Settings in a file under tmp_path, never the developer's own."""
    yield QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(store: Store, tasks: InlineTaskRunner, settings: QSettings) -> AppContext:
    return AppContext(store.folder, tasks, settings, store=store)


@pytest.fixture
def sync(ctx: AppContext) -> Iterator[SyncController]:
    """The window's sync controller on the test's context, not watching the network."""
    controller = SyncController(ctx, watch_network=False)
    yield controller
    assert controller.shutdown(WAIT_MS)


@pytest.fixture
def inbox(store: Store, tmp_path: Path) -> Iterator[Inbox]:
    """The reference LA inbox on 127.0.0.1, with the test store's school registered."""
    with school_inbox(store, tmp_path / "inbox.db") as running:
        yield running


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Runs before pytest-qt closes the test's widgets: an editor the test left holding typed
    input would otherwise ask Save / Discard / Cancel with nobody there to answer."""
    from apdesk.ui.widgets.guard import open_editors

    for editor in open_editors():
        editor.mark_saved()
    return (yield)
