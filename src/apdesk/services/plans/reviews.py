"""Scheduling and holding reviews. A held review records who came, the child's and family's
voice, the provider's report, attendance for the period from the register, progress against
each target, the decisions and the next date; the next date is then scheduled, so the review
cycle keeps itself going until the placement ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import (
    Placement,
    PlanTarget,
    Review,
    ReviewDetail,
    TargetProgress,
    VoiceEntry,
)
from apdesk.models.enums import PlacementStatus, VoiceOf
from apdesk.models.errors import ValidationError
from apdesk.models.plan_progress import ProgressRating

from .attendance import PeriodAttendance, attendance_between
from .common import clean, load_placement, placement_start
from .plans import MAX_TEXT, get_plan, list_targets

REVIEW_MEETING = "Review meeting"


@dataclass
class ProgressInput:
    target_id: int
    rating: ProgressRating | str
    note: str = ""


@dataclass
class ReviewInput:
    held_on: date | None = None
    attendees: list[str] = field(default_factory=list)
    child_voice: str = ""
    family_voice: str = ""
    provider_report: str = ""
    progress: list[ProgressInput] = field(default_factory=list)
    decisions: str = ""
    next_review: date | None = None
    placement_ending: bool = False  # no next date is needed when the placement is ending


def pending_reviews(session: Session, placement_id: int) -> list[Review]:
    query = (
        select(Review)
        .where(Review.placement_id == placement_id, col(Review.held_on).is_(None))
        .order_by(col(Review.scheduled_for), col(Review.id))
    )
    return list(session.exec(query).all())


def held_reviews(session: Session, placement_id: int) -> list[Review]:
    query = (
        select(Review)
        .where(Review.placement_id == placement_id, col(Review.held_on).is_not(None))
        .order_by(col(Review.held_on), col(Review.id))
    )
    return list(session.exec(query).all())


def schedule_review(session: Session, placement_id: int, on: date) -> Review:
    """Put a review date in the diary (once: the same date twice is the same review)."""
    placement = load_placement(session, placement_id)
    if placement.status is PlacementStatus.ENDED:
        raise ValidationError(
            _("Review date"),
            _("the placement has ended"),
            _("reviews are scheduled for placements that are running"),
        )
    start = placement_start(placement)
    if start and on < start:
        raise ValidationError(
            _("Review date"),
            _("{day} is before the placement starts").format(day=format_date(on)),
            _("choose a date on or after {start}").format(start=format_date(start)),
        )
    for review in pending_reviews(session, placement_id):
        if review.scheduled_for == on:
            return review
    review = Review(placement_id=placement_id, scheduled_for=on)
    session.add(review)
    session.flush()
    return review


def _check(
    session: Session, placement: Placement, data: ReviewInput, today: date | None
) -> tuple[date, dict[int, tuple[ProgressRating, str]]]:
    """Every rule before any write, so a refused review changes nothing."""
    held = data.held_on
    if held is None:
        raise ValidationError(_("Date held"), _("is missing"), _("give the day the review met"))
    if today and held > today:
        raise ValidationError(
            _("Date held"),
            _("{day} is in the future").format(day=format_date(held)),
            _("record a review once it has met"),
        )
    check_held_in_placement(placement_start(placement), held)
    if not [a for a in data.attendees if clean(a)]:
        raise ValidationError(
            _("Who attended"),
            _("nobody is listed"),
            _("list who attended, e.g. pupil, parent, provider, SENCO"),
        )
    ending = data.placement_ending or placement.status is PlacementStatus.ENDED
    if data.next_review is None and not ending:
        raise ValidationError(
            _("Next review"),
            _("is missing"),
            _("set the next review date, or tick that the placement is ending"),
        )
    if data.next_review is not None and data.next_review <= held:
        raise ValidationError(
            _("Next review"),
            _("must be after the review ({day})").format(day=format_date(held)),
            _("choose a later date"),
        )
    plan = get_plan(session, placement.id or 0)
    targets = {t.id: t for t in list_targets(session, plan.id or 0)} if plan else {}
    progress: dict[int, tuple[ProgressRating, str]] = {}
    for item in data.progress:
        if item.target_id not in targets:
            raise ValidationError(
                _("Progress"),
                _("that target is not in this plan"),
                _("rate the plan's own targets"),
            )
        try:
            rating = ProgressRating(item.rating)
        except ValueError:
            raise ValidationError(
                _("Progress"),
                _("'{value}' is not a rating").format(value=item.rating),
                _("choose not started, emerging, developing, secure or achieved"),
            ) from None
        if item.target_id in progress:
            raise ValidationError(
                _("Progress"), _("a target is rated twice"), _("give each target one rating")
            )
        if len(item.note) > MAX_TEXT:
            raise ValidationError(
                _("Progress"),
                _("a note is too long"),
                _("keep it under {n} characters").format(n=MAX_TEXT),
            )
        progress[item.target_id] = (rating, clean(item.note))
    return held, progress


def _review_row(session: Session, placement_id: int, review_id: int | None) -> Review:
    if review_id is None:
        pending = pending_reviews(session, placement_id)
        return pending[0] if pending else Review(placement_id=placement_id, scheduled_for=date.min)
    review = session.get(Review, review_id)
    if review is None or review.placement_id != placement_id:
        raise ValidationError(_("Review"), _("no such review for this placement"))
    if review.held_on is not None:
        raise ValidationError(
            _("Review"),
            _("this review was already held on {day}").format(day=format_date(review.held_on)),
            _("hold the next scheduled review instead"),
        )
    return review


def review_period(session: Session, placement: Placement, held: date) -> PeriodAttendance:
    """Attendance from the day after the last review (or the start) to `held`: what the review
    dialog shows before saving and what the review stores."""
    previous = [
        r.held_on
        for r in held_reviews(session, placement.id or 0)
        if r.held_on is not None and r.held_on < held
    ]
    start = (max(previous) + timedelta(days=1)) if previous else placement_start(placement)
    return attendance_between(session, placement.pupil_id, start or held, held)


def check_held_in_placement(start: date | None, held: date) -> None:
    """A review cannot meet before its placement starts: the refusal names both dates. The
    review dialog asks the same as the date is typed."""
    if start and held < start:
        raise ValidationError(
            _("Date held"),
            _("{day} is before the placement starts on {start}").format(
                day=format_date(held), start=format_date(start)
            ),
            _("a review is held on or after the start"),
        )


def hold_review(
    session: Session,
    placement_id: int,
    data: ReviewInput,
    *,
    review_id: int | None = None,
    today: date | None = None,
) -> Review:
    """Record a review. Without `review_id` it fulfils the earliest scheduled review, if any."""
    placement = load_placement(session, placement_id)
    held, progress = _check(session, placement, data, today)
    review = _review_row(session, placement_id, review_id)
    figures = review_period(session, placement, held)
    period_from = figures.start

    if review.scheduled_for == date.min:
        review.scheduled_for = held
    review.held_on = held
    review.attendees = "\n".join(clean(a) for a in data.attendees if clean(a))
    review.decisions = clean(data.decisions)
    review.next_review = data.next_review
    session.add(review)
    session.flush()
    session.add(
        ReviewDetail(
            review_id=review.id or 0,
            child_voice=clean(data.child_voice),
            family_voice=clean(data.family_voice),
            provider_report=clean(data.provider_report),
            period_from=period_from,
            period_to=held,
            attended_sessions=figures.attended if figures.possible else None,
            possible_sessions=figures.possible if figures.possible else None,
            placement_ending=data.placement_ending,
        )
    )
    for target_id, (rating, note) in progress.items():
        session.add(
            TargetProgress(review_id=review.id or 0, target_id=target_id, rating=rating, note=note)
        )
    for who, text in ((VoiceOf.CHILD, data.child_voice), (VoiceOf.FAMILY, data.family_voice)):
        if clean(text):
            session.add(
                VoiceEntry(
                    pupil_id=placement.pupil_id,
                    placement_id=placement_id,
                    voice_of=who,
                    said_on=held,
                    how_gathered=_(REVIEW_MEETING),
                    text=clean(text),
                )
            )
    if data.next_review is not None:
        schedule_next = [
            r
            for r in pending_reviews(session, placement_id)
            if r.scheduled_for == data.next_review and r.id != review.id
        ]
        if not schedule_next:
            session.add(Review(placement_id=placement_id, scheduled_for=data.next_review))
    session.flush()
    return review


def targets_by_id(session: Session, placement_id: int) -> dict[int, PlanTarget]:
    plan = get_plan(session, placement_id)
    return {t.id or 0: t for t in list_targets(session, plan.id or 0)} if plan else {}
