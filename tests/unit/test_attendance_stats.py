"""Statistics by the DfE method on hand-worked registers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from apdesk.models import AttendanceMark, Closure, Placement, Provider, Pupil, ValidationError
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.figures import Figures
from apdesk.models.upn import make_upn
from apdesk.services.attendance import (
    attendance_report,
    expected_sessions,
    mis_csv,
    placement_figures,
    provider_figures,
    pupil_figures,
    weekly_figures,
)
from apdesk.store import Store

MON = date(2025, 1, 6)
ATTENDED = ["B", "K", "P", "V", "W", "/", "\\", "L"]
AUTHORISED = ["C1", "M", "J1", "S", "C2", "C", "T", "R", "I", "E"]
UNAUTHORISED = ["G", "N", "O", "U"]
NOT_POSSIBLE = ["D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#"]


def figures(*codes: str) -> Figures:
    result = Figures()
    for code in codes:
        result.add(code)
    return result


def test_every_code_group_counts_the_dfe_way() -> None:
    f = figures(*ATTENDED, *AUTHORISED, *UNAUTHORISED, *NOT_POSSIBLE)
    assert (f.attended, f.authorised, f.unauthorised, f.not_possible) == (8, 10, 4, 12)
    assert f.possible == 22
    assert f.rate == pytest.approx(8 / 22)
    assert f.absence_rate == pytest.approx(14 / 22)
    assert f.persistent and f.severe
    assert f.as_json()["attendance_rate"] == 0.3636


@pytest.mark.parametrize("code", NOT_POSSIBLE)
def test_not_possible_codes_leave_the_rate_alone(code: str) -> None:
    f = figures("B", "B", "N", code)
    assert (f.possible, f.not_possible, f.rate) == (3, 1, pytest.approx(2 / 3))


def test_c2_is_authorised_and_b_k_p_v_w_are_attended() -> None:
    assert figures("C2").authorised == 1
    assert figures("B", "K", "P", "V", "W").attended == 5
    assert figures("G", "N", "O", "U").unauthorised == 4


def test_persistent_absence_starts_at_exactly_ten_percent() -> None:
    assert figures(*["B"] * 9, "N").persistent  # 1 in 10 missed
    assert not figures(*["B"] * 10, "N").persistent  # 1 in 11
    assert figures(*["/"] * 18, "I", "O").persistent  # 2 in 20, both kinds of absence


def test_severe_absence_starts_at_exactly_half() -> None:
    exactly_half = figures(*["B"] * 5, *["I"] * 5)
    assert exactly_half.severe and exactly_half.persistent
    assert not figures(*["B"] * 6, *["I"] * 5).severe


def test_rate_is_null_when_nothing_is_possible() -> None:
    f = figures("D", "Y1", "#")
    assert f.rate is None and not f.persistent and not f.severe
    assert f.as_json()["attendance_rate"] is None
    assert Figures().as_json()["attendance_rate"] is None


@pytest.fixture
def register(store: Store) -> dict[str, int]:
    """Two pupils at one provider: Monday AM+PM and Wednesday AM, week of 6 January 2025.

    Pupil A: Mon AM B, Mon PM L (late), Wed AM N, Tue AM / (in school), Thu AM Y1.
    Pupil B: Mon AM I, nothing else (Mon PM and Wed AM missing; Wed of week 2 is a closure).
    """
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        a = Pupil(
            upn=make_upn(855, 4001, 2020, 1), forename="Ada", surname="Ash", dob=date(2011, 1, 1)
        )
        b = Pupil(
            upn=make_upn(855, 4001, 2020, 2), forename="Ben", surname="Birch", dob=date(2011, 1, 1)
        )
        s.add_all([provider, a, b])
        s.flush()
        placements = [
            Placement(pupil_id=p.id, provider_id=provider.id, status=PlacementStatus.ACTIVE,
                      sessions=["MON_AM", "MON_PM", "WED_AM"], start_date=MON)
            for p in (a, b)
        ]  # fmt: skip
        s.add_all(placements)
        s.add(Closure(start_date=MON + timedelta(days=9), end_date=MON + timedelta(days=9)))
        s.flush()
        marks = [
            (a, MON, AmPm.AM, "B", placements[0]),
            (a, MON, AmPm.PM, "L", placements[0]),
            (a, MON + timedelta(days=2), AmPm.AM, "N", placements[0]),
            (a, MON + timedelta(days=1), AmPm.AM, "/", None),
            (a, MON + timedelta(days=3), AmPm.AM, "Y1", None),
            (b, MON, AmPm.AM, "I", placements[1]),
        ]
        for pupil, day, half, code, placement in marks:
            placement_id = placement.id if placement else None
            s.add(AttendanceMark(pupil_id=pupil.id, placement_id=placement_id,
                                 mark_date=day, session=half, code=code))  # fmt: skip
        return {"a": a.id, "b": b.id, "provider": provider.id, "pa": placements[0].id}


def test_per_pupil_placement_provider_and_missing(store: Store, register: dict[str, int]) -> None:
    end = MON + timedelta(days=11)  # two weeks; the second Wednesday is a closure
    with store.session() as s:
        expected = expected_sessions(s, MON, end)
        assert len(expected) == 2 * (3 + 2)
        pupils = pupil_figures(s, MON, end, today=end)
        a, b = pupils[register["a"]], pupils[register["b"]]
        assert (a.attended, a.unauthorised, a.not_possible, a.possible) == (3, 1, 1, 4)
        assert a.missing == 2  # the second Monday
        assert (b.authorised, b.possible, b.missing) == (1, 1, 4)
        by_placement = placement_figures(s, MON, end, today=end)
        assert by_placement[register["pa"]].possible == 3
        by_provider = provider_figures(s, MON, end, today=end)
        assert by_provider[register["provider"]].possible == 4
        assert by_provider[register["provider"]].missing == 6
        weeks = weekly_figures(s, MON, end)
        assert [w for w, _ in weeks] == [MON, MON + timedelta(days=7)]
        assert weeks[0][1].possible == 5 and weeks[1][1].possible == 0


def test_missing_sessions_in_the_future_are_not_counted(
    store: Store, register: dict[str, int]
) -> None:
    with store.session() as s:
        pupils = pupil_figures(s, MON, MON + timedelta(days=11), today=MON)
        assert pupils[register["b"]].missing == 1  # only Monday PM was due by then


def test_report_shape_and_cohort(store: Store, register: dict[str, int]) -> None:
    with store.session() as s:
        report = attendance_report(s, MON, MON + timedelta(days=4), today=MON + timedelta(days=4))
    assert list(report) == ["pupils", "cohort"]
    first = report["pupils"][0]
    assert list(first) == [
        "upn", "possible_sessions", "attended_sessions", "authorised_absence",
        "unauthorised_absence", "not_possible", "attendance_rate", "persistent_absence",
        "severe_absence", "missing_sessions",
    ]  # fmt: skip
    rows = {row["upn"]: row for row in report["pupils"]}
    ada, ben = rows[make_upn(855, 4001, 2020, 1)], rows[make_upn(855, 4001, 2020, 2)]
    assert ada["attendance_rate"] == 0.75 and ada["persistent_absence"] is True
    assert not ada["severe_absence"] and ada["not_possible"] == 1
    assert ben["attendance_rate"] == 0.0 and ben["severe_absence"] is True
    assert ben["missing_sessions"] == 2
    cohort = report["cohort"]
    assert cohort["possible_sessions"] == 5 and cohort["attended_sessions"] == 3
    assert cohort["attendance_rate"] == 0.6
    assert cohort["persistent_absence"] == 2 and cohort["severe_absence"] == 1
    assert cohort["missing_sessions"] == 2


def test_mis_csv_lists_current_marks(store: Store, register: dict[str, int]) -> None:
    with store.session() as s:
        text = mis_csv(s, MON, MON)
    lines = text.splitlines()
    assert lines[0] == "UPN,Date,Session,Code"
    assert len(lines) == 4
    assert all(line.count(",") == 3 and ",2025-01-06," in line for line in lines[1:])


def test_a_range_that_ends_before_it_starts_is_refused(store: Store) -> None:
    with store.session() as s, pytest.raises(ValidationError) as caught:
        attendance_report(s, MON, MON - timedelta(days=1))
    assert caught.value.field == "to"
