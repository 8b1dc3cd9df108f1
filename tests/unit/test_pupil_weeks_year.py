"""A pupil's attendance in the register's side panel counts from 1 September: a placement begun
in July is summed over this school year, as every year-to-date figure is, not across two."""

from __future__ import annotations

from datetime import date

from tests.helpers.plans import make_placement, make_pupil

from apdesk.models.school_year import school_year_start
from apdesk.services.attendance.pupil_weeks import pupil_weeks
from apdesk.store import Store

TODAY = date(2026, 12, 7)


def test_a_placement_begun_in_july_is_summed_from_september(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, "Fairbank")
        make_placement(s, pupil, start=date(2026, 7, 17), end=date(2027, 2, 12))
        weeks = pupil_weeks(s, pupil.id or 0, "Zara Fairbank", [], TODAY)
    assert weeks.start == date(2026, 9, 1)
    assert weeks.end == TODAY


def test_a_placement_begun_this_year_is_summed_from_its_start(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, "Quarry")
        make_placement(s, pupil, start=date(2026, 10, 5), end=date(2027, 2, 12))
        weeks = pupil_weeks(s, pupil.id or 0, "Freya Quarry", [], TODAY)
    assert weeks.start == date(2026, 10, 5)


def test_the_school_year_begins_on_the_first_of_september() -> None:
    assert school_year_start(date(2026, 8, 31)) == date(2025, 9, 1)
    assert school_year_start(date(2026, 9, 1)) == date(2026, 9, 1)
