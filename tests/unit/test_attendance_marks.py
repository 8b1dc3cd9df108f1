"""Marks and amendments, expected sessions, the register grid and the Today panel."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from apdesk.models import Closure, Placement, Provider, Pupil, ValidationError
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.attendance import (
    current_marks,
    expected_sessions,
    get_return_cutoff,
    mark_history,
    part_time_pupils,
    record_mark,
    register_grid,
    set_return_cutoff,
    today_board,
)
from apdesk.services.measures.today import todays_work
from apdesk.store import Store

MON = date(2025, 1, 6)
TUE, WED = MON + timedelta(days=1), MON + timedelta(days=2)


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    """Ada at Riverside (Mon, Wed) and Ben at Hilltop (Tue AM); a draft for Cy; Wed 15th shut."""
    with store.session() as s:
        riverside = Provider(name="Riverside Skills", phone="01632 960111")
        hilltop = Provider(name="Hilltop Farm")
        pupils = [
            Pupil(upn=make_upn(855, 4001, 2020, n), forename=f, surname=sn, dob=date(2011, 1, 1))
            for n, f, sn in ((1, "Ada", "Ash"), (2, "Ben", "Birch"), (3, "Cy", "Cole"))
        ]
        s.add_all([riverside, hilltop, *pupils])
        s.flush()
        ada, ben, cy = pupils
        s.add_all([
            Placement(pupil_id=ada.id, provider_id=riverside.id, status=PlacementStatus.ACTIVE,
                      sessions=["MON_AM", "MON_PM", "WED_AM", "WED_PM"], start_date=MON,
                      family_voice_date=MON - timedelta(days=10), end_date=MON + timedelta(weeks=6),
                      review_date=MON + timedelta(weeks=2), hours_per_week=10),
            Placement(pupil_id=ben.id, provider_id=hilltop.id, status=PlacementStatus.ENDED,
                      sessions=["TUE_AM"], start_date=MON - timedelta(weeks=4),
                      started_on=MON - timedelta(weeks=3), ended_on=MON + timedelta(days=7)),
            Placement(pupil_id=cy.id, provider_id=hilltop.id, status=PlacementStatus.DRAFT,
                      sessions=["MON_AM"], start_date=MON),
            Closure(start_date=MON + timedelta(days=9), end_date=MON + timedelta(days=9)),
        ])  # fmt: skip
        return {"ada": ada.id, "ben": ben.id, "cy": cy.id, "riverside": riverside.id,
                "hilltop": hilltop.id}  # fmt: skip


def test_expected_sessions_follow_patterns_dates_and_closures(
    store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        found = expected_sessions(s, MON, MON + timedelta(days=13))
    by_pupil = {
        pid: [(e.day, e.session) for e in found if e.pupil_id == pid] for pid in ids.values()
    }
    ada = by_pupil[ids["ada"]]
    assert len(ada) == 6  # Mon+Wed of week 1, Mon of week 2 (Wed 15th is shut)
    assert (MON + timedelta(days=9), AmPm.AM) not in ada
    assert by_pupil[ids["ben"]] == [(TUE, AmPm.AM)]  # ended the day before the second Tuesday
    assert by_pupil[ids["cy"]] == []  # a draft is not a placement yet


def test_record_mark_amendments_need_a_reason_and_keep_the_original(
    store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        first = record_mark(s, ids["ada"], MON, "AM", "N", recorded_by="Ms Ellery")
        assert first.outcome == "created" and first.mark.placement_id is not None
        assert record_mark(s, ids["ada"], MON, AmPm.AM, "n").outcome == "unchanged"
        with pytest.raises(ValidationError) as caught:
            record_mark(s, ids["ada"], MON, "AM", "I")
        assert caught.value.field == "reason"
    with store.session() as s:
        change = record_mark(s, ids["ada"], MON, "AM", "I", reason="Parent phoned")
        assert change.outcome == "amended"
    with store.session() as s:
        history = mark_history(s, ids["ada"], MON, "AM")
        assert [m.code for m in history] == ["N", "I"]
        assert history[0].superseded_by == history[1].id
        assert history[1].amendment_reason == "Parent phoned"
        assert [m.code for m in current_marks(s, MON, MON)] == ["I"]


def test_record_mark_refuses_bad_input_clearly(store: Store, ids: dict[str, int]) -> None:
    with store.session() as s:
        cases = [
            (dict(code="H"), "code"),
            (dict(code="B", day=MON + timedelta(days=5)), "date"),
            (dict(code="B", half="noon"), "session"),
            (dict(code="B", minutes_late=10), "minutes_late"),
            (dict(code="L", minutes_late=-1), "minutes_late"),
        ]
        for options, field in cases:
            args = {"day": MON, "half": "AM", **options}
            with pytest.raises(ValidationError) as caught:
                record_mark(s, ids["ada"], args["day"], args["half"], args["code"],
                            minutes_late=args.get("minutes_late"))  # fmt: skip
            assert caught.value.field == field
        with pytest.raises(ValidationError, match="retired"):  # a 2025 session: 2024 codes
            record_mark(s, ids["ada"], MON, "AM", "H", history=True)
        before = date(2024, 7, 15)  # under the 2006 regulations H was a valid code
        assert record_mark(s, ids["ada"], before, "AM", "H", history=True).mark.code == "H"
        assert record_mark(s, ids["ada"], TUE, "PM", "L", minutes_late=12).mark.minutes_late == 12


def test_register_grid_shades_expected_and_flags_missing(store: Store, ids: dict[str, int]) -> None:
    with store.session() as s:
        record_mark(s, ids["ada"], MON, "AM", "N")
        record_mark(s, ids["ada"], MON, "AM", "B", reason="Provider rang late")
        record_mark(s, ids["ada"], TUE, "AM", "/")
        grid = register_grid(s, MON, WED, today=TUE)
    assert [r.name for r in grid.rows] == ["Ada Ash", "Ben Birch"]
    assert grid.days == [MON, TUE, WED]
    cell = grid.cell(ids["ada"], MON, AmPm.AM)
    assert cell.code == "B" and cell.expected_at_provider and cell.amended and not cell.missing
    assert grid.cell(ids["ada"], MON, AmPm.PM).missing
    assert not grid.cell(ids["ada"], WED, AmPm.AM).missing  # not due yet
    assert grid.cell(ids["ada"], TUE, AmPm.AM).code == "/"
    assert not grid.cell(ids["ada"], TUE, AmPm.AM).amended  # a first mark, not an amendment
    assert not grid.cell(ids["ada"], TUE, AmPm.AM).expected_at_provider
    assert grid.cell(ids["ben"], TUE, AmPm.AM).missing


def test_today_board_and_late_returns(store: Store, ids: dict[str, int]) -> None:
    with store.session() as s:
        assert get_return_cutoff(s) == time(10, 0)
        set_return_cutoff(s, "09:30")
        with pytest.raises(ValidationError):
            set_return_cutoff(s, "half nine")
        record_mark(s, ids["ben"], TUE, "AM", "N")
    with store.session() as s:
        board = today_board(s, datetime.combine(WED, time(9, 0)))
        assert board.cutoff == time(9, 30)
        assert [(p.name, p.status, p.awaiting) for p in board.pupils] == [
            ("Ada Ash", "awaiting", [AmPm.AM])  # the afternoon is not awaited before noon
        ]
        # before the cut-off only Monday's missing marks are late
        assert [(r.name, r.missing_sessions, r.oldest) for r in board.late_returns] == [
            ("Riverside Skills", 2, MON)
        ]
        later = today_board(s, datetime.combine(WED, time(11, 0)))
        assert later.late_returns[0].missing_sessions == 3
        assert later.late_returns[0].phone == "01632 960111"
        record_mark(s, ids["ada"], WED, "AM", "I")
        assert today_board(s, datetime.combine(WED, time(11, 0))).pupils[0].status == "absent"
        tuesday = today_board(s, datetime.combine(TUE, time(11, 0)))
        assert [(p.name, p.status) for p in tuesday.pupils] == [("Ben Birch", "absent")]


def test_an_afternoon_with_no_mark_is_awaited_once_it_has_begun(
    store: Store, ids: dict[str, int]
) -> None:
    """At 13:50 the register shows "?" for the afternoon: Today counts that pupil as awaiting a
    mark too, not only those with no mark at all; and a pupil marked present this morning is
    attending all the while, not merely "marked"."""
    with store.session() as s:
        record_mark(s, ids["ada"], MON, "AM", "/")
        morning = today_board(s, datetime.combine(MON, time(11, 0))).pupils[0]
        afternoon = today_board(s, datetime.combine(MON, time(13, 50))).pupils[0]
        assert (morning.status, morning.awaiting) == ("attending", [])
        assert (afternoon.status, afternoon.awaiting) == ("attending", [AmPm.PM])  # still there
        board = today_board(s, datetime.combine(MON, time(13, 50)))
        assert [p.name for p in board.with_status("awaiting")] == ["Ada Ash"]
        assert [p.name for p in board.with_status("attending")] == ["Ada Ash"]
        items = {i.key: i for i in todays_work(s, datetime.combine(MON, time(13, 50)))}
        assert items["unmarked"].title == "1 pupil at a provider today awaiting a mark"
        record_mark(s, ids["ada"], MON, "PM", "/")
        done = today_board(s, datetime.combine(MON, time(13, 50))).pupils[0]
        assert (done.status, done.awaiting) == ("attending", [])


def test_part_time_pupils_come_from_c2_marks(store: Store, ids: dict[str, int]) -> None:
    with store.session() as s:
        record_mark(s, ids["ada"], TUE, "AM", "C2")
        record_mark(s, ids["ada"], TUE, "PM", "C2")
        record_mark(s, ids["ben"], WED, "AM", "C2")
        entries = part_time_pupils(s, MON, WED, today=MON + timedelta(weeks=3))
    by_name = {e.name: e for e in entries}
    ada = by_name["Ada Ash"]
    assert (ada.c2_sessions, ada.agreed_on, ada.review_on) == (
        2,
        MON - timedelta(days=10),
        MON + timedelta(weeks=2),
    )
    assert ada.flags == ["review overdue"]
    ben = by_name["Ben Birch"]
    assert "no parent agreement recorded" not in ben.flags  # agreed date falls back to the start
    assert "end date passed" in ben.flags and "no review date" in ben.flags
    assert entries[-1].name == "Ada Ash" or all(e.overdue for e in entries)
