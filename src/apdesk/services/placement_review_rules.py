"""The placement's review checks, on the same next review date as the Reviews page.

A placement has up to three review dates that can disagree: the review date agreed at referral,
the reviews scheduled since, and the next date set at a review held. The Reviews page takes the
next one due from `next_due`; the warnings take it from there too, so the list, the editor and
the Reviews page never tell the coordinator different things. The referral's own date is only
checked until a review has been held or scheduled: after that it is history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from apdesk.i18n import _, format_date, ngettext
from apdesk.models import Placement, Review
from apdesk.models.enums import PlacementStatus
from apdesk.services.ap_guide import GuideSettings
from apdesk.services.placement_facts import CheckedPlacement
from apdesk.services.placement_reasons import R_REVIEW, Warn
from apdesk.services.plans.common import placement_start
from apdesk.services.plans.due import (
    REVIEW_DATES,
    RUNNING,
    DueBasis,
    ReviewDates,
    ReviewRow,
    next_due,
)


def review_rows(session: Session, *where: ColumnElement[bool]) -> dict[int, list[ReviewDates]]:
    """The reviews of the placements `where` picks (every placement's when none), by placement,
    in one query: a list of 10,000 placements reads them at once, not one placement at a time."""
    query = select(*REVIEW_DATES)
    if where:
        query = query.join(Placement, col(Placement.id) == col(Review.placement_id)).where(*where)
    out: dict[int, list[ReviewDates]] = {}
    for row in session.connection().execute(query):
        out.setdefault(row[1], []).append(ReviewRow(*row))
    return out


def placement_reviews(session: Session, placement_id: int | None) -> list[ReviewDates]:
    """One placement's reviews (none for a placement not saved yet)."""
    if placement_id is None:
        return []
    return review_rows(session, col(Placement.id) == placement_id).get(placement_id, [])


def review_rules(
    placement: CheckedPlacement,
    reviews: Sequence[ReviewDates] | None,
    guide: GuideSettings,
    today: date,
    warn: Warn,
) -> None:
    """The review checks; `reviews` None: the placement's reviews were not read, so only the
    referral's date is checked and nothing is said of an overdue review."""
    known = reviews or ()
    _after_end(placement, known, warn)
    _first_review(placement, known, guide, warn)
    if reviews is not None:
        _overdue(placement, reviews, today, warn)


def _after_end(placement: CheckedPlacement, reviews: Sequence[ReviewDates], warn: Warn) -> None:
    """A review booked after the agreed end will never be held."""
    end = placement.end_date
    if end is None or placement.status != PlacementStatus.ACTIVE:
        return
    due, basis, _review = next_due(placement, reviews)
    if basis is not DueBasis.REGULAR and due > end:
        warn(
            "review_after_end",
            "review_date",
            _("The next review ({day}) is after the end ({end}).").format(
                day=format_date(due), end=format_date(end)
            ),
            R_REVIEW,
        )


def _first_review(
    placement: CheckedPlacement,
    reviews: Sequence[ReviewDates],
    guide: GuideSettings,
    warn: Warn,
) -> None:
    """The first review comes soon after the start. Once a review has been held that is past,
    and a review scheduled is the first one, whatever the referral said."""
    if any(r.held_on is not None for r in reviews):
        return
    first = min((r.scheduled_for for r in reviews), default=None) or placement.review_date
    start = placement.start_date
    if first is None:
        warn("review_date", "review_date", _("No review date."), R_REVIEW)
    elif start is not None and first - start > guide.review_within:
        warn(
            "review_date",
            "review_date",
            _("The first review ({day}) is more than {n} weeks after the start.").format(
                day=format_date(first), n=guide.review_weeks
            ),
            R_REVIEW,
        )


def is_reviewed(placement: CheckedPlacement) -> bool:
    """Whether the placement's reviews fall due: running, and started or planned to start (the
    placements the Reviews page lists)."""
    if placement.status not in RUNNING:
        return False
    return (
        placement.status is not PlacementStatus.REFERRED or placement_start(placement) is not None
    )


def _overdue(
    placement: CheckedPlacement, reviews: Sequence[ReviewDates], today: date, warn: Warn
) -> None:
    """The review the Reviews page shows overdue, on the same date."""
    if not is_reviewed(placement):
        return
    due, _basis, _review = next_due(placement, reviews)
    if due >= today:
        return
    days = (today - due).days
    warn(
        "review_overdue",
        "review_date",
        ngettext(
            "The review due on {day} is {n} day overdue: hold it or set a new date.",
            "The review due on {day} is {n} days overdue: hold it or set a new date.",
            days,
        ).format(day=format_date(due), n=days),
        R_REVIEW,
    )


def next_review_note(placement: CheckedPlacement, reviews: Sequence[ReviewDates]) -> str:
    """The line under the editor's review date once reviews exist: which date is the next review
    and where it came from (empty while the referral's date is the next review)."""
    if not reviews or not is_reviewed(placement):
        return ""
    due, basis, _review = next_due(placement, reviews)
    day = format_date(due)
    held = sorted((r for r in reviews if r.held_on), key=lambda r: (r.held_on, r.id or 0))
    setting = [r.held_on for r in held if r.held_on and r.next_review == due]
    if setting:
        return _("Next review due {day} (set at the review held on {held}).").format(
            day=day, held=format_date(setting[-1])
        )
    if basis is DueBasis.SCHEDULED:
        return _("Next review scheduled for {day}.").format(day=day)
    if basis is DueBasis.REGULAR and held and held[-1].held_on:
        return _("Next review due {day} (six weeks after the review held on {held}).").format(
            day=day, held=format_date(held[-1].held_on)
        )
    return ""
