"""Pages are built when first shown, not when the store opens; the home page reads once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.held_tasks import HeldTasks
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.home import page as home_module
from apdesk.ui.home.page import HomePage
from apdesk.ui.shell import pages as page_registry
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PageSpec

BUILT: list[str] = []


class CountedPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        BUILT.append(type(self).__name__)
        self.shown = 0
        QLabel(type(self).__name__, self)

    def page_shown(self) -> None:
        self.shown += 1


class First(CountedPage):
    pass


class Second(CountedPage):
    pass


class Third(CountedPage):
    pass


SPECS = [
    PageSpec(name.lower(), name, "page.plans", f"{__name__}:{name}")
    for name in ("First", "Second", "Third")
]


def _window(qtbot: QtBot, ctx: AppContext, specs: list[PageSpec]) -> MainWindow:
    window = MainWindow(ctx, specs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.sidebar.setFocus()
    return window


def test_only_the_page_on_screen_is_built_and_ctrl_n_builds_the_next(
    qtbot: QtBot, ctx: AppContext
) -> None:
    BUILT.clear()
    window = _window(qtbot, ctx, SPECS)
    assert BUILT == ["First"] and list(window.pages) == ["first"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    third = window.stack.currentWidget()
    assert isinstance(third, Third) and third.shown == 1
    assert window.current_key() == "third" and BUILT == ["First", "Third"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is third and third.shown == 2
    assert BUILT == ["First", "Third"]  # built once, shown again
    assert isinstance(window.pages["second"], Second)  # asking for a page builds it
    window.open_page("second", {})
    assert window.current_key() == "second" and BUILT == ["First", "Third", "Second"]


def test_locking_drops_the_built_pages_and_unlocking_builds_only_the_current_one(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    window = _window(qtbot, ctx, SPECS)
    window.sidebar.setCurrentRow(1)
    BUILT.clear()
    window.lock()
    assert window.pages == {} and window.page("first") is None  # nothing is built while locked
    dialog = window.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "second" and BUILT == ["Second"]
    window.ctx.store.lock()


def test_the_home_page_reads_the_dashboard_once_and_a_visit_with_nothing_new_reads_nothing(
    qtbot: QtBot, store: Store, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[object] = []
    real: Callable[..., Any] = home_module.load_dashboard

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(home_module, "load_dashboard", counted)
    tasks = HeldTasks()
    ctx = AppContext(store.folder, tasks, settings, store=store)
    home_spec = next(spec for spec in page_registry.PAGES if spec.key == "home")
    window = _window(qtbot, ctx, [home_spec, SPECS[0]])
    home = window.pages["home"]
    assert isinstance(home, HomePage)
    home.page_shown()  # shown again before the first read came back: no second read
    assert len(tasks.held) == 2  # the dashboard, and the school's name for the window title
    tasks.run_all()
    qtbot.waitUntil(lambda: home.dashboard is not None)
    assert len(reads) == 1 and not home.reading
    for key in (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is home
    assert tasks.held == [] and len(reads) == 1  # nothing changed: coming back reads nothing
