"""The busiest pages are built while the window waits: a first visit only shows them, and
nothing on screen moves meanwhile."""

from __future__ import annotations

import gc

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import ThreadTaskRunner
from apdesk.ui.shell.build_ahead import BUILT_AHEAD
from apdesk.ui.shell.main_window import MainWindow


def test_busy_pages_are_built_hidden_while_the_window_waits_and_shown_at_once(
    qtbot: QtBot, store: Store, settings: QSettings
) -> None:
    tasks = ThreadTaskRunner()
    ctx = AppContext(store.folder, tasks, settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    home = window.stack.currentWidget()
    window.sidebar.setFocus()
    qtbot.waitUntil(lambda: window.build_ahead.finished, timeout=30_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=30_000)

    assert set(BUILT_AHEAD) <= set(window.pages)
    assert window.stack.currentWidget() is home  # still on Home
    assert window.current_key() == "home"
    assert QApplication.focusWidget() is window.sidebar  # the focus did not move
    assert not any(window.pages[key].isVisible() for key in BUILT_AHEAD)
    # The built pages are kept out of the cycle collector's walks (each full walk froze the
    # window), until locking throws them away.
    assert gc.get_freeze_count() > 10_000

    pupils = window.pages["pupils"]
    window.sidebar.setCurrentRow([s.key for s in window.specs].index("pupils"))
    assert window.stack.currentWidget() is pupils  # the page built ahead, not a new one
    assert pupils.isVisible()

    window.lock()  # the pages go with the key, and nothing is built while locked
    assert not window.pages
    assert gc.get_freeze_count() == 0  # what they held can be collected
    qtbot.wait(400)
    assert not window.pages
    window.close()
    assert tasks.shutdown(5000)
