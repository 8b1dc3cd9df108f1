"""The demo school: deterministic for a seed and a day, fast, and showing every state and rule."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import SQLModel, col, select

from apdesk import models
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.services import demo
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placements import placement_warnings
from apdesk.services.provider_search import SearchCriteria, find_providers
from apdesk.services.providers import list_providers
from apdesk.services.qa import qa_statuses
from apdesk.services.school_calendar.year import calendar_year
from apdesk.store import KdfParams, Store

TODAY = date(2025, 3, 3)
VOLATILE = {"created_at", "updated_at"}


def _store(folder: Path) -> Store:
    store, _recovery = Store.create(folder, "demo test passphrase", use_keyring=False,
                                    kdf=KdfParams.fast())  # fmt: skip
    return store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, float]]:
    store = _store(tmp_path_factory.mktemp("demo") / "store")
    began = time.perf_counter()
    demo.populate(store, pupils=200, seed=7, today=TODAY)
    yield store, time.perf_counter() - began
    store.lock()


def _rows(store: Store, table: type[SQLModel]) -> list[dict[str, Any]]:
    with store.session() as session:
        return [
            {k: v for k, v in row.model_dump().items() if k not in VOLATILE}
            for row in session.exec(select(table)).all()
        ]


def test_same_seed_and_day_give_the_same_rows(tmp_path: Path) -> None:
    tables: list[type[SQLModel]] = [
        models.Pupil, models.Provider, models.ProviderAudit, models.QualityConcern,
        models.Placement, models.Closure, models.Term, models.AgencyInvolvement,
    ]  # fmt: skip
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        store = _store(tmp_path / name)
        summary = demo.populate(store, pupils=60, seed=seed, today=TODAY)
        dumps.append([_rows(store, t) for t in tables])
        store.lock()
        assert summary["pupils"] == 60
    assert dumps[0] == dumps[1]
    assert dumps[0] != dumps[2]


def test_every_status_outcome_and_two_part_time_places(demo_store: tuple[Store, float]) -> None:
    store, _ = demo_store
    with store.session() as session:
        placements = session.exec(select(models.Placement)).all()
    assert {p.status for p in placements} == set(PlacementStatus)
    assert {p.outcome for p in placements if p.outcome} == set(PlacementOutcome)
    assert all(p.outcome for p in placements if p.status == PlacementStatus.ENDED)
    current = Counter(
        p.pupil_id for p in placements
        if p.status in (PlacementStatus.ACTIVE, PlacementStatus.REFERRED) and p.hours_per_week < 18
    )  # fmt: skip
    assert sum(1 for n in current.values() if n == 2) >= 3
    texts = Counter(p.child_voice for p in placements if p.child_voice)
    assert len(texts) > len(placements) // 2  # varied, not one sentence for everyone
    assert len({p.interventions_tried for p in placements}) > 10


def test_every_qa_state_and_flag(demo_store: tuple[Store, float]) -> None:
    store, _ = demo_store
    with store.session() as session:
        providers = session.exec(select(models.Provider)).all()
        statuses = qa_statuses(session, providers, TODAY).values()
        rows = list_providers(session, TODAY)
        concerns = session.exec(select(models.QualityConcern)).all()
    assert {s.state for s in statuses} == {
        "current",
        "due soon",
        "checks needed",
        "overdue",
        "missing",
        "failed",
    }
    flags = {flag.split(" on ")[0] for s in statuses for flag in s.flags}
    assert flags == {"Staff safeguarding checks not confirmed in writing", "Insurance expired"}
    assert sum(r.open_concerns for r in rows) >= 2
    assert any(c.outcome for c in concerns)


def test_every_warning_appears_somewhere(demo_store: tuple[Store, float]) -> None:
    from apdesk.services.placement_rules import WARNING_CODES

    store, _ = demo_store
    seen: Counter[str] = Counter()
    with store.session() as session:
        for placement in session.exec(select(models.Placement)).all():
            seen.update(w.code for w in placement_warnings(session, placement, TODAY))
    # An end before the start is refused now (the warning stays for records made before); no
    # demo referral contradicts itself (tests/unit/test_demo_referrals.py).
    assert set(seen) == set(WARNING_CODES) - {"dates_order", "health_needs", "risk_assessment"}


def test_closures_make_school_days(demo_store: tuple[Store, float]) -> None:
    store, _ = demo_store
    with store.session() as session:
        closures = session.exec(select(models.Closure)).all()
        calendar = SchoolCalendar.load(session)
        matches = find_providers(session, SearchCriteria(nc_year=10, category="vocational"), TODAY)
    # Last year's, this year's and next year's: five INSET days each.
    assert [c.kind for c in closures].count("inset") == 15
    assert {c.name for c in closures} >= {"Autumn half term", "Christmas holiday", "Summer holiday"}
    assert not calendar.is_school_day(date(2025, 2, 12))  # spring half term
    assert not calendar.is_school_day(date(2024, 9, 2))  # INSET day
    assert calendar.is_school_day(date(2025, 3, 4))
    assert matches and matches[0].qa_state == "current"


def test_terms_are_the_weekdays_between_the_holidays(demo_store: tuple[Store, float]) -> None:
    store, _ = demo_store
    with store.session() as session:
        terms = session.exec(select(models.Term).order_by(col(models.Term.start_date))).all()
        calendar = SchoolCalendar.load(session)
        years = [calendar_year(session, year) for year in (2023, 2024, 2025)]
    # Last year's, this year's and next year's: six half terms each, as Settings lists them.
    assert [t.name for t in terms] == list(demo.TERM_NAMES) * 3
    assert all(t.start_date.weekday() < 5 and t.end_date.weekday() < 5 for t in terms)
    assert all(len(view.terms) == 6 and view.between_terms == [] for view in years)
    # The terms agree with the holidays: the same school days as the closures alone give.
    first, last = date(2023, 9, 1), date(2026, 8, 31)
    without_terms = SchoolCalendar.of(calendar.closures)
    assert list(calendar.school_days(first, last)) == list(without_terms.school_days(first, last))
    assert not calendar.is_school_day(date(2023, 8, 14))  # the summer before the first term


def test_each_school_year_gives_pupils_190_days(demo_store: tuple[Store, float]) -> None:
    """The days pupils are expected in, as the calendar and every attendance figure count them:
    190 a year in England, after five INSET days and the bank holidays in term."""
    store, _ = demo_store
    with store.session() as session:
        years = [calendar_year(session, year) for year in (2023, 2024, 2025)]
    assert [view.school_days for view in years] == [190, 190, 190]
    for view in years:
        insets = [c for c in view.closures if c.kind == "inset" and view.first <= c.first]
        assert len(insets) == 5, view.title
        assert view.suggestions == [], "a bank holiday in term is left open"
        opens, closes = view.terms[0].entry.first, view.terms[-1].entry.last
        assert (opens.month, closes.month) == (9, 7) and opens.day <= 4 and 19 <= closes.day <= 22


def test_running_again_adds_pupils_but_not_providers_or_closures(tmp_path: Path) -> None:
    store = _store(tmp_path / "again")
    try:
        demo.populate(store, pupils=10, seed=1, today=TODAY)
        again = demo.populate(store, pupils=10, seed=1, today=TODAY)
        with store.session() as session:
            providers = session.exec(select(models.Provider)).all()
            pupils = session.exec(select(models.Pupil)).all()
            terms = session.exec(select(models.Term)).all()
    finally:
        store.lock()
    assert again["closures"] == 0 and len(terms) == 18
    assert len(providers) == 13 and len(pupils) == 20
    assert len({p.upn for p in pupils}) == 20


def test_demo_data_command(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = tmp_path / "cli"
    result = subprocess.run(
        [sys.executable, "-m", "apdesk", "demo-data", "--store", str(folder), "--pupils", "30",
         "--seed", "7"],
        env=cli_env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "30 pupils, 13 providers" in result.stdout
