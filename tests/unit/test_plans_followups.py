"""Sustained returns: follow-ups 6 and 12 weeks after a return, recorded with attendance since
the return; and re-referral, a pupil who returned being referred to AP again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select
from tests.helpers.plans import add_marks, make_placement, make_pupil

from apdesk.models import FollowUp, Pupil
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.store import Store

RETURNED = date(2025, 4, 4)
ENDED = PlacementStatus.ENDED


def test_follow_ups_fall_due_6_and_12_weeks_after_a_return(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(
            s, status=ENDED, ended_on=RETURNED, outcome=PlacementOutcome.OTHER_MAINSTREAM
        )
        rows = plans.ensure_follow_ups(s, placement.id or 0)
        assert [(f.weeks, f.due_on) for f in rows] == [
            (6, date(2025, 5, 16)),
            (12, date(2025, 6, 27)),
        ]
        assert len(plans.ensure_follow_ups(s, placement.id or 0)) == 2
        assert len(s.exec(select(FollowUp)).all()) == 2


@pytest.mark.parametrize("outcome", [PlacementOutcome.SPECIALIST, PlacementOutcome.POST_16])
def test_other_endings_need_no_follow_up(store: Store, outcome: PlacementOutcome) -> None:
    with store.session() as s:
        placement = make_placement(s, status=ENDED, ended_on=RETURNED, outcome=outcome)
        assert plans.ensure_follow_ups(s, placement.id or 0) == []


def test_follow_ups_due_list_then_record_one(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(
            s, status=ENDED, ended_on=RETURNED, outcome=PlacementOutcome.RETURNED
        )
        assert plans.follow_ups_due(s, date(2025, 5, 1)) == []
        due = plans.follow_ups_due(s, date(2025, 5, 2))
        assert [(d.weeks, d.overdue) for d in due] == [(6, False)]
        assert due[0].follow_up_id is None  # listing them stored nothing
        assert s.exec(select(FollowUp)).all() == []
        where = {"placement_id": placement.id, "weeks": due[0].weeks}
        pupil = s.get(Pupil, placement.pupil_id)
        assert pupil is not None
        add_marks(s, pupil, RETURNED - timedelta(days=3), ["O", "O"])  # before the return
        add_marks(s, pupil, date(2025, 4, 7), ["/", "\\", "/", "N"])
        with pytest.raises(ValidationError) as caught:
            plans.record_follow_up(
                s, due[0].follow_up_id, done_on=RETURNED, still_attending=True, **where
            )
        assert caught.value.field == "Date checked"
        row = plans.record_follow_up(
            s,
            due[0].follow_up_id,
            done_on=date(2025, 5, 16),
            still_attending=True,
            note="Full time, settled.",
            **where,
        )
        assert (row.attended_sessions, row.possible_sessions) == (3, 4)
        later = plans.follow_ups_due(s, date(2025, 7, 1))
        assert [(d.weeks, d.overdue) for d in later] == [(12, True)]


def test_a_pupil_referred_again_after_returning_is_a_re_referral(store: Store) -> None:
    with store.session() as s:
        pupil = make_pupil(s)
        first = make_placement(
            s, pupil, status=ENDED, ended_on=RETURNED, outcome=PlacementOutcome.RETURNED
        )
        again = make_placement(
            s,
            pupil,
            status=PlacementStatus.REFERRED,
            start=date(2025, 9, 15),
            end=date(2025, 12, 12),
            referred_on=date(2025, 9, 1),
        )
        assert plans.is_re_referral(s, again)
        assert not plans.is_re_referral(s, first)
        found = plans.re_referrals(s)
        assert [(r.placement_id, r.earlier_placement_id, r.weeks_after_return) for r in found] == [
            (again.id, first.id, 21)
        ]
        assert plans.plan_overview(s, again.id or 0).returned_before_on == RETURNED


@pytest.mark.parametrize(
    ("outcome", "referred_on"),
    [
        (PlacementOutcome.SPECIALIST, date(2025, 9, 1)),  # did not return to mainstream
        (PlacementOutcome.RETURNED, date(2025, 3, 1)),  # referred before the return
    ],
)
def test_not_a_re_referral(store: Store, outcome: PlacementOutcome, referred_on: date) -> None:
    with store.session() as s:
        pupil = make_pupil(s)
        make_placement(s, pupil, status=ENDED, ended_on=RETURNED, outcome=outcome)
        other = make_placement(
            s,
            pupil,
            status=PlacementStatus.REFERRED,
            start=referred_on + timedelta(days=14),
            end=referred_on + timedelta(weeks=12),
            referred_on=referred_on,
        )
        assert not plans.is_re_referral(s, other)
        assert plans.re_referrals(s) == []


def test_another_pupils_return_does_not_count(store: Store) -> None:
    with store.session() as s:
        make_placement(s, status=ENDED, ended_on=RETURNED, outcome=PlacementOutcome.RETURNED)
        other = make_placement(
            s,
            status=PlacementStatus.REFERRED,
            start=date(2025, 9, 15),
            end=date(2025, 12, 12),
            referred_on=date(2025, 9, 1),
        )
        assert not plans.is_re_referral(s, other)


def test_re_referrals_since_a_day_are_those_opened_from_it(store: Store) -> None:
    """The home page asks only for the school year's re-referrals: the same ones the whole
    list has from that day on, whichever date opened them (the referral, else the start)."""
    with store.session() as s:
        for n, (referred_on, start) in enumerate(
            [(date(2025, 9, 1), date(2025, 9, 15)), (None, date(2025, 10, 6)), (None, RETURNED)]
        ):
            pupil = make_pupil(s, f"Example{n}")
            make_placement(
                s, pupil, status=ENDED, ended_on=RETURNED, outcome=PlacementOutcome.RETURNED
            )
            make_placement(s, pupil, start=start, end=date(2026, 3, 27), referred_on=referred_on)
        make_placement(s, make_pupil(s, "Other"))  # never returned: never referred again
        every = plans.re_referrals(s)
        days = sorted({r.referred_on for r in every})
        assert len(every) == 3
        for since in (days[0] - timedelta(days=1), *days, days[-1] + timedelta(days=1)):
            assert plans.re_referrals(s, since) == [r for r in every if r.referred_on >= since]
