"""Each timetable check fires on a crafted case, says why, and clears once the cause is fixed."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from tests.helpers.timetables import (
    START,
    full_week,
    make_placement,
    make_pupil,
    with_iap,
)

from apdesk.models import TimetableSlot
from apdesk.models.enums import SlotKind
from apdesk.services.timetables import (
    Draft,
    SlotValue,
    check_grid,
    check_timetable,
    create_version,
    group_view,
    load_structure,
    set_slot,
)
from apdesk.services.timetables.groups import save_group
from apdesk.services.timetables.versions import save_grid, update_details
from apdesk.store import Store

MON_P1 = (1, "MON", 1)


def codes(session: Session, version_id: int) -> set[str]:
    found = check_timetable(session, version_id)
    assert all(c.message and c.reason for c in found)
    return {c.code for c in found}


def test_a_full_mainstream_week_passes_every_check(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        version = create_version(s, pupil.id or 0, START, full_week(load_structure(s)))
        assert check_timetable(s, version.id or 0) == []


def test_two_places_at_once_fires_and_clears(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        grid = full_week(load_structure(s))
        version = create_version(s, pupil.id or 0, START, grid)
        s.add(TimetableSlot(version_id=version.id or 0, day="MON", period=1,
                            kind=SlotKind.IAP, activity="Cooking"))  # fmt: skip
        s.flush()
        found = [c for c in check_timetable(s, version.id or 0) if c.code == "two-places"]
        assert len(found) == 1 and found[0].slots == (MON_P1,)
        assert "Monday Period 1" in found[0].message  # as the grid's headings name it
        save_grid(s, version.id or 0, grid)
        assert "two-places" not in codes(s, version.id or 0)


@pytest.mark.usefixtures("polish")
def test_a_check_names_its_slot_in_the_person_s_language(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        version = create_version(s, pupil.id or 0, START, full_week(load_structure(s)))
        s.add(TimetableSlot(version_id=version.id or 0, day="TUE", period=1,
                            kind=SlotKind.IAP, activity="Cooking"))  # fmt: skip
        s.flush()
        [clash] = [c for c in check_timetable(s, version.id or 0) if c.code == "two-places"]
    assert "Wtorek" in clash.message
    assert "Tue" not in clash.message


def test_group_staffing_and_capacity(store: Store) -> None:
    with store.session() as s:
        group = save_group(s, "The Bridge", "B12", "Mr Okafor", "", capacity=2)
        grid = with_iap(full_week(load_structure(s)), {"Maths"})
        versions = []
        for serial in range(3):
            pupil = make_pupil(s, 10 + serial)
            versions.append(create_version(s, pupil.id or 0, START, grid, group_id=group.id))
        last = versions[-1].id or 0
        found = {c.code: c for c in check_timetable(s, last)}
        assert {"staffing", "over-capacity"} <= found.keys()
        assert "1 named member" in found["staffing"].message
        assert len(found["over-capacity"].slots) == 4  # the four maths lessons
        save_group(s, "The Bridge", "B12", "Mr Okafor", "Ms Hart", capacity=3, group_id=group.id)
        assert codes(s, last) == set()
        view = group_view(s, group.id or 0, START)
        maths = next(k for k, v in grid.items() if v.kind is SlotKind.IAP)
        assert len(view.cells[maths].pupils) == 3
        assert view.cells[maths].staff == ["Mr Okafor", "Ms Hart"]
        assert view.busiest() == 3


def test_ten_in_a_slot_is_too_many_even_within_capacity(store: Store) -> None:
    with store.session() as s:
        group = save_group(s, "Big base", "Hall", "Mr A", "Ms B", capacity=20)
        grid = with_iap(full_week(load_structure(s)), {"PSHE"})
        last = 0
        for serial in range(10):
            pupil = make_pupil(s, 30 + serial)
            last = create_version(s, pupil.id or 0, START, grid, group_id=group.id).id or 0
        assert "group-too-large" in codes(s, last)
        assert "over-capacity" not in codes(s, last)


def test_iap_sessions_need_a_group(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        grid = with_iap(full_week(load_structure(s)), {"Art"})
        version = create_version(s, pupil.id or 0, START, grid)
        assert "no-group" in codes(s, version.id or 0)
        group = save_group(s, "The Bridge", "B12", "Mr A", "Ms B")
        update_details(s, version.id or 0, group_id=group.id)
        assert codes(s, version.id or 0) == set()


def test_off_site_sessions_must_match_the_placement_pattern(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        placement = make_placement(s, pupil.id or 0, ["WED_AM"])
        structure = load_structure(s)
        grid = full_week(structure)
        am = [p.number for p in structure.lessons if structure.half_day(p.number) == "AM"]
        for number in am:  # Wednesday morning at the provider: matches
            grid[(1, "WED", number)] = SlotValue.offsite(placement.id or 0, "Motor vehicle")
        version = create_version(s, pupil.id or 0, START, grid)
        assert codes(s, version.id or 0) == set()
        wrong = dict(grid)
        wrong[(1, "THU", 7)] = SlotValue.offsite(placement.id or 0)  # Thursday afternoon
        save_grid(s, version.id or 0, wrong)
        found = {c.code: c for c in check_timetable(s, version.id or 0)}
        assert found["offsite-pattern"].slots == ((1, "THU", 7),)
        assert "WED_AM" in found["offsite-pattern"].message
        for number in am:
            wrong[(1, "WED", number)] = SlotValue.mainstream("Maths")
        save_grid(s, version.id or 0, wrong)
        assert "offsite-pattern-missing" in codes(s, version.id or 0)
        save_grid(s, version.id or 0, grid)
        assert codes(s, version.id or 0) == set()


def test_hours_below_full_time_need_a_recorded_part_time_timetable(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        grid = full_week(load_structure(s))
        for key in [k for k in grid if k[1] in ("THU", "FRI")]:
            grid.pop(key)  # 15 hours a week
        version = create_version(s, pupil.id or 0, START, grid)
        found = [c for c in check_timetable(s, version.id or 0) if c.code == "part-time"]
        assert len(found) == 1 and "15 hours" in found[0].message
        update_details(s, version.id or 0, part_time_reason="Medical advice: agreed with parent")
        assert codes(s, version.id or 0) == set()


def test_an_unsaved_grid_is_checked_as_the_lead_edits(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s, 1)
        group = save_group(s, "The Bridge", "B12", "Mr A", "", capacity=4)
        draft = Draft(pupil.id or 0, START, group.id)
        grid = full_week(load_structure(s))
        assert check_grid(s, draft, grid) == []
        edited = set_slot(grid, MON_P1, SlotValue.iap("Cooking", "English"))
        found = check_grid(s, draft, edited)
        assert [c.code for c in found] == ["staffing"] and found[0].slots == (MON_P1,)
