"""The referral form's review row: for a running placement, the next review due (held and
booked reviews counted, as the Reviews list counts them), said to be overdue once its day has
passed, never a past date that reads as the review to come. Rendered and read back."""

from __future__ import annotations

from datetime import date

from tests.helpers.documents import START, make_placement, pdf_text

from apdesk.documents.referral import render_referral
from apdesk.models import Review
from apdesk.models.enums import PlacementStatus
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store

REFERRAL_REVIEW = date(2025, 3, 24)  # the review date the helper's placement was referred with


def _form(store: Store, today: date, reviews: list[Review], **changes: object) -> str:
    placement_id = make_placement(store, **changes)
    with store.session() as s:
        for review in reviews:
            review.placement_id = placement_id
            s.add(review)
        s.flush()
        return pdf_text(render_referral(load_placement_record(s, placement_id, today)))


def test_a_running_placement_prints_the_review_set_at_the_last_one(store: Store) -> None:
    held = Review(placement_id=0, scheduled_for=REFERRAL_REVIEW, held_on=REFERRAL_REVIEW,
                  next_review=date(2025, 5, 6))  # fmt: skip
    text = _form(store, date(2025, 4, 10), [held], status=PlacementStatus.ACTIVE,
                 started_on=START)  # fmt: skip
    assert "Next review 6 May 2025" in text
    assert "24 March 2025" not in text  # held already: not the review to come
    assert "overdue" not in text


def test_a_review_whose_day_has_passed_is_called_overdue(store: Store) -> None:
    text = _form(store, date(2025, 4, 10), [], status=PlacementStatus.ACTIVE, started_on=START)
    assert "Next review Review overdue: it was due 24 March 2025" in text


def test_a_booked_review_comes_before_the_referral_date(store: Store) -> None:
    booked = Review(placement_id=0, scheduled_for=date(2025, 3, 17))
    text = _form(store, date(2025, 3, 10), [booked], status=PlacementStatus.REFERRED)
    assert "Next review 17 March 2025" in text


def test_a_draft_keeps_the_review_date_it_was_planned_with(store: Store) -> None:
    text = _form(store, date(2025, 4, 10), [], status=PlacementStatus.DRAFT)
    assert "Review date 24 March 2025" in text
    assert "overdue" not in text
