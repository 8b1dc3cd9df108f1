"""The attendance report a person reads in the window: for each pupil in AP over a range, the
sessions expected at a provider (school days only, from the calendar), the marks recorded and
the figures by the DfE method."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.models import Pupil
from apdesk.services.attendance.expected import expected_sessions
from apdesk.services.attendance.statistics import ap_pupil_figures, marked_keys
from apdesk.services.calendar import SchoolCalendar


@dataclass(frozen=True)
class ReportRow:
    pupil_id: int
    name: str
    upn: str
    expected: int  # sessions the pupil was expected at a provider
    marked: int  # of those, sessions with a mark
    attended: int
    possible: int
    rate: float | None


@dataclass(frozen=True)
class AttendanceReport:
    start: date
    end: date
    school_days: int
    rows: list[ReportRow]


def attendance_rows(session: Session, start: date, end: date, today: date) -> AttendanceReport:
    calendar = SchoolCalendar.load(session)
    expected = expected_sessions(session, start, end, calendar=calendar)
    by_pupil = Counter(e.pupil_id for e in expected)
    marked = marked_keys(session, start, end, set(by_pupil))
    hits = Counter(e.pupil_id for e in expected if (e.pupil_id, e.day, e.session) in marked)
    figures = ap_pupil_figures(session, start, end, calendar, today)
    ids = sorted(set(by_pupil) | set(figures))
    pupils = {p.id: p for p in session.exec(select(Pupil).where(col(Pupil.id).in_(ids))).all()}
    surnames = {pid: p.surname.casefold() for pid, p in pupils.items() if pid is not None}
    rows = []
    for pid in ids:
        pupil = pupils.get(pid)
        if pupil is None:
            continue
        fig = figures.get(pid)
        rows.append(
            ReportRow(
                pid,
                pupil.display_name,
                pupil.upn,
                by_pupil.get(pid, 0),
                hits.get(pid, 0),
                fig.attended if fig else 0,
                fig.possible if fig else 0,
                fig.rate if fig else None,
            )
        )
    rows.sort(key=lambda r: (surnames[r.pupil_id], r.name.casefold()))
    school_days = sum(1 for _d in calendar.school_days(start, end))
    return AttendanceReport(start, end, school_days, rows)
