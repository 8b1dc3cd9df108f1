"""Fixtures for GUI tests: the inline task runner, private settings, a context on a fresh store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from tests.ui.theming import theme  # noqa: F401 (the `theme` fixture: apdesk's look, undone after)

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner


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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Runs before pytest-qt closes the test's widgets: an editor the test left holding typed
    input would otherwise ask Save / Discard / Cancel with nobody there to answer."""
    from apdesk.ui.widgets.guard import open_editors

    for editor in open_editors():
        editor.mark_saved()
    return (yield)
