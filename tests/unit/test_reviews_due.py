"""When a review is due or overdue: at the boundaries of the date and the reminder window, and
cleared by a held review; with nothing scheduled, six weeks after the start."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.helpers.plans import START, make_placement

from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.services import plans
from apdesk.services.plans import DueBasis, ReviewInput
from apdesk.store import Store

DUE = date(2025, 2, 10)


def states(store: Store, today: date, window: int = 14) -> list[tuple[date, str]]:
    with store.session() as s:
        return [(d.due_on, d.state) for d in plans.reviews_due(s, today, window)]


@pytest.fixture
def scheduled(store: Store) -> Store:
    with store.session() as s:
        placement = make_placement(s)
        plans.schedule_review(s, placement.id or 0, DUE)
    return store


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (DUE - timedelta(days=15), []),
        (DUE - timedelta(days=14), [(DUE, "due")]),
        (DUE, [(DUE, "due")]),
        (DUE + timedelta(days=1), [(DUE, "overdue")]),
    ],
)
def test_a_scheduled_review_at_the_boundaries(
    scheduled: Store, today: date, expected: list[tuple[date, str]]
) -> None:
    assert states(scheduled, today) == expected


def test_a_review_held_on_the_day_clears_it_and_the_next_date_takes_over(
    scheduled: Store,
) -> None:
    with scheduled.session() as s:
        due = plans.reviews_due(s, DUE)[0]
        assert (due.days, due.label, due.basis) == (0, "Due today", DueBasis.SCHEDULED)
        plans.hold_review(
            s,
            due.placement_id,
            ReviewInput(held_on=DUE, attendees=["SENCO"], next_review=DUE + timedelta(weeks=6)),
            review_id=due.review_id,
        )
    assert states(scheduled, DUE + timedelta(days=1)) == []
    later = DUE + timedelta(weeks=6, days=2)
    assert states(scheduled, later) == [(DUE + timedelta(weeks=6), "overdue")]


def test_a_review_held_after_a_missed_date_clears_the_missed_date(scheduled: Store) -> None:
    with scheduled.session() as s:
        placement_id = plans.reviews_due(s, DUE)[0].placement_id
        plans.hold_review(
            s,
            placement_id,
            ReviewInput(
                held_on=DUE + timedelta(days=9), attendees=["SENCO"], placement_ending=True
            ),
        )
    assert states(scheduled, DUE + timedelta(days=10)) == []


def test_a_placement_with_no_review_scheduled_is_overdue_six_weeks_after_its_start(
    store: Store,
) -> None:
    with store.session() as s:
        make_placement(s)
    six_weeks = START + timedelta(weeks=6)
    assert states(store, six_weeks, window=0) == [(six_weeks, "due")]
    assert states(store, six_weeks + timedelta(days=1), window=0) == [(six_weeks, "overdue")]
    with store.session() as s:
        due = plans.reviews_due(s, six_weeks + timedelta(days=3))[0]
        assert due.basis is DueBasis.REGULAR and due.label == "Overdue by 3 days"


def test_the_referral_review_date_counts_before_any_review(store: Store) -> None:
    with store.session() as s:
        make_placement(s, review_date=date(2025, 1, 31))
        due = plans.reviews_due(s, date(2025, 2, 3))[0]
    assert (due.due_on, due.state, due.basis) == (date(2025, 1, 31), "overdue", DueBasis.REFERRAL)


def test_ended_and_draft_placements_are_not_reminded(store: Store) -> None:
    with store.session() as s:
        make_placement(
            s,
            status=PlacementStatus.ENDED,
            ended_on=date(2025, 2, 1),
            outcome=PlacementOutcome.RETURNED,
        )
        make_placement(s, status=PlacementStatus.DRAFT)
    assert states(store, date(2025, 6, 1)) == []
