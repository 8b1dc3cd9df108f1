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
