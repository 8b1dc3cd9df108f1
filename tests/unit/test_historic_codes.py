"""Retired attendance codes: valid only before 19 August 2024, counted by the rules of then."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from apdesk.models import Placement, Provider, Pupil, ValidationError
from apdesk.models.codes import CODES_2024_FROM, StatRule, meaning_on, normalise_code, rule_of
from apdesk.models.enums import Commissioner, PlacementStatus
from apdesk.models.figures import Figures
from apdesk.models.upn import make_upn
from apdesk.services.attendance import pupil_figures, record_mark
from apdesk.store import Store

OLD_WEEK = date(2024, 7, 8)  # Monday, under the 2006 regulations
NEW_WEEK = date(2024, 12, 2)  # Monday, under the 2024 regulations
FULL_WEEK = [f"{d}_{s}" for d in ("MON", "TUE", "WED", "THU", "FRI") for s in ("AM", "PM")]
# One week each side of the change, Monday to Friday, AM then PM.
OLD_MARKS = ["/", "\\", "J", "J", "H", "H", "F", "Y", "B", "N"]
NEW_MARKS = ["/", "\\", "J1", "J1", "C", "C", "Y1", "I", "B", "N"]


def test_the_2024_regulations_start_on_19_august_2024() -> None:
    """School Attendance (Pupil Registration) (England) Regulations 2024: in force for
    sessions from 19 August 2024, when H, F, J and Y left the code table."""
    assert date(2024, 8, 19) == CODES_2024_FROM
    last_old = CODES_2024_FROM - timedelta(days=1)
    for code in ("H", "F", "J", "Y"):
        assert normalise_code(code, day=last_old) == code
        with pytest.raises(ValidationError, match="retired"):
            normalise_code(code, day=CODES_2024_FROM)


def test_old_rules_apply_to_old_codes() -> None:
    """DfE "School attendance" (2016) code table, under the 2006 regulations: J (interview)
    was an approved educational activity and counted as attended; H and F authorised absence;
    Y (unable to attend: exceptional circumstances) not a possible session. The 2024 J1 is
    leave of absence for an interview: authorised absence. B and D kept their rules but not
    their wording: B was an off-site educational activity, D dual registration."""
    assert rule_of("J") is StatRule.ATTENDED and rule_of("J1") is StatRule.AUTHORISED
    assert rule_of("H") is rule_of("F") is StatRule.AUTHORISED
    assert rule_of("Y") is StatRule.NOT_POSSIBLE
    assert meaning_on("B", OLD_WEEK) == "Off-site educational activity (2006 regulations)"
    assert meaning_on("B", NEW_WEEK) == "Attending any other approved educational activity"
    assert "Dual registered" in meaning_on("D", OLD_WEEK)
    assert meaning_on("D", NEW_WEEK).startswith("Attending another school")


def test_hand_worked_figures_either_side_of_the_change_on_both_paths() -> None:
    """Week of 8 July 2024: / \\ J J H H F Y B N.
    Attended / \\ J J B = 5; authorised H H F = 3; unauthorised N = 1; Y not possible:
    possible 9, attendance 5/9 = 55.6%, absence 4/9 = 44.4%.
    Week of 2 December 2024: / \\ J1 J1 C C Y1 I B N.
    Attended / \\ B = 3; authorised J1 J1 C C I = 5; unauthorised N = 1; Y1 not possible:
    possible 9, attendance 3/9 = 33.3%.
    Reading J as J1 (or J1 as J) would give 3/9 and 5/9 instead."""
    old, new = Figures(), Figures()
    for code in OLD_MARKS:
        old.add(code)
    for code in NEW_MARKS:
        new.add(code)
    assert (old.attended, old.authorised, old.unauthorised, old.not_possible) == (5, 3, 1, 1)
    assert (new.attended, new.authorised, new.unauthorised, new.not_possible) == (3, 5, 1, 1)
    assert old.rate == pytest.approx(5 / 9) and new.rate == pytest.approx(3 / 9)
    assert old.absence_rate == pytest.approx(4 / 9)


@pytest.mark.parametrize("in_ap", [True, False], ids=["AP pupil (SQL tally)", "other pupil"])
def test_stored_marks_give_the_hand_worked_figures(store: Store, in_ap: bool) -> None:
    """The same two weeks recorded in the store: the AP cohort is counted in SQL from the
    pupil index, other pupils code by code; both tell J from J1."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupil = Pupil(
            upn=make_upn(855, 4001, 2019, 7), forename="Ada", surname="Ash", dob=date(2010, 1, 1)
        )
        s.add_all([provider, pupil])
        s.flush()
        if in_ap:
            s.add(
                Placement(
                    pupil_id=pupil.id or 0,
                    provider_id=provider.id or 0,
                    status=PlacementStatus.ACTIVE,
                    commissioner=Commissioner.SCHOOL,
                    sessions=FULL_WEEK,
                    start_date=OLD_WEEK,
                )
            )
            s.flush()
        for monday, codes in ((OLD_WEEK, OLD_MARKS), (NEW_WEEK, NEW_MARKS)):
            for index, code in enumerate(codes):
                day = monday + timedelta(days=index // 2)
                half = "AM" if index % 2 == 0 else "PM"
                record_mark(s, pupil.id or 0, day, half, code, today=date(2025, 1, 10))
        pupil_id = pupil.id or 0
    with store.session() as s:
        old = pupil_figures(s, OLD_WEEK, OLD_WEEK + timedelta(days=4), today=date(2025, 1, 10))
        new = pupil_figures(s, NEW_WEEK, NEW_WEEK + timedelta(days=4), today=date(2025, 1, 10))
    o, n = old[pupil_id], new[pupil_id]
    assert (o.attended, o.authorised, o.unauthorised, o.not_possible, o.possible) == (5, 3, 1, 1, 9)
    assert (n.attended, n.authorised, n.unauthorised, n.not_possible, n.possible) == (3, 5, 1, 1, 9)
    assert o.missing == n.missing == 0


def test_a_retired_code_after_the_change_is_refused_by_the_register(store: Store) -> None:
    with store.session() as s:
        pupil = Pupil(
            upn=make_upn(855, 4001, 2019, 8), forename="Ben", surname="Birch", dob=date(2010, 1, 1)
        )
        s.add(pupil)
        s.flush()
        with pytest.raises(ValidationError, match="19 August 2024"):
            record_mark(s, pupil.id or 0, NEW_WEEK, "AM", "J", today=date(2025, 1, 10))
        assert record_mark(s, pupil.id or 0, NEW_WEEK, "AM", "J1").mark.code == "J1"
