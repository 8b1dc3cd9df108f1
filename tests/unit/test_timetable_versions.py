"""The school day, timetable versions over time, the grid's pure edits and the mainstream share."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import inspect
from tests.helpers.timetables import START, full_week, in_force, make_pupil, with_iap

from apdesk.models import Closure
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import DEFAULT_PERIODS, PeriodDef, Structure
from apdesk.models.timetable_plan import PeriodKind, VersionStatus
from apdesk.services.timetables import (
    SlotValue,
    compute_share,
    copy_forward,
    create_version,
    day_plan,
    load_grid,
    load_structure,
    set_slot,
    share_history,
    version_in_force,
)
from apdesk.services.timetables.grid import blank_grid, copy_slot
from apdesk.services.timetables.structure import save_structure
from apdesk.services.timetables.versions import list_versions, set_status
from apdesk.store import Store


def test_a_fresh_store_has_the_timetable_plan_tables(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"period", "iapactivity", "subjectrating", "reintegrationgoal"} <= tables
    assert "timetableversionstate" in tables


def test_default_day_has_five_lessons_a_break_and_lunch(store: Store) -> None:
    with store.session() as s:
        structure = load_structure(s)
    assert structure.cycle_weeks == 1
    assert len(structure.lessons) == 5
    kinds = [p.kind for p in structure.periods]
    assert PeriodKind.BREAK in kinds and PeriodKind.LUNCH in kinds
    assert structure.half_day(2) == "AM" and structure.half_day(7) == "PM"


def test_a_two_week_cycle_is_saved_and_weeks_alternate(store: Store) -> None:
    with store.session() as s:
        saved = save_structure(s, DEFAULT_PERIODS, 2, anchor=START)
    assert saved.cycle_weeks == 2
    assert saved.week_of(START + timedelta(days=2)) == 1
    assert saved.week_of(START + timedelta(days=8)) == 2
    assert saved.week_of(START + timedelta(days=14)) == 1
    with store.session() as s:
        assert len(list(load_structure(s).cells(lessons_only=True))) == 50


def test_overlapping_periods_are_refused_and_nothing_changes(store: Store) -> None:
    bad = [*DEFAULT_PERIODS, PeriodDef(8, "Period 6", time(14, 30), time(15, 30))]
    with pytest.raises(ValidationError, match="overlaps"), store.session() as s:
        save_structure(s, bad, 1)
    with store.session() as s:
        assert len(load_structure(s).periods) == len(DEFAULT_PERIODS)


def test_grid_edits_are_pure_and_check_the_value() -> None:
    grid = blank_grid(Structure())
    key = (1, "MON", 1)
    edited = set_slot(grid, key, SlotValue.mainstream("Maths", "8X/Ma1", "Mr Patel"))
    assert key not in grid and edited[key].subject == "Maths"
    copied = copy_slot(edited, key, (1, "TUE", 1))
    assert copied[(1, "TUE", 1)] == edited[key]
    assert key not in set_slot(edited, key, None)
    with pytest.raises(ValidationError, match="subject"):
        set_slot(grid, key, SlotValue(SlotKind.MAINSTREAM))
    assert grid[(1, "MON", 3)].kind is SlotKind.SOCIAL  # break with peers by default


def test_share_counts_lessons_only_and_hours() -> None:
    structure = Structure()
    grid = with_iap(full_week(structure), {"Maths", "Science", "English"})
    share = compute_share(grid, structure)
    assert (share.mainstream_lessons, share.iap_sessions, share.offsite_sessions) == (13, 12, 0)
    assert share.mainstream_share == pytest.approx(13 / 25)
    assert share.mainstream_hours == 13.0 and share.weekly_education_hours == 25.0
    assert compute_share(full_week(structure), structure).mainstream_share == 1.0


def test_version_in_force_follows_the_effective_dates(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        structure = load_structure(s)
        first = create_version(s, pupil.id or 0, START, with_iap(full_week(structure), {"Maths"}))
        second = copy_forward(
            s, first.id or 0, START + timedelta(weeks=3), changes={(1, "MON", 2): None}
        )
        assert version_in_force(s, pupil.id or 0, START - timedelta(days=1)) is None
        assert in_force(s, pupil.id or 0, START).id == first.id
        assert in_force(s, pupil.id or 0, START + timedelta(weeks=2)).id == first.id
        assert in_force(s, pupil.id or 0, START + timedelta(weeks=3)).id == second.id
        assert (1, "MON", 2) in load_grid(s, first.id or 0), "the history is untouched"
        assert (1, "MON", 2) not in load_grid(s, second.id or 0)
        assert len(list_versions(s, pupil.id or 0)) == 2


def test_a_proposed_version_is_not_in_force_until_accepted(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 2)
        grid = full_week(load_structure(s))
        first = create_version(s, pupil.id or 0, START, grid)
        later = START + timedelta(weeks=2)
        proposed = copy_forward(s, first.id or 0, later, status=VersionStatus.PROPOSED)
        assert in_force(s, pupil.id or 0, later).id == first.id
        assert [r.version_id for r in share_history(s, pupil.id or 0)] == [first.id]
        set_status(s, proposed.id or 0, VersionStatus.ACCEPTED)
        assert in_force(s, pupil.id or 0, later).id == proposed.id


def test_two_accepted_versions_cannot_start_on_the_same_day(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 3)
        create_version(s, pupil.id or 0, START, {})
    with pytest.raises(ValidationError, match="Effective date"), store.session() as s:
        create_version(s, pupil.id or 0, START, {})
    with store.session() as s:
        assert len(list_versions(s, pupil.id or 0)) == 1


def test_copy_forward_must_move_forward(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 4)
        first = create_version(s, pupil.id or 0, START, {})
        with pytest.raises(ValidationError, match="later date"):
            copy_forward(s, first.id or 0, date(2025, 3, 1))


def test_day_plan_uses_the_cycle_week_and_closures(store: Store) -> None:
    with store.session() as s:
        save_structure(s, DEFAULT_PERIODS, 2, anchor=START)
        pupil = make_pupil(s, 6)
        grid = full_week(load_structure(s))
        grid[(2, "TUE", 1)] = SlotValue.iap("Cooking", "Maths")
        create_version(s, pupil.id or 0, START, grid)
        s.add(Closure(start_date=START + timedelta(days=15), end_date=START + timedelta(days=15)))
        s.flush()
        week1_tue = dict(day_plan(s, pupil.id or 0, START + timedelta(days=1)))
        week2_tue = dict(day_plan(s, pupil.id or 0, START + timedelta(days=8)))
        assert week1_tue[1].kind is SlotKind.MAINSTREAM and week2_tue[1].activity == "Cooking"
        assert len(week1_tue) == 7  # five lessons, break and lunch
        assert day_plan(s, pupil.id or 0, START + timedelta(days=15)) == []  # INSET day
        assert day_plan(s, pupil.id or 0, START + timedelta(days=5)) == []  # Saturday


@pytest.mark.filterwarnings(
    # The pupil marks index holds an expression (the weekday), which neither SQLAlchemy nor
    # Alembic reflects; test_register_scan checks that index on its own.
    "ignore:Skipped unsupported reflection of expression-based index",
    "ignore:autogenerate skipping metadata-specified expression-based index",
)
def test_the_migration_matches_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    ours = {"period", "iapactivity", "subjectrating", "reintegrationgoal", "timetableversionstate"}
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diffs = compare_metadata(context, SQLModel.metadata)
    mine = [d for d in diffs if ours & set(str(d).replace("'", " ").replace(",", " ").split())]
    assert mine == []


def test_the_builders_make_a_full_week() -> None:
    grid = full_week(Structure())
    assert sum(1 for v in grid.values() if v.subject) == 25
    assert len(with_iap(grid, {"Maths"})) == len(grid)
