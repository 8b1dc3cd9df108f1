"""The one-pass statistics agree with the session-by-session listing on awkward registers."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from importlib import import_module

import pytest
from sqlalchemy import text

from apdesk.models import AttendanceMark, Closure, Placement, Provider, Pupil
from apdesk.models.attendance import SLOT_SQL
from apdesk.models.codes import CODES, TALLY_RULES, TALLY_SQL, StatRule, rule_of, untally
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.figures import Figures
from apdesk.models.upn import make_upn
from apdesk.services.attendance import (
    ap_pupil_figures,
    attendance_report,
    missing_sessions,
    placement_figures,
    provider_figures,
    pupil_figures,
)
from apdesk.services.attendance.register_scan import STRETCH_SQL
from apdesk.store import Store

START = date(2025, 1, 6)  # a Monday
END = START + timedelta(weeks=8) - timedelta(days=3)  # the Friday of week 8
SLOTS = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange((END - START).days + 1))


@pytest.fixture
def messy(store: Store) -> dict[str, object]:
    """Thirty pupils; overlapping, ending, starting, draft and dual placements; a closure;
    marks on expected and other sessions, on the closure, at weekends, and amended."""
    rng = random.Random(20251)
    with store.session() as s:
        providers = [Provider(name=f"Provider {n}") for n in range(3)]
        pupils = [
            Pupil(upn=make_upn(855, 4001, 2020, n), forename="P", surname=f"S{n}",
                  dob=date(2011, 1, 1))
            for n in range(1, 31)
        ]  # fmt: skip
        s.add_all([*providers, *pupils])
        s.flush()
        s.add(Closure(start_date=START + timedelta(days=16), end_date=START + timedelta(days=18)))
        for pupil in pupils[:24]:
            for _ in range(rng.choice([1, 1, 2, 3])):
                begin = _day(rng) - timedelta(weeks=rng.choice([0, 0, 4]))
                status = rng.choice([PlacementStatus.ACTIVE] * 3 + [PlacementStatus.ENDED])
                s.add(
                    Placement(
                        pupil_id=pupil.id,
                        provider_id=rng.choice(providers).id,
                        status=rng.choice([status, status, PlacementStatus.DRAFT]),
                        sessions=rng.sample(SLOTS, rng.randint(0, 6)),
                        start_date=begin,
                        end_date=begin + timedelta(days=rng.randint(3, 60))
                        if rng.random() < 0.6
                        else None,
                    )
                )
        s.flush()
        codes = ["B", "B", "B", "/", "\\", "N", "I", "C1", "Y2", "#", "L", "U", "X"]
        taken = set()
        for _ in range(900):
            pupil = rng.choice(pupils)
            day = START + timedelta(days=rng.randrange((END - START).days + 10))
            half = rng.choice(list(AmPm))
            if (pupil.id, day, half) in taken:
                continue
            taken.add((pupil.id, day, half))
            mark = AttendanceMark(
                pupil_id=pupil.id, mark_date=day, session=half, code=rng.choice(codes)
            )
            s.add(mark)
            if rng.random() < 0.1:  # amended: the old mark stays, superseded
                s.flush()
                new = AttendanceMark(pupil_id=pupil.id, mark_date=day, session=half, code="B")
                s.add(new)
                s.flush()
                mark.superseded_by = new.id
    return {"today": START + timedelta(weeks=5, days=2)}


def _listed(store: Store, today: date) -> tuple[Counter[int], Counter[int], Counter[int]]:
    with store.session() as s:
        listed = missing_sessions(s, START, END, today=today)
    return (
        Counter(m.pupil_id for m in listed),
        Counter(m.placement_id for m in listed),
        Counter(m.provider_id for m in listed),
    )


def _tallied(store: Store) -> dict[int, Figures]:
    """Each pupil's current marks in the range, classified one by one in Python."""
    figures: dict[int, Figures] = {}
    with store.session() as s:
        for pupil_id, code in s.connection().execute(
            text(
                "SELECT pupil_id, code FROM attendancemark WHERE superseded_by IS NULL "
                "AND mark_date BETWEEN :a AND :b"
            ),
            {"a": START.isoformat(), "b": END.isoformat()},
        ):
            figures.setdefault(pupil_id, Figures()).add(code)
    return figures


@pytest.mark.parametrize("days_after", [-10, 0, 37, 200])
def test_missing_sessions_match_the_listing(
    store: Store, messy: dict[str, object], days_after: int
) -> None:
    today = START + timedelta(days=days_after)
    by_pupil, by_placement, by_provider = _listed(store, today)
    with store.session() as s:
        pupils = pupil_figures(s, START, END, today=today)
        placements = placement_figures(s, START, END, today=today)
        providers = provider_figures(s, START, END, today=today)
    assert {k: f.missing for k, f in pupils.items() if f.missing} == dict(by_pupil)
    assert {k: f.missing for k, f in placements.items() if f.missing} == dict(by_placement)
    assert {k: f.missing for k, f in providers.items() if f.missing} == dict(by_provider)
    if days_after >= 37:
        assert sum(by_pupil.values()) > 20  # the register really has gaps to find


def test_counts_by_rule_match_a_mark_by_mark_tally(store: Store, messy: dict[str, object]) -> None:
    tallied = _tallied(store)
    with store.session() as s:
        pupils = pupil_figures(s, START, END, today=END)
        ap = ap_pupil_figures(s, START, END, today=END)
    assert ap, "some pupils have placements running in the range"
    assert set(ap) < set(pupils)
    for pupil_id, figures in pupils.items():
        want = tallied.get(pupil_id, Figures())
        got = (figures.attended, figures.authorised, figures.unauthorised, figures.not_possible)
        assert got == (want.attended, want.authorised, want.unauthorised, want.not_possible)
    for pupil_id, figures in ap.items():
        assert figures == pupils[pupil_id]


def test_the_ap_only_report_lists_the_pupils_with_a_running_placement(
    store: Store, messy: dict[str, object]
) -> None:
    with store.session() as s:
        everyone = attendance_report(s, START, END, today=END)
        ap = attendance_report(s, START, END, today=END, ap_only=True)
        running = {
            upn
            for upn, first, last in s.connection().execute(
                text(
                    # an active placement past its planned end is still running
                    "SELECT upn, coalesce(started_on, start_date), CASE status WHEN 'ended' "
                    "THEN coalesce(ended_on, end_date, started_on, start_date) ELSE ended_on END "
                    "FROM placement JOIN pupil ON pupil.id = placement.pupil_id "
                    "WHERE status IN ('active', 'ended')"
                )
            )
            if first <= END.isoformat() and (last is None or last >= START.isoformat())
        }
    assert {row["upn"] for row in ap["pupils"]} == running
    assert len(everyone["pupils"]) > len(ap["pupils"]) > 0
    rows = {row["upn"]: row for row in everyone["pupils"]}
    assert all(rows[row["upn"]] == row for row in ap["pupils"])


def test_every_code_is_tallied_in_sql_under_its_own_rule(store: Store) -> None:
    fields = dict(zip(TALLY_RULES, range(4), strict=True))
    with store.engine.connect() as conn:
        for code in [*CODES, "A"]:  # "A" is no code: not a possible session
            tally = conn.execute(text(f"SELECT {TALLY_SQL} FROM (SELECT :c AS code)"), {"c": code})
            counts = untally(int(tally.scalar() or 0))
            rule = rule_of(code)
            field = fields[StatRule.PRESENT if rule.attended else rule]
            assert counts == tuple(int(n == field) for n in range(4)), code


def test_the_statistics_query_reads_the_pupil_marks_index_alone(store: Store) -> None:
    """The index's expressions are the migration's, and the query's must match them."""
    migration = import_module("apdesk.store.migrations.versions.0710_statutory_records")
    assert (migration.SLOT_SQL, migration.TALLY_SQL) == (SLOT_SQL, TALLY_SQL)
    with store.reader_engine.connect() as conn:  # a read: it needs no table of its own
        sql = conn.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'ix_attendancemark_pupil_marks'")
        ).scalar()
        assert sql is not None and SLOT_SQL in sql and TALLY_SQL in sql
        query = text(f"EXPLAIN QUERY PLAN {STRETCH_SQL}")
        plan = " ".join(str(row[-1]) for row in conn.execute(query, {"stretches": "[]"}))
    assert "COVERING INDEX ix_attendancemark_pupil_marks" in plan
    # The marks are grouped in the order they come, never sorted (only the stretches are).
    assert "TEMP B-TREE FOR GROUP BY" not in plan
