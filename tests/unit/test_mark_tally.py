"""The mark tally the store keeps equals the marks counted afresh, whatever writes them.

Random sequences of the operations that write marks (the register, a provider's return, undo
and redo) run on one real store; after each, the kept tally, and the figures the home page
reads from it, must equal those counted from the marks themselves, and `rebuild` must make
the same tally from scratch.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlmodel import Session, col, select
from tests.helpers.mark_steps import (
    FIRST,
    FRI,
    MON,
    UPNS,
    apply_step,
    four_pupils,
    register_marks,
    returns,
    undos,
)

from apdesk.models import AttendanceMark, Placement
from apdesk.models.enums import Session as AmPm
from apdesk.models.figures import Figures
from apdesk.services.attendance.tally import (
    daily_figures,
    daily_tally,
    placement_counts,
    placement_tally,
    provider_tally,
)
from apdesk.services.measures.attendance_measures import school_figures
from apdesk.services.measures.common import Period
from apdesk.services.operations.attendance import (
    import_provider_return,
    record_register_mark,
)
from apdesk.store import Store
from apdesk.store.summaries import drift, rebuild


@pytest.fixture
def pupils(store: Store) -> list[int]:
    """Four pupils; the first three at one of two providers all week."""
    return four_pupils(store)


def _counted(session: Session) -> dict[str, object]:
    """The figures counted from the marks themselves, as the reads did before the tally."""
    current = col(AttendanceMark.superseded_by).is_(None)
    rows = session.exec(
        select(
            AttendanceMark.mark_date, AttendanceMark.placement_id, AttendanceMark.code, func.count()
        )
        .where(current)
        .group_by(AttendanceMark.mark_date, AttendanceMark.placement_id, AttendanceMark.code)
    ).all()
    providers = dict(session.exec(select(Placement.id, Placement.provider_id)).all())
    school, by_placement, by_provider, by_day = Figures(), Counter(), Counter(), Counter()
    for day, placement, code, n in rows:
        school.add(code, n)
        by_day[(day, code, placement is not None)] += n
        if placement is not None:
            by_placement[(placement, code)] += n
            by_provider[(providers[placement], code)] += n
    first = Counter({(p, c): n for (p, c), n in by_placement.items() if p == FIRST})
    days: dict[tuple[date, bool], Figures] = {}
    for (day, code, at_provider), n in by_day.items():
        days.setdefault((day, at_provider), Figures()).add(code, n)
    summed: dict[int, Figures] = {}
    for (placement, code), n in by_placement.items():
        summed.setdefault(placement, Figures()).add(code, n)
    return {
        "placement figures": summed,
        "day figures": days,
        "first placement figures": {p: f for p, f in summed.items() if p == FIRST},
        "school": school,
        "placement": by_placement,
        "first placement": first,
        "provider": by_provider,
        "day": by_day,
    }


def _kept(session: Session) -> dict[str, object]:
    return {
        "placement figures": placement_counts(session, MON, FRI),
        "day figures": {(d, a): f for d, a, f in daily_figures(session, MON, FRI)},
        "first placement figures": placement_counts(session, MON, FRI, {FIRST}),
        "school": school_figures(session, Period(MON, FRI)),
        "placement": Counter({(p, c): n for p, c, n in placement_tally(session, MON, FRI)}),
        "first placement": Counter(
            {(p, c): n for p, c, n in placement_tally(session, MON, FRI, {FIRST})}
        ),
        "provider": Counter({(p, c): n for p, c, n in provider_tally(session, MON, FRI)}),
        "day": Counter({(d, c, a): n for d, c, a, n in daily_tally(session, MON, FRI)}),
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(st.one_of(register_marks, returns, undos), min_size=1, max_size=8))
def test_the_kept_tally_equals_the_marks_after_any_operations(
    store: Store, pupils: list[int], steps: list[tuple[object, ...]]
) -> None:
    for step in steps:
        apply_step(store, pupils, step)
    with store.engine.connect() as conn:
        assert drift(conn) == []
    assert store.read(_kept) == store.read(_counted)


def test_rebuild_makes_the_same_tally_from_scratch(store: Store, pupils: list[int]) -> None:
    store.run(record_register_mark, pupils[3], MON, AmPm.AM, "/")
    store.run(record_register_mark, pupils[3], MON, AmPm.AM, "N", "Phoned")
    data = f"upn,date,session,code\n{UPNS[0]},{MON},AM,B\n{UPNS[1]},{MON},PM,U\n".encode()
    store.run(import_provider_return, data, "r.csv", reason="Return", today=FRI)
    kept = store.read(_kept)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM marktally")
        assert drift(conn) != []  # the check sees a tally that went wrong
        assert rebuild(conn) == 5  # the register's current mark; the return's two, twice
        assert drift(conn) == []
    assert store.read(_kept) == kept == store.read(_counted)
