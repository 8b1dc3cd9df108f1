"""Attendance statistics by the DfE method, from SQL counts of current marks per code.

attendance rate = attended / possible sessions; absence = authorised + unauthorised;
persistent absence: 10% or more of possible sessions missed; severe: 50% or more. A session
the pupil was expected at a provider with no mark is counted as missing, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Placement
from apdesk.models.codes import StatRule, rule_of
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import ExpectedSession, expected_sessions
from apdesk.services.calendar import SchoolCalendar

PERSISTENT = 0.10
SEVERE = 0.50


@dataclass
class Figures:
    """Session counts for a pupil, placement, provider or cohort over a date range."""

    attended: int = 0
    authorised: int = 0
    unauthorised: int = 0
    not_possible: int = 0
    missing: int = 0
    by_code: dict[str, int] = field(default_factory=dict)

    def add(self, code: str, count: int = 1) -> None:
        self.by_code[code] = self.by_code.get(code, 0) + count
        rule = rule_of(code)
        if rule is StatRule.NOT_POSSIBLE:
            self.not_possible += count
        elif rule.attended:
            self.attended += count
        elif rule is StatRule.AUTHORISED:
            self.authorised += count
        else:
            self.unauthorised += count

    def merge(self, other: Figures) -> None:
        for code, count in other.by_code.items():
            self.add(code, count)
        self.missing += other.missing

    @property
    def possible(self) -> int:
        return self.attended + self.authorised + self.unauthorised

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def rate(self) -> float | None:
        return self.attended / self.possible if self.possible else None

    @property
    def absence_rate(self) -> float | None:
        return self.absent / self.possible if self.possible else None

    @property
    def persistent(self) -> bool:
        # integer comparison: exactly 10% missed is persistent, with no float rounding
        return self.possible > 0 and self.absent * 10 >= self.possible

    @property
    def severe(self) -> bool:
        return self.possible > 0 and self.absent * 2 >= self.possible

    def as_json(self) -> dict[str, Any]:
        return {
            "possible_sessions": self.possible,
            "attended_sessions": self.attended,
            "authorised_absence": self.authorised,
            "unauthorised_absence": self.unauthorised,
            "not_possible": self.not_possible,
            "attendance_rate": None if self.rate is None else round(self.rate, 4),
            "persistent_absence": self.persistent,
            "severe_absence": self.severe,
            "missing_sessions": self.missing,
        }


def _counts(
    session: Session, start: date, end: date, key: Any, join_placement: bool = False
) -> Any:
    """(key, code, count) rows for the current marks in the range: one grouped query."""
    query = select(key, AttendanceMark.code, func.count()).select_from(AttendanceMark)
    if join_placement:
        query = query.join(Placement, col(Placement.id) == col(AttendanceMark.placement_id))
    query = query.where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    ).group_by(key, AttendanceMark.code)
    return session.exec(query).all()


_HALVES = {half.value: half for half in AmPm}


def marked_keys(
    session: Session, start: date, end: date, pupil_ids: Collection[int] | None = None
) -> set[tuple[int, date, AmPm]]:
    """Which sessions have a current mark. Reads the session as text (a dict lookup, not an
    enum conversion per row) and, when given, only the pupils asked about: a school year of
    marks is hundreds of thousands of rows."""
    query = select(
        col(AttendanceMark.pupil_id),
        col(AttendanceMark.mark_date),
        type_coerce(col(AttendanceMark.session), String),
    ).where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    )
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(sorted(set(pupil_ids))))
    halves = _HALVES
    return {(pid, day, halves[half]) for pid, day, half in session.exec(query).all()}


def missing_sessions(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    expected: list[ExpectedSession] | None = None,
    today: date | None = None,
) -> list[ExpectedSession]:
    """Sessions up to today a pupil was expected at a provider that have no current mark."""
    today = today or date.today()
    if expected is None:
        expected = expected_sessions(session, start, end, calendar=calendar)
    marked = marked_keys(session, start, end, {item.pupil_id for item in expected})
    missing, seen = [], set()
    for item in expected:
        key = (item.pupil_id, item.day, item.session)
        if key not in marked and key not in seen and item.day <= today:
            seen.add(key)
            missing.append(item)
    return missing


def _tally(rows: Iterable[tuple[Any, str, int]], missing: Iterable[int]) -> dict[int, Figures]:
    figures: dict[int, Figures] = defaultdict(Figures)
    for key, code, count in rows:
        if key is not None:
            figures[key].add(code, count)
    for key in missing:
        figures[key].missing += 1
    return dict(figures)


def pupil_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
) -> dict[int, Figures]:
    """By pupil id: every pupil with a mark or an expected-at-provider session in the range."""
    expected = expected_sessions(session, start, end, calendar=calendar)
    missing = missing_sessions(session, start, end, expected=expected, today=today)
    figures = _tally(
        _counts(session, start, end, AttendanceMark.pupil_id), (m.pupil_id for m in missing)
    )
    for item in expected:
        figures.setdefault(item.pupil_id, Figures())
    return figures


def placement_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
) -> dict[int, Figures]:
    """By placement id: the marks recorded against the placement's sessions."""
    rows = _counts(session, start, end, AttendanceMark.placement_id)
    missing = (m.placement_id for m in missing_sessions(session, start, end, calendar, today=today))
    return _tally(rows, missing)


def provider_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
) -> dict[int, Figures]:
    """By provider id, through the placement each mark belongs to."""
    rows = _counts(session, start, end, Placement.provider_id, join_placement=True)
    missing = (m.provider_id for m in missing_sessions(session, start, end, calendar, today=today))
    return _tally(rows, missing)


def cohort_figures(figures: Iterable[Figures]) -> Figures:
    total = Figures()
    for item in figures:
        total.merge(item)
    return total


def weekly_figures(
    session: Session, start: date, end: date, pupil_ids: Iterable[int] | None = None
) -> list[tuple[date, Figures]]:
    """(Monday, figures) for each week from start to end: for attendance charts."""
    query = select(col(AttendanceMark.mark_date), col(AttendanceMark.code), func.count()).where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    )
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(list(pupil_ids)))
    query = query.group_by(col(AttendanceMark.mark_date), col(AttendanceMark.code))
    weeks: dict[date, Figures] = {}
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        weeks[monday] = Figures()
        monday += timedelta(days=7)
    for day, code, count in session.exec(query).all():
        weeks[day - timedelta(days=day.weekday())].add(code, count)
    return sorted(weeks.items())
