"""The year's statistics reuse a pupil's counts only while that pupil's marks are unchanged.

Each stretch's counts are kept between reads and checked against the pupil's mark stamp,
which triggers move on at every write to their marks. After any sequence of the operations
that write marks (the register, a provider's return, undo) and of raw SQL that bypasses them,
the figures read with the kept counts must equal the figures counted afresh.
"""

from __future__ import annotations

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
from apdesk.models.figures import Figures
from apdesk.services.attendance import pupil_figures
from apdesk.services.attendance.scan_cache import forget, stamps
from apdesk.services.operations.attendance import record_register_mark
from apdesk.store import Store


@pytest.fixture
def pupils(store: Store) -> list[int]:
    """Four pupils; the first three at one of two providers all week."""
    return four_pupils(store)


def _figures(store: Store) -> dict[int, tuple[int, int, int, int, int]]:
    found: dict[int, Figures] = store.read(pupil_figures, MON, FRI, today=FRI)
    return {
        p: (f.attended, f.authorised, f.unauthorised, f.not_possible, f.missing)
        for p, f in found.items()
    }


def _afresh(store: Store) -> dict[int, tuple[int, int, int, int, int]]:
    forget(store.reader_engine)
    return _figures(store)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.one_of(register_marks, returns, undos), min_size=1, max_size=6))
def test_kept_counts_equal_fresh_counts_after_any_operations(
    store: Store,
    pupils: list[int],
    steps: list[tuple[object, ...]],
) -> None:
    forget(store.reader_engine)
    _figures(store)  # every stretch counted once and kept
    for step in steps:
        apply_step(store, pupils, step)
        assert _figures(store) == _afresh(store)


def test_a_typed_mark_shows_in_the_next_read(store: Store, pupils: list[int]) -> None:
    before = _figures(store)
    store.run(record_register_mark, pupils[0], MON, AmPm.AM, "/")
    after = _figures(store)
    assert after[pupils[0]][0] == before[pupils[0]][0] + 1  # attended
    assert after[pupils[0]][4] == before[pupils[0]][4] - 1  # one session fewer missing
    assert after[pupils[1]] == before[pupils[1]]


def test_marks_written_around_the_operations_are_seen(store: Store, pupils: list[int]) -> None:
    """A write no operation made (a repair, another program) still moves the stamp."""
    store.run(record_register_mark, pupils[1], DAYS[1], AmPm.PM, "/")
    _figures(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE attendancemark SET code = 'N' WHERE pupil_id = :p"),
                     {"p": pupils[1]})  # fmt: skip
    assert _figures(store)[pupils[1]] == _afresh(store)[pupils[1]]
    assert _figures(store)[pupils[1]][2] == 1  # now one unauthorised absence
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM attendancemark WHERE pupil_id = :p"), {"p": pupils[1]})
    assert _figures(store)[pupils[1]][2] == 0


def test_only_a_written_pupils_stamp_moves(store: Store, pupils: list[int]) -> None:
    before = store.read(stamps, set(pupils))
    assert set(before.values()) == {0}  # no marks yet: no rows needed
    store.run(record_register_mark, pupils[2], MON, AmPm.AM, "/")
    store.run(record_register_mark, pupils[2], MON, AmPm.AM, "L", "Came in late")
    after = store.read(stamps, set(pupils))
    assert after[pupils[2]] > 1  # the amendment moved it again
    assert {p: s for p, s in after.items() if p != pupils[2]} == {
        p: 0 for p in pupils if p != pupils[2]
    }


def test_counts_read_in_a_write_that_rolls_back_are_not_kept(
    store: Store,
    pupils: list[int],
) -> None:
    """A write's session can count marks that never commit; the stamp they moved returns to its
    old value, and the next write reaches the same stamp with other marks."""
    insert = text(
        "INSERT INTO attendancemark (pupil_id, mark_date, session, code, source, recorded_by, "
        "recorded_at, note, amendment_reason) SELECT :p, :d, 'AM', :c, source, recorded_by, "
        "recorded_at, '', '' FROM attendancemark LIMIT 1"
    )
    store.run(record_register_mark, pupils[0], DAYS[2], AmPm.PM, "/")
    with pytest.raises(RuntimeError), store.session() as session:
        session.connection().execute(insert, {"p": pupils[0], "d": MON, "c": "N"})
        assert pupil_figures(session, MON, FRI, today=FRI)[pupils[0]].unauthorised == 1
        raise RuntimeError("rolled back")
    with store.session() as session:
        session.connection().execute(insert, {"p": pupils[0], "d": MON, "c": "/"})
        figures = pupil_figures(session, MON, FRI, today=FRI)[pupils[0]]
        assert (figures.attended, figures.unauthorised) == (2, 0)
    assert _figures(store) == _afresh(store)
