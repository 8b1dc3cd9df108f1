"""What a hybrid timetable needs beyond its slots: the school day, IAP sessions, success ratings,
the reintegration goal and each version's status (a suggested step stays "proposed" until the
lead accepts it)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlmodel import Field, SQLModel

from apdesk.models.enums import Labelled
from apdesk.models.types import enum_field, utcnow


class PeriodKind(Labelled):
    LESSON = "lesson", "Lesson"
    BREAK = "break", "Break"
    LUNCH = "lunch", "Lunch"


class IapActivityType(Labelled):
    """The five strands of good internal AP (seed 004)."""

    DIAGNOSIS = "diagnosis", "Diagnosis and assessment"
    INTERVENTION = "intervention", "Intervention and therapeutic"
    ENRICHMENT = "enrichment", "Enrichment"
    VOCATIONAL = "vocational", "Vocational learning"
    CURRICULUM = "curriculum", "Curriculum teaching"


class VersionStatus(Labelled):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Period(SQLModel, table=True):
    """One period of the school day; `number` is what TimetableSlot.period refers to."""

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(index=True, unique=True)
    label: str = ""
    starts: time
    ends: time
    kind: PeriodKind = enum_field(PeriodKind, default=PeriodKind.LESSON)


class IapActivity(SQLModel, table=True):
    """A named IAP session ("Gardening", "Emotional regulation") and its strand."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    activity_type: IapActivityType = enum_field(IapActivityType)
    description: str = ""
    active: bool = True


class SubjectRating(SQLModel, table=True):
    """How far a pupil is experiencing success in a subject (1-5), as judged at a review."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    subject: str
    rated_on: date
    rating: int
    note: str = ""
    review_id: int | None = Field(default=None, foreign_key="review.id")


class ReintegrationGoal(SQLModel, table=True):
    """The lead's plan: how many slots to move per step and the date for the target share."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, unique=True)
    target_date: date | None = None
    step_size: int = 2
    target_share: float = 1.0
    notes: str = ""


class TimetableVersionState(SQLModel, table=True):
    """Status, next review and any recorded part-time arrangement of one timetable version."""

    version_id: int = Field(foreign_key="timetableversion.id", primary_key=True)
    status: VersionStatus = enum_field(VersionStatus, default=VersionStatus.ACCEPTED)
    next_review: date | None = None
    part_time_reason: str = ""
    decided_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
