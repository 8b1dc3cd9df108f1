"""The placements list, the placement editor and the Reviews page agree on when a placement's
next review is due: the review overdue on the Reviews page is the one the list and the editor
warn of, on the same date; the referral's review date stops being checked once reviews exist."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session
from tests.helpers.plans import START, make_placement

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.services import plans
from apdesk.services.placement_actions import editor_data
from apdesk.services.placement_lifecycle import PlacementRow, list_placements
from apdesk.services.placements import placement_input, placement_warnings, preview_warnings
from apdesk.services.plans import ReviewInput
from apdesk.services.warning_titles import warning_title
from apdesk.store import Store

HELD = date(2025, 2, 3)  # the first review, four weeks after the start
NEXT = date(2025, 3, 17)  # the date set at it, never held
TODAY = NEXT + timedelta(days=101)


def _held(store: Store, end: date = date(2025, 12, 19)) -> int:
    """A running placement whose review was held, the next one left unheld; the referral's
    review date was never filled in."""
    with store.session() as s:
        placement = make_placement(s, end=end, review_date=None)
        plans.hold_review(
            s, placement.id or 0, ReviewInput(held_on=HELD, attendees=["SENCO"], next_review=NEXT)
        )
        return placement.id or 0


def _row(s: Session, placement_id: int, today: date = TODAY) -> PlacementRow:
    rows = list_placements(s, today, with_warnings=True)
    return next(r for r in rows if r.id == placement_id)


def _overdue(s: Session, placement_id: int, today: date = TODAY) -> list[str]:
    """What the placement's list row says of an overdue review."""
    return [w for w in _row(s, placement_id, today).warning_words if w.startswith("The review")]


def test_the_list_and_the_editor_warn_of_the_review_the_reviews_page_shows_overdue(
    store: Store,
) -> None:
    placement_id = _held(store)
    with store.session() as s:
        due = plans.reviews_due(s, TODAY)
        assert [(d.placement_id, d.due_on, d.days) for d in due] == [(placement_id, NEXT, 101)]
        said = "The review due on 17 March 2025 is 101 days overdue: hold it or set a new date."
        row = _row(s, placement_id)
        assert row.warning_words[0] == said
        assert warning_title(*row.first_warning) == "Review overdue"
        for narrowed in (  # the pupil's record and the filtered page read the same reviews
            list_placements(s, TODAY, pupil_id=row.pupil_id, with_warnings=True),
            list_placements(s, TODAY, status=PlacementStatus.ACTIVE, with_warnings=True),
        ):
            assert narrowed == [row]
        placement = s.get(Placement, placement_id)
        assert placement is not None
        saved = [w.message for w in placement_warnings(s, placement, TODAY)]
        typed = preview_warnings(s, placement_input(s, placement_id), TODAY, placement_id)
        assert said in saved and said in [w.message for w in typed]
        assert "No review date." not in saved  # a review has been held: nothing to nag about


def test_one_day_overdue_is_said_in_the_singular_and_holding_the_review_clears_it(
    store: Store,
) -> None:
    placement_id = _held(store)
    with store.session() as s:
        assert _overdue(s, placement_id, NEXT) == []
        assert _overdue(s, placement_id, NEXT + timedelta(days=1)) == [
            "The review due on 17 March 2025 is 1 day overdue: hold it or set a new date."
        ]
        plans.hold_review(
            s,
            placement_id,
            ReviewInput(held_on=TODAY, attendees=["SENCO"], next_review=TODAY + timedelta(weeks=6)),
        )
    with store.session() as s:
        assert _overdue(s, placement_id) == []


def test_an_overdue_review_leads_minor_warnings_but_not_a_placement_past_its_end(
    store: Store,
) -> None:
    placement_id = _held(store, end=TODAY - timedelta(days=1))
    with store.session() as s:
        ended = s.get(Placement, placement_id)
        assert ended is not None
        codes = {w.code for w in placement_warnings(s, ended, TODAY)}
        assert {"past_end", "review_overdue", "agreement"} <= codes
        assert _row(s, placement_id).first_warning[0] == "past_end"
        ended.status, ended.ended_on = PlacementStatus.ENDED, TODAY
        s.add(ended)
    with store.session() as s:
        assert _overdue(s, placement_id) == []  # an ended placement has no reviews to come


def test_the_editor_says_which_date_is_the_next_review(store: Store) -> None:
    placement_id = _held(store)
    with store.session() as s:
        fresh = make_placement(s, review_date=START + timedelta(weeks=4))
        assert editor_data(s, fresh.id, TODAY).next_review == ""  # the review date is the next
        data = editor_data(s, placement_id, TODAY)
    assert (
        data.next_review
        == "Next review due 17 March 2025 (set at the review held on 3 February 2025)."
    )


def test_a_scheduled_review_stands_for_the_missing_referral_date(store: Store) -> None:
    """No review date on the referral, but a review scheduled: the first-review rule checks
    the scheduled one, and says nothing once it is soon enough after the start."""
    with store.session() as s:
        placement = make_placement(s, review_date=None)
        pid = placement.id or 0
        today = START + timedelta(days=1)
        assert "No review date." in [w.message for w in placement_warnings(s, placement, today)]
        plans.schedule_review(s, pid, START + timedelta(weeks=7))
        said = [w.message for w in placement_warnings(s, placement, today)]
        assert "No review date." not in said
        assert "The first review (24 February 2025) is more than 6 weeks after the start." in said
        plans.schedule_review(s, pid, START + timedelta(weeks=5))
        assert not [w for w in placement_warnings(s, placement, today) if "review" in w.code]
