"""The year's sums by placement and by day, and which sessions each pupil has a mark for,
reuse what was kept only while its marks are unchanged.

Each placement's and each day's sum is kept between reads under that placement's or day's mark
stamp, and each pupil's marked sessions under the pupil's; triggers move them on at every
write to a mark. After any sequence of the operations
that write marks (the register, a provider's return, undo) and of raw SQL that bypasses them,
the sums read with the kept ones must equal the sums counted afresh.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from tests.helpers.mark_steps import (
    DAYS,
    FRI,
    MON,
    apply_step,
    four_pupils,
    register_marks,
    returns,
    undos,
)

from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.kept import forget, read_stamps
from apdesk.services.attendance.statistics import marked_keys
from apdesk.services.attendance.tally import daily_figures, placement_counts
from apdesk.services.operations.attendance import record_register_mark
from apdesk.store import Store

Sums = tuple[
    dict[int, tuple[int, ...]],
    list[tuple[date, bool, tuple[int, ...]]],
    list[tuple[int, date, AmPm]],
]


@pytest.fixture
def pupils(store: Store) -> list[int]:
    return four_pupils(store)


def _sums(store: Store) -> Sums:
    pupils = store.read(
        lambda s: [p for (p,) in s.connection().execute(text("SELECT id FROM pupil"))]
    )

    def read(session: object) -> Sums:
        by_placement = placement_counts(session, MON, FRI)  # type: ignore[arg-type]
        by_day = daily_figures(session, MON, FRI)  # type: ignore[arg-type]
        return (
            {p: (f.attended, f.authorised, f.unauthorised, f.not_possible)
             for p, f in by_placement.items()},
            [(d, a, (f.attended, f.authorised, f.unauthorised, f.not_possible))
             for d, a, f in by_day],
            sorted(marked_keys(session, MON, FRI, pupils)),  # type: ignore[arg-type]
        )  # fmt: skip

    result: Sums = store.read(read)
    return result


def _afresh(store: Store) -> Sums:
    forget(store.reader_engine)
    return _sums(store)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.one_of(register_marks, returns, undos), min_size=1, max_size=6))
def test_kept_sums_equal_fresh_sums_after_any_operations(
    store: Store, pupils: list[int], steps: list[tuple[object, ...]]
) -> None:
    forget(store.reader_engine)
    _sums(store)  # every placement and day summed once and kept
    for step in steps:
        apply_step(store, pupils, step)
        assert _sums(store) == _afresh(store)


def test_a_typed_mark_shows_in_its_placement_and_its_day(store: Store, pupils: list[int]) -> None:
    before = _sums(store)
    store.run(record_register_mark, pupils[0], DAYS[1], AmPm.AM, "/")
    by_placement, by_day, marked = _sums(store)
    assert marked == [(pupils[0], DAYS[1], AmPm.AM)]
    assert sum(counts[0] for counts in by_placement.values()) == 1  # one attendance
    assert by_placement != before[0]
    assert [(d, at) for d, at, counts in by_day if counts[0]] == [(DAYS[1], True)]


def test_marks_written_around_the_operations_are_seen(store: Store, pupils: list[int]) -> None:
    """A write no operation made (a repair, another program) still moves the stamps."""
    store.run(record_register_mark, pupils[1], DAYS[2], AmPm.PM, "/")
    _sums(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE attendancemark SET code = 'N'"))
    sums = _sums(store)
    assert sums == _afresh(store)
    by_placement = sums[0]
    assert [counts[2] for counts in by_placement.values()] == [1]  # now unauthorised
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM attendancemark"))
    assert _sums(store) == ({}, [], [])


def test_only_the_written_placement_and_day_move(store: Store, pupils: list[int]) -> None:
    days = [day.isoformat() for day in DAYS]
    store.run(record_register_mark, pupils[2], DAYS[3], AmPm.AM, "/")
    store.run(record_register_mark, pupils[2], DAYS[3], AmPm.AM, "L", "Came in late")
    placements = store.read(read_stamps, "placementmarkstamp", {1, 2, 3, 0})
    moved = {p for p, stamp in placements.items() if stamp}
    assert len(moved) == 1 and moved != {0}  # the third pupil's placement alone
    assert placements[moved.pop()] >= 2  # the amendment moved it again
    stamped = store.read(read_stamps, "daymarkstamp", days)
    assert {d for d, stamp in stamped.items() if stamp} == {DAYS[3].isoformat()}
    store.run(record_register_mark, pupils[3], DAYS[0], AmPm.PM, "/")  # no placement
    assert store.read(read_stamps, "placementmarkstamp", {0})[0] == 1  # the school register's
