"""What a plan records over time: progress per target at each review, the review's voices and
report, the steps of the transition plan, and the sustained-return follow-ups.

Kept beside plan.py rather than in it so the first schema stays as shipped; these tables arrive
in their own migration.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.models.enums import Labelled
from apdesk.models.types import enum_field


class ProgressRating(Labelled):
    """How far a pupil has come against one target, in words a parent reads the same way."""

    NOT_STARTED = "not_started", "Not started"
    EMERGING = "emerging", "Emerging"
    DEVELOPING = "developing", "Developing"
    SECURE = "secure", "Secure"
    ACHIEVED = "achieved", "Achieved"

    @property
    def score(self) -> int:
        """1 (not started) to 5 (achieved), for charts and averages."""
        return list(ProgressRating).index(self) + 1


class TargetProgress(SQLModel, table=True):
    """One target's rating at one review: the series of these is the progress over time."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True)
    target_id: int = Field(foreign_key="plantarget.id", index=True)
    rating: ProgressRating = enum_field(ProgressRating)
    note: str = ""


class ReviewDetail(SQLModel, table=True):
    """The parts of a held review that the review row itself has no room for."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, unique=True)
    child_voice: str = ""
    family_voice: str = ""
    provider_report: str = ""
    period_from: date | None = None
    period_to: date | None = None
    attended_sessions: int | None = None
    possible_sessions: int | None = None
    placement_ending: bool = False


class TransitionStep(SQLModel, table=True):
    """One step back to mainstream (or on to post-16): what, who does it, by when."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    position: int = 0
    step: str
    owner: str = ""
    by_date: date | None = None
    done: bool = False


class FollowUp(SQLModel, table=True):
    """A check 6 or 12 weeks after a return to mainstream: did the return last?"""

    id: int | None = Field(default=None, primary_key=True)
    placement_id: int = Field(foreign_key="placement.id", index=True)
    weeks: int
    due_on: date
    done_on: date | None = None
    still_attending: bool | None = None
    attended_sessions: int | None = None
    possible_sessions: int | None = None
    note: str = ""
