"""After marks alone the home page keeps the dashboard's parts no mark moves and reads the
rest: whatever the marks, it must show exactly what a whole read would."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tests.helpers.measures import TODAY, build_school

from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import record_mark
from apdesk.services.measures.dashboard import load_dashboard
from apdesk.store import Store

NOW = datetime.combine(TODAY, time(13, 50))
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def test_a_read_after_marks_shows_what_a_whole_read_shows(store: Store) -> None:
    ids = build_school(store)
    with store.session() as s:
        before = load_dashboard(s, NOW)
    marks = [
        (ids["ann"], MONDAY, AmPm.AM, "B"),
        (ids["ann"], MONDAY, AmPm.PM, "N"),  # absent: the rates and severe absence move
        (ids["dee"], MONDAY + timedelta(days=1), AmPm.AM, "C2"),  # part time: a count moves
        (ids["ann"], TODAY, AmPm.AM, "I"),  # today: the Today list moves
    ]
    with store.session() as s:
        for pupil, day, half, code in marks:
            record_mark(s, pupil, day, half, code)
    with store.session() as s:
        kept = load_dashboard(s, NOW, after_marks=before)
        whole = load_dashboard(s, NOW)
    assert kept == whole  # the work, every measure and every chart
    assert kept != before  # and the marks did move something
    assert kept.overview is before.overview  # what no mark moves was kept, not read again


def test_another_day_is_a_whole_read(store: Store) -> None:
    """Today's work and the year's figures end today: a read the next day keeps nothing."""
    build_school(store)
    with store.session() as s:
        before = load_dashboard(s, NOW)
        tomorrow = load_dashboard(s, NOW + timedelta(days=1), after_marks=before)
    assert tomorrow.overview is not before.overview
    assert tomorrow.period.end == date.fromordinal(TODAY.toordinal() + 1)
