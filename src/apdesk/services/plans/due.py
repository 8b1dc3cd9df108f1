"""Which reviews are due or overdue, for the home page reminders and the Reviews list.

A placement's next review date is, in order: the earliest scheduled review not yet held (a
review held on or after a scheduled date clears it); else the next date set at the last review;
else the review date on the referral (before any review has been held); else, because reviews
must be regular, six weeks after the last review or, if there has been none, after the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Protocol

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Placement, Provider, Review
from apdesk.models.enums import Labelled, PlacementStatus
from apdesk.services.pupils.names import names_and_upns

from .common import Started, placement_start

REVIEW_INTERVAL = timedelta(weeks=6)
RUNNING = (PlacementStatus.REFERRED, PlacementStatus.ACTIVE)


class DueBasis(Labelled):
    SCHEDULED = "scheduled", "Scheduled review"
    NEXT_REVIEW = "next_review", "Date set at the last review"
    REFERRAL = "referral", "Review date on the referral"
    REGULAR = "regular", "No review scheduled: six weeks since the last review or the start"


@dataclass(frozen=True)
class ReviewDue:
    placement_id: int
    pupil_id: int
    pupil_name: str
    upn: str
    provider_name: str
    due_on: date
    state: str  # "due" (within the window) or "overdue" (past the date)
    basis: DueBasis
    review_id: int | None  # the scheduled review to hold, when there is one
    days: int  # days until due (0 today) or, when overdue, days past it

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"

    @property
    def label(self) -> str:
        if self.overdue:
            return _("Overdue by {n} days").format(n=self.days)
        return _("Due today") if self.days == 0 else _("Due in {n} days").format(n=self.days)


@dataclass(frozen=True, slots=True)
class _Running:
    """What the reminders read of a running placement."""

    id: int
    pupil_id: int
    provider_id: int
    status: PlacementStatus
    review_date: date | None
    started_on: date | None
    start_date: date | None


class Reviewed(Started, Protocol):
    @property
    def review_date(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """A review's dates, read as columns for many placements at once."""

    id: int | None
    placement_id: int
    scheduled_for: date
    held_on: date | None
    next_review: date | None


REVIEW_DATES = (
    col(Review.id),
    col(Review.placement_id),
    col(Review.scheduled_for),
    col(Review.held_on),
    col(Review.next_review),
)


class ReviewDates(Protocol):
    """What `next_due` reads of a review: a `Review`, or a light row of its dates."""

    @property
    def id(self) -> int | None: ...

    @property
    def scheduled_for(self) -> date: ...

    @property
    def held_on(self) -> date | None: ...

    @property
    def next_review(self) -> date | None: ...


def next_due(
    placement: Reviewed, reviews: Sequence[ReviewDates]
) -> tuple[date, DueBasis, int | None]:
    """The date the placement's next review is due, why, and the scheduled review if any."""
    held = [r for r in reviews if r.held_on is not None]
    last_held = max((r.held_on for r in held if r.held_on), default=None)
    pending = sorted(
        (
            r
            for r in reviews
            if r.held_on is None and (last_held is None or r.scheduled_for > last_held)
        ),
        key=lambda r: (r.scheduled_for, r.id or 0),
    )
    if pending:
        return pending[0].scheduled_for, DueBasis.SCHEDULED, pending[0].id
    if held:
        latest = max(held, key=lambda r: (r.held_on or date.min, r.id or 0))
        if latest.next_review and latest.held_on and latest.next_review > latest.held_on:
            return latest.next_review, DueBasis.NEXT_REVIEW, None
    elif placement.review_date:
        return placement.review_date, DueBasis.REFERRAL, None
    base = last_held or placement_start(placement)
    if base is None:
        return date.max, DueBasis.REGULAR, None
    return base + REVIEW_INTERVAL, DueBasis.REGULAR, None


def reviews_due(session: Session, today: date, window_days: int = 14) -> list[ReviewDue]:
    """Running placements whose review is overdue, or due within `window_days`; most urgent
    first."""
    columns = [getattr(Placement, f.name) for f in fields(_Running)]
    query = select(*columns).where(col(Placement.status).in_([s.value for s in RUNNING]))
    placements = [_Running(*row) for row in session.exec(query).all()]
    if not placements:
        return []
    ids = [p.id for p in placements]
    # The dates alone, not whole reviews: a trust has tens of thousands.
    by_placement: dict[int, list[ReviewDates]] = {}
    reviews = select_columns(*REVIEW_DATES).where(col(Review.placement_id).in_(ids))
    for row in session.connection().execute(reviews):
        by_placement.setdefault(row[1], []).append(ReviewRow(*row))
    pupils = names_and_upns(session, (p.pupil_id for p in placements))
    providers = dict(session.exec(select(Provider.id, Provider.name)).all())
    found = []
    for placement in placements:
        if placement.status is PlacementStatus.REFERRED and placement_start(placement) is None:
            continue
        due_on, basis, review_id = next_due(placement, by_placement.get(placement.id or 0, []))
        if due_on == date.max or due_on > today + timedelta(days=window_days):
            continue
        name, upn = pupils.get(placement.pupil_id, ("", ""))
        overdue = due_on < today
        found.append(
            ReviewDue(
                placement_id=placement.id or 0,
                pupil_id=placement.pupil_id,
                pupil_name=name,
                upn=upn,
                provider_name=providers.get(placement.provider_id, ""),
                due_on=due_on,
                state="overdue" if overdue else "due",
                basis=basis,
                review_id=review_id,
                days=(today - due_on).days if overdue else (due_on - today).days,
            )
        )
    return sorted(found, key=lambda d: (d.due_on, d.pupil_name))
