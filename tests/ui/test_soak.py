"""The real main window on the demo store survives a long session with steady counts.

A binding that leaks or over-releases references kills the window only after minutes of use, so
this drives one window through thousands of ordinary operations in one process: page switches,
placement editors opened and closed, and a few hundred register marks typed. It must still be
alive at the end, and the reference counts of None, True and False must never fall below where
they stood once every cache was filled: a falling count is what ends in `none_dealloc`. (They
may rise: PySide6 6.11 adds three references to None on the first `setFrameShape` of a new
frame, which costs no memory and can never free None.) Every mark typed must reach the store.
"""

from __future__ import annotations

import gc
import sys
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import func, select

from apdesk.models import AttendanceMark
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.shell.main_window import MainWindow

ROUNDS = 10
# Well beyond what a short-lived cache releases, far below the defect's thousands per operation.
STEADY = 200

CODES = [Qt.Key.Key_B, Qt.Key.Key_Slash, Qt.Key.Key_N, Qt.Key.Key_L]


def counts() -> dict[str, int]:
    """The three counts, once widgets waiting for deletion (this test's and earlier tests') are
    gone and the collector has run: what they held is not a fall the binding caused."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()
    gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}  # fmt: skip


def marks(store: Store) -> int:
    with store.session() as session:
        return int(session.exec(select(func.count()).select_from(AttendanceMark)).one())


@pytest.mark.slow
@pytest.mark.timeout(1200)  # about 90 s on a quiet two-core machine; far more when it is shared
def test_the_window_survives_thousands_of_operations(
    qtbot: QtBot, store: Store, tasks: InlineTaskRunner, settings: QSettings
) -> None:
    today = date(2026, 3, 2)  # a Monday in term
    populate(store, pupils=24, seed=5, today=today)
    ctx = AppContext(store.folder, tasks, settings, store=store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    app = QApplication.instance()
    assert app is not None

    rows = window.sidebar.count()
    operations = typed = 0
    start = marks(store)
    baseline: dict[str, int] | None = None
    lowest: dict[str, int] = {}
    for round_no in range(ROUNDS):
        for _ in range(20):  # every page, twenty times over
            for row in range(rows):
                window.sidebar.setCurrentRow(row)
                app.processEvents()
                operations += 1
        placements = window.page("placements")
        assert isinstance(placements, PlacementsPage)
        window.sidebar.setCurrentRow([s.key for s in window.specs].index("placements"))
        for row in range(min(8, placements.model.rowCount())):
            pid = placements.model.rows[row].id
            editor = placements.open_placement(pid)
            app.processEvents()
            editor.close()
            editor.deleteLater()
            app.processEvents()
            operations += 1
        register = window.page("register")
        assert isinstance(register, RegisterPage)
        window.sidebar.setCurrentRow([s.key for s in window.specs].index("register"))
        register.now = lambda: datetime.combine(today + timedelta(days=4), time(16, 0))
        register.go_to_week(today - timedelta(weeks=round_no % 4))
        view = register.view
        view.setFocus()
        cells = register.model.rowCount() * 10
        assert cells > 0, "the demo week has pupils to mark"
        for n in range(30):
            cell = n % cells
            view.move_to(cell // 10, cell % 10)
            qtbot.keyClick(view, CODES[(cell + round_no) % len(CODES)])
            typed += 1
            operations += 1
        if round_no == 1:
            baseline = counts()  # after the first rounds have filled every cache
        elif baseline is not None:
            for name, value in counts().items():
                lowest[name] = min(lowest.get(name, value), value - baseline[name])
    assert window.isVisible()
    assert operations > 2000 and typed >= 300
    assert lowest and all(fall >= -STEADY for fall in lowest.values()), lowest
    assert marks(store) > start  # the typed marks reached the store
