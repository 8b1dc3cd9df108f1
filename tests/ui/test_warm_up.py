"""The other pages' modules load on a background thread once the first page shows its data, so a
page's first visit builds widgets instead of importing code on the GUI thread."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from tests.helpers.store_script import last_json_of

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.shell.build_ahead import BUILT_AHEAD
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES
from apdesk.ui.shell.warm_up import AFTER_PAGES, import_all, modules_to_warm

SCRIPT = """
import json, sys, tempfile, threading
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import ThreadTaskRunner
from apdesk.ui.home.page import HomePage
from apdesk.ui.shell.main_window import MainWindow

app = QApplication([])
store = Store.open(Path(sys.argv[1]), passphrase=sys.argv[2], use_keyring=False)
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
tasks = ThreadTaskRunner()
seen = {}
importers = set()
real_show = HomePage.show_dashboard

def show_dashboard(page, dashboard):
    real_show(page, dashboard)
    seen.setdefault("at_home_data", sorted(sys.modules))

HomePage.show_dashboard = show_dashboard
class Noting:  # notes which thread first looks for each apdesk.ui.plans module

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.startswith("apdesk.ui.plans"):
            importers.add(threading.current_thread() is threading.main_thread())
        return None

sys.meta_path.insert(0, Noting)
window = MainWindow(AppContext(store.folder, tasks, settings, store=store))
window.show()

def check():
    if tasks.busy or "at_home_data" not in seen:
        return
    timer.stop()
    seen["after"] = sorted(sys.modules)
    seen["built"] = sorted(window.pages)
    seen["plans_imported_on_gui_thread"] = sorted(importers)
    app.quit()

timer = QTimer()
timer.timeout.connect(check)
timer.start(20)
QTimer.singleShot(60_000, app.quit)
app.exec()
window.close()
tasks.shutdown()
store.lock()
print(json.dumps(seen))
"""


def test_page_modules_load_off_the_gui_thread_after_the_first_page_shows(store: Store) -> None:
    seen = last_json_of(SCRIPT, store)
    assert "apdesk.ui.plans.page" not in seen["at_home_data"]  # nothing before the data shows
    assert "reportlab" not in seen["at_home_data"]
    later = [spec.factory.partition(":")[0] for spec in PAGES] + list(AFTER_PAGES)
    assert [name for name in later if name not in seen["after"]] == []
    # Loaded, not built: no widget was made off the GUI thread (pages built ahead are made on
    # it, after the imports, one per idle moment).
    assert set(seen["built"]) <= {"home", *BUILT_AHEAD}
    assert seen["plans_imported_on_gui_thread"] == [False]


def test_only_what_is_not_loaded_is_warmed_and_a_stop_ends_it_between_modules() -> None:
    names = modules_to_warm(PAGES, built=["home"])
    assert all(name not in sys.modules for name in names)
    assert not any(name == "apdesk.ui.home.page" for name in names)
    stop = [True]
    assert import_all(["json", "csv"], stop) == 0
    assert import_all(["json", "apdesk.ui.no_such_page"], [False]) == 1  # a failure is skipped


def test_a_runner_that_would_import_on_the_gui_thread_warms_nothing(
    qtbot: QtBot, store: Store, settings: QSettings
) -> None:
    tasks = InlineTaskRunner()
    window = MainWindow(AppContext(store.folder, tasks, settings, store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert not window.warm_up.running and not window.warm_up.waiting
