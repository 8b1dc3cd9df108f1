"""Reviews as plain records for the reviews list, the review dialog and the PDFs, and each
target's latest rating (what the plan page and the plan PDF show as progress)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from apdesk.models import PlanTarget, Review, ReviewDetail, TargetProgress
from apdesk.models.plan_progress import ProgressRating

from .attendance import PeriodAttendance
from .common import load_placement
from .reviews import targets_by_id


@dataclass(frozen=True)
class ProgressView:
    target_id: int
    target: str  # the target's "what", so a row reads on its own
    rating: ProgressRating
    note: str = ""
    rated_on: date | None = None


@dataclass
class ReviewView:
    id: int
    placement_id: int
    scheduled_for: date
    held_on: date | None
    attendees: list[str] = field(default_factory=list)
    decisions: str = ""
    next_review: date | None = None
    child_voice: str = ""
    family_voice: str = ""
    provider_report: str = ""
    attendance: PeriodAttendance | None = None
    progress: list[ProgressView] = field(default_factory=list)
    placement_ending: bool = False

    @property
    def held(self) -> bool:
        return self.held_on is not None

    @property
    def date(self) -> date:
        """The day it met, or is due to meet."""
        return self.held_on or self.scheduled_for


def _view(
    review: Review,
    detail: ReviewDetail | None,
    progress: list[TargetProgress],
    targets: dict[int, PlanTarget],
) -> ReviewView:
    view = ReviewView(
        id=review.id or 0,
        placement_id=review.placement_id,
        scheduled_for=review.scheduled_for,
        held_on=review.held_on,
        attendees=[a for a in review.attendees.splitlines() if a.strip()],
        decisions=review.decisions,
        next_review=review.next_review,
    )
    if detail is not None:
        view.child_voice = detail.child_voice
        view.family_voice = detail.family_voice
        view.provider_report = detail.provider_report
        view.placement_ending = detail.placement_ending
        if detail.period_from and detail.period_to:
            view.attendance = PeriodAttendance(
                detail.period_from,
                detail.period_to,
                detail.attended_sessions or 0,
                detail.possible_sessions or 0,
            )
    view.progress = [
        ProgressView(
            p.target_id,
            targets[p.target_id].what if p.target_id in targets else "",
            p.rating,
            p.note,
            review.held_on,
        )
        for p in progress
    ]
    return view


def list_reviews(session: Session, placement_id: int) -> list[ReviewView]:
    """Held and scheduled reviews, in date order."""
    load_placement(session, placement_id)
    reviews = list(session.exec(select(Review).where(Review.placement_id == placement_id)).all())
    ids = [r.id for r in reviews]
    details = {
        d.review_id: d
        for d in session.exec(
            select(ReviewDetail).where(col(ReviewDetail.review_id).in_(ids))
        ).all()
    }
    progress: dict[int, list[TargetProgress]] = {}
    for row in session.exec(
        select(TargetProgress)
        .where(col(TargetProgress.review_id).in_(ids))
        .order_by(col(TargetProgress.id))
    ).all():
        progress.setdefault(row.review_id, []).append(row)
    targets = targets_by_id(session, placement_id)
    views = [
        _view(r, details.get(r.id or 0), progress.get(r.id or 0, []), targets) for r in reviews
    ]
    return sorted(views, key=lambda v: (v.date, v.id))


def get_review(session: Session, review_id: int) -> ReviewView | None:
    review = session.get(Review, review_id)
    if review is None:
        return None
    return next(v for v in list_reviews(session, review.placement_id) if v.id == review_id)


def latest_progress(reviews: list[ReviewView]) -> dict[int, ProgressView]:
    """Each target's most recent rating, by target id."""
    latest: dict[int, ProgressView] = {}
    for review in reviews:  # date order: later ratings replace earlier ones
        for item in review.progress:
            latest[item.target_id] = item
    return latest


def progress_history(reviews: list[ReviewView], target_id: int) -> list[ProgressView]:
    """One target's ratings over time, oldest first (for a progress chart)."""
    return [p for r in reviews for p in r.progress if p.target_id == target_id]


def next_review_date(reviews: list[ReviewView]) -> date | None:
    pending = [r.scheduled_for for r in reviews if not r.held]
    return min(pending) if pending else None
