"""Attendance marks: one per pupil per session, amendments keep the original."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from apdesk.models.enums import MarkSource, Session
from apdesk.models.types import enum_field, utcnow


class AttendanceMark(SQLModel, table=True):
    # Registers are read by pupil and date; amendments are found through superseded_by.
    __table_args__ = (
        Index("ix_attendancemark_pupil_day", "pupil_id", "mark_date", "session"),
        Index("ix_attendancemark_superseded_by", "superseded_by"),
    )

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    mark_date: date = Field(index=True)
    session: Session = enum_field(Session)
    code: str = Field(max_length=2)
    source: MarkSource = enum_field(MarkSource, default=MarkSource.SCHOOL)
    recorded_by: str = ""
    recorded_at: datetime = Field(default_factory=utcnow)
    minutes_late: int | None = None
    note: str = ""
    superseded_by: int | None = Field(default=None, foreign_key="attendancemark.id")
    amendment_reason: str = ""
