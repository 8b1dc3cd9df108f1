"""Attendance for a review period or since a return, counted from the register's current marks
(an amended mark counts once, as amended) by the statistics rule of each code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from apdesk.i18n import _, format_number, format_percent
from apdesk.models import AttendanceMark
from apdesk.models.figures import Figures


@dataclass(frozen=True)
class PeriodAttendance:
    start: date
    end: date
    attended: int = 0
    possible: int = 0

    @property
    def rate(self) -> float | None:
        return self.attended / self.possible if self.possible else None

    @property
    def percent_text(self) -> str:
        """'87.5% (35 of 40)' in the locale's numbers; '' when the register has none."""
        if not self.possible:
            return ""
        return _("{rate} ({attended} of {possible})").format(
            rate=format_percent(self.attended / self.possible, 1),
            attended=format_number(self.attended),
            possible=format_number(self.possible),
        )


def attendance_between(session: Session, pupil_id: int, start: date, end: date) -> PeriodAttendance:
    """Attended and possible sessions from `start` to `end` inclusive; empty if end < start."""
    if end < start:
        return PeriodAttendance(start, end)
    query = (
        select(AttendanceMark.code, func.count())
        .where(
            AttendanceMark.pupil_id == pupil_id,
            col(AttendanceMark.superseded_by).is_(None),
            col(AttendanceMark.mark_date) >= start,
            col(AttendanceMark.mark_date) <= end,
        )
        .group_by(AttendanceMark.code)
    )
    figures = Figures()
    for code, count in session.exec(query).all():
        figures.add(code, count)
    return PeriodAttendance(start, end, figures.attended, figures.possible)
