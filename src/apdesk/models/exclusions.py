"""Suspensions: the LA counts them for pupils in AP, and the MIS export does not bring them in,
so the coordinator records each one here (permanent exclusions are placement outcomes)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from apdesk.models.types import utcnow


class Suspension(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    start_date: date = Field(index=True)
    days: float = 1.0  # school days, in halves (a lunchtime suspension is 0.5)
    reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    end_date: date | None = None  # the last school day of the suspension
    sessions: int = 0  # sessions (half days) suspended; 0 on records made before it was kept
    first_session: str = "AM"  # AM, or PM for a suspension from lunchtime
    ap_arranged: bool = False  # the school arranged education from the sixth day
    ap_from: date | None = None
    ap_details: str = ""


class SubjectAccessRequest(SQLModel, table=True):
    """A request for a pupil's records under data protection law: answered within a month."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    requested_on: date
    respond_by: date
    requested_by: str = ""  # who asked (the pupil, a parent, a solicitor)
    completed_on: date | None = None
    notes: str = ""
    created_at: datetime = Field(default_factory=utcnow)
