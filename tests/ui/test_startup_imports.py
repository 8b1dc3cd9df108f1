"""Opening a current store and showing the home page loads none of the libraries that only a
migration, a dialog or sending needs: each would slow every start."""

from __future__ import annotations

from tests.helpers.store_script import last_json_of

from apdesk.store import Store

NOT_AT_START = (
    "alembic",
    "httpx",
    "tenacity",
    "pypdfium2",
    "reportlab",
    "platformdirs",
    "apdesk.documents",
    "apdesk.services.demo",
    "apdesk.sync.sender",
    "apdesk.sync.pack",
    "apdesk.ui.shell.about",
    "apdesk.ui.home.dialogs",
    "apdesk.ui.shell.setup_wizard",
    "apdesk.ui.security.unlock_dialog",
)

SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.startup import Startup
from apdesk.ui.core.tasks import InlineTaskRunner

app = QApplication([])
store = Store.open(Path(sys.argv[1]), passphrase=sys.argv[2], use_keyring=False)
settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(AppContext(store.folder, InlineTaskRunner(), settings, store=store))
window.show()
app.processEvents()
assert window.pages["home"].dashboard is not None
store.lock()
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(script: str, store: Store) -> list[str]:
    """Run `script` on the (locked) store in a fresh process; the module names it printed."""
    return list(last_json_of(script, store))


def test_showing_the_home_page_loads_nothing_only_later_work_needs(store: Store) -> None:
    loaded = _modules_after(SCRIPT, store)
    early = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []


PRELOADED = """
import sys
from apdesk.ui.shell.preload import import_before_qt
import_before_qt()
assert not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules), "Qt came early"
before_qt = set(sys.modules)
""" + SCRIPT.replace(
    "print(json.dumps(sorted(sys.modules)))",
    "print(json.dumps(sorted(set(sys.modules) - before_qt)))",
)


def test_the_first_window_needs_no_qt_free_module_beyond_those_loaded_before_qt(
    store: Store,
) -> None:
    """Each module imported after Qt has its source read by Qt's import hook: the list loaded
    before Qt must keep up with what the first window needs."""
    after_qt = _modules_after(PRELOADED, store)
    late = [m for m in after_qt if m.startswith("apdesk.") and not m.startswith("apdesk.ui")]
    assert late == []
