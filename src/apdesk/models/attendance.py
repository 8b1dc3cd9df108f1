"""Attendance marks: one per pupil per session, amendments keep the original."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from apdesk.models.codes import TALLY_SQL
from apdesk.models.enums import MarkSource, Session
from apdesk.models.types import enum_field, utcnow

SLOT_SQL = "((CAST(strftime('%w', mark_date) AS INTEGER) + 6) % 7 * 2 + (session = 'PM'))"
"""A mark's place in the week: 2 x weekday (Monday 0, as date.weekday()) + 1 in the afternoon."""


class AttendanceMark(SQLModel, table=True):
    # Registers are read by pupil and date, and statistics by pupil over current marks: the
    # pupil index carries every column those read, and each mark's slot in the week and its
    # statistics rule (TALLY_SQL), so no date is parsed and no code classified per mark.
    # Reports by date read current marks only, and amendments are found through
    # superseded_by (rare, so that index holds only them). SQLAlchemy cannot reflect an
    # expression index: a batch (copy-the-table) migration of this table must recreate it,
    # and the triggers that keep the mark tally too (`apdesk.store.summaries.rebuild`).
    __table_args__ = (
        Index(
            "ix_attendancemark_pupil_marks",
            "pupil_id",
            "mark_date",
            "session",
            "code",
            "placement_id",
            "superseded_by",
            text(SLOT_SQL),
            text(TALLY_SQL),
        ),
        Index(
            "ix_attendancemark_superseded_by",
            "superseded_by",
            sqlite_where=text("superseded_by IS NOT NULL"),
        ),
        Index(
            "ix_attendancemark_current_day",
            "mark_date",
            "pupil_id",
            "session",
            "code",
            sqlite_where=text("superseded_by IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id")  # indexed by ix_attendancemark_pupil_marks
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    mark_date: date  # indexed by ix_attendancemark_current_day and _pupil_marks
    session: Session = enum_field(Session)
    code: str = Field(max_length=2)
    source: MarkSource = enum_field(MarkSource, default=MarkSource.SCHOOL)
    recorded_by: str = ""
    recorded_at: datetime = Field(default_factory=utcnow)
    minutes_late: int | None = None
    note: str = ""
    superseded_by: int | None = Field(default=None, foreign_key="attendancemark.id")
    amendment_reason: str = ""
