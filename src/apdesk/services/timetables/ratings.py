"""Per-subject "experiencing success" ratings from reviews, and the lead's reintegration goal.

The latest rating for a subject is the one that counts: a pupil who struggled in science in
September and is doing well by November should be stepped back into science."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import N_, _, ngettext
from apdesk.models import Pupil, ReintegrationGoal, SubjectRating
from apdesk.models.errors import ValidationError

RATING_WORDS = {  # translated where they are shown
    1: N_("not yet coping"),
    2: N_("struggling"),
    3: N_("managing"),
    4: N_("doing well"),
    5: N_("experiencing real success"),
}
SUCCESS_FROM = 3  # a subject rated at least this is one the pupil can step back into


def add_rating(
    session: Session,
    pupil_id: int,
    subject: str,
    rating: int,
    rated_on: date,
    note: str = "",
    review_id: int | None = None,
) -> SubjectRating:
    if session.get(Pupil, pupil_id) is None:
        raise ValidationError(
            "Pupil",
            _("no pupil with id {id}").format(id=pupil_id),
            _("choose a pupil on roll"),
        )
    if not subject.strip():
        raise ValidationError("Subject", _("is empty"), _("name the subject, e.g. Maths"))
    if rating not in RATING_WORDS:
        raise ValidationError(
            "Rating",
            _("{rating} is not 1 to 5").format(rating=rating),
            _("use 1 (not yet) to 5 (success)"),
        )
    row = SubjectRating(
        pupil_id=pupil_id,
        subject=subject.strip(),
        rating=rating,
        rated_on=rated_on,
        note=note,
        review_id=review_id,
    )
    session.add(row)
    session.flush()
    return row


def ratings_of(session: Session, pupil_id: int) -> list[SubjectRating]:
    return list(
        session.exec(
            select(SubjectRating)
            .where(SubjectRating.pupil_id == pupil_id)
            .order_by(col(SubjectRating.rated_on), col(SubjectRating.id))
        ).all()
    )


def latest_ratings(
    session: Session, pupil_id: int, on_date: date | None = None
) -> dict[str, SubjectRating]:
    """The most recent rating of each subject (up to `on_date` when given)."""
    latest: dict[str, SubjectRating] = {}
    for row in ratings_of(session, pupil_id):
        if on_date is None or row.rated_on <= on_date:
            latest[row.subject] = row
    return latest


@dataclass(frozen=True)
class Goal:
    target_date: date | None
    step_size: int
    target_share: float
    notes: str = ""


def get_goal(session: Session, pupil_id: int) -> Goal | None:
    row = session.exec(
        select(ReintegrationGoal).where(ReintegrationGoal.pupil_id == pupil_id)
    ).first()
    if row is None:
        return None
    return Goal(row.target_date, row.step_size, row.target_share, row.notes)


def set_goal(session: Session, pupil_id: int, goal: Goal) -> ReintegrationGoal:
    if session.get(Pupil, pupil_id) is None:
        raise ValidationError(
            "Pupil",
            _("no pupil with id {id}").format(id=pupil_id),
            _("choose a pupil on roll"),
        )
    if not 1 <= goal.step_size <= 10:
        raise ValidationError(
            "Step size",
            ngettext("{n} lesson", "{n} lessons", goal.step_size).format(n=goal.step_size),
            _("move between 1 and 10 lessons a step"),
        )
    if not 0.0 < goal.target_share <= 1.0:
        raise ValidationError(
            "Target share",
            f"{goal.target_share:.0%}",
            _("choose a share above 0% and up to 100%"),
        )
    row = session.exec(
        select(ReintegrationGoal).where(ReintegrationGoal.pupil_id == pupil_id)
    ).first() or ReintegrationGoal(pupil_id=pupil_id)
    row.target_date = goal.target_date
    row.step_size = goal.step_size
    row.target_share = goal.target_share
    row.notes = goal.notes
    session.add(row)
    session.flush()
    return row
