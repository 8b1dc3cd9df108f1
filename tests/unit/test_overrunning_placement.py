"""A placement still active after its planned end date keeps the pupil expected at the provider
(register row, Today panel, late returns) until someone ends it; ending it stops that."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.helpers.placements import MONDAY, add_provider, good_input, started

from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import register_grid, today_board
from apdesk.services.attendance.expected import load_patterns
from apdesk.services.operations import placements as ops
from apdesk.store import Store

PLANNED_END = MONDAY + timedelta(weeks=12)  # good_input's planned end, a Monday
THIS_MONDAY = PLANNED_END + timedelta(weeks=1)  # the planned end was last week
THIS_FRIDAY = THIS_MONDAY + timedelta(days=4)
WEDNESDAY_10AM = datetime.combine(THIS_MONDAY + timedelta(days=2), datetime.min.time()).replace(
    hour=10
)


def _overrunning(store: Store) -> tuple[int, int]:
    """A started placement (Mon to Thu sessions) still Active after its planned end."""
    return started(store)


def _expected_days(store: Store, pupil_id: int) -> list[tuple[date, AmPm]] | None:
    """The week's expected cells of the pupil's register row; None if there is no row."""
    grid = store.read(lambda s: register_grid(s, THIS_MONDAY, THIS_FRIDAY, today=THIS_FRIDAY))
    if pupil_id not in [row.pupil_id for row in grid.rows]:
        return None
    return [
        (day, half)
        for day in grid.days
        for half in (AmPm.AM, AmPm.PM)
        if grid.cell(pupil_id, day, half).expected_at_provider
    ]


def test_an_active_placement_past_its_planned_end_is_still_expected(store: Store) -> None:
    _placement_id, pupil_id = _overrunning(store)
    days = _expected_days(store, pupil_id)
    assert days is not None, "the pupil has no register row in the week after the planned end"
    assert {day.weekday() for day, _half in days} == {0, 1, 2, 3}  # Monday to Thursday
    assert len(days) == 8
    board = store.read(lambda s: today_board(s, WEDNESDAY_10AM))
    assert [p.pupil_id for p in board.pupils] == [pupil_id]
    assert board.pupils[0].expected == [AmPm.AM, AmPm.PM]
    assert [pupil_id] in [r.pupil_ids for r in board.late_returns]  # Mon, Tue and Wed AM due


def test_ending_the_placement_stops_the_expectation(store: Store) -> None:
    placement_id, pupil_id = _overrunning(store)
    store.run(ops.end_placement, placement_id, "returned", PLANNED_END, "", "", THIS_MONDAY)
    assert _expected_days(store, pupil_id) is None
    board = store.read(lambda s: today_board(s, WEDNESDAY_10AM))
    assert board.pupils == [] and board.late_returns == []


def test_ended_later_than_planned_it_runs_to_the_day_it_ended(store: Store) -> None:
    placement_id, pupil_id = _overrunning(store)
    store.run(ops.end_placement, placement_id, "returned", THIS_MONDAY, "", "", THIS_MONDAY)
    days = _expected_days(store, pupil_id)
    assert days == [(THIS_MONDAY, AmPm.AM), (THIS_MONDAY, AmPm.PM)]


def test_a_follow_on_placement_takes_over_the_overrun_from_its_start(store: Store) -> None:
    """Started at another provider on Wednesday while the first is still active: from then the
    pupil is expected at the new provider alone, and only the new one is chased."""
    first_id, pupil_id = _overrunning(store)
    wednesday = THIS_MONDAY + timedelta(days=2)
    with store.session() as session:
        other = add_provider(session, "Provider 2")
        data = good_input(pupil_id, other.id or 0, wednesday)
    before = THIS_MONDAY - timedelta(days=7)
    second_id = store.run(ops.save_placement, None, data, before).value.id
    store.run(ops.refer_placement, second_id, before, before)
    store.run(ops.start_placement, second_id, wednesday, before)
    patterns = store.read(lambda s: load_patterns(s, THIS_MONDAY, THIS_FRIDAY, [pupil_id]))
    first = next(p for p in patterns if p.placement_id == first_id)
    assert first.end == wednesday - timedelta(days=1)  # the overrun gives way on Wednesday
    board = store.read(lambda s: today_board(s, WEDNESDAY_10AM))
    assert [p.provider_name for p in board.pupils] == ["Provider 2"]
    chased = {r.name: r.missing_sessions for r in board.late_returns}
    # The first is chased for the overrun's sessions up to Tuesday; Wednesday morning is the
    # second's alone (claimed by both, the first was chased for it too).
    assert chased == {"Provider 1": 8, "Provider 2": 1}
