"""The Attendance page keeps a pupil whose placement has run past its planned end date."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from pytestqt.qtbot import QtBot
from tests.helpers.placements import MONDAY, started
from tests.helpers.register import make_page

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.data import load_pupil
from apdesk.ui.pupils.jumps import PupilJumps

THIS_MONDAY = MONDAY + timedelta(weeks=13)  # the planned end (12 weeks on) was last Monday


def test_the_pupil_records_attendance_link_shows_a_pupil_past_the_planned_end(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    started(store, 1, MONDAY + timedelta(weeks=8))  # Test Pupil1: within the plan
    _placement, overrunning = started(store, 2)  # Test Pupil2: still Active, past the plan
    page = make_page(qtbot, ctx, datetime.combine(THIS_MONDAY + timedelta(days=2), time(10)))
    page.side.setCurrentWidget(page.chart)
    assert [r.name for r in page.model.rows] == ["Test Pupil1", "Test Pupil2"]
    assert "Test Pupil2" in [p.name for p in page.today.board.pupils]  # type: ignore[union-attr]
    with store.session() as session:
        view = load_pupil(session, overrunning)
    assert view is not None
    jumps = PupilJumps()
    jumps.page_requested.connect(lambda _key, filters: page.apply_filter(filters))
    jumps.open_register(view)  # "Attendance" on the pupil's record
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows] == ["Test Pupil2"])
    assert page.bar.filter_note.text() == "Showing only the 1 pupil picked."
    qtbot.waitUntil(lambda: "Test Pupil2" in page.chart.chart.accessibleName())
