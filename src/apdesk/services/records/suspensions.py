"""Suspensions on the pupil's record: dates, sessions, the reason, and whether the school
arranged education from the sixth day. They feed the LA's suspension measure and the
register: each suspended session without education arranged is marked E (suspended or
excluded, no alternative provision arranged) where it has no mark yet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date, ngettext
from apdesk.models import AttendanceMark, Pupil, Suspension
from apdesk.models.enums import Session as AmPm
from apdesk.models.errors import ValidationError
from apdesk.services.attendance.marks import current_mark, record_mark
from apdesk.services.calendar import SchoolCalendar, school_year_bounds, school_year_of

MAX_DAYS = 45  # school days of suspension a pupil may have in one school year
AP_FROM_DAY = 6  # from the sixth school day the school must arrange full-time education
LONGEST_NOTICE = 14  # a suspension given in writing may start up to two weeks ahead
E_NOTE = "suspension"


@dataclass(frozen=True)
class SuspensionInput:
    start: date | None
    end: date | None
    reason: str = ""
    first_session: str = "AM"
    sessions: int | None = None  # None: every session from the start to the end
    ap_arranged: bool = False
    ap_from: date | None = None
    ap_details: str = ""


@dataclass(frozen=True)
class SuspensionView:
    id: int
    pupil_id: int
    pupil_name: str
    start: date
    end: date
    first_session: str
    sessions: int
    reason: str
    ap_arranged: bool
    ap_from: date | None
    ap_details: str

    @property
    def days(self) -> float:
        return self.sessions / 2


@dataclass
class SuspensionSaved:
    view: SuspensionView
    e_marks: int = 0  # E marks written now
    kept: int = 0  # sessions that already had a mark (left as they were)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            ngettext(
                "Suspension of {n} session saved",
                "Suspension of {n} sessions saved",
                self.view.sessions,
            ).format(n=self.view.sessions)
        ]
        if self.e_marks:
            parts.append(
                ngettext(
                    "E recorded for {n} session", "E recorded for {n} sessions", self.e_marks
                ).format(n=self.e_marks)
            )
        if self.kept:
            parts.append(
                ngettext(
                    "{n} session already had a mark (kept)",
                    "{n} sessions already had a mark (kept)",
                    self.kept,
                ).format(n=self.kept)
            )
        return "; ".join(parts) + "."


def suspended_sessions(
    calendar: SchoolCalendar, start: date, end: date, first_session: str, count: int | None = None
) -> Iterator[tuple[date, AmPm]]:
    """The school sessions of a suspension, in order (at most `count` of them)."""
    given = 0
    for day in calendar.school_days(start, end):
        for half in (AmPm.AM, AmPm.PM):
            if day == start and first_session == "PM" and half is AmPm.AM:
                continue
            if count is not None and given >= count:
                return
            given += 1
            yield day, half


def sixth_day(calendar: SchoolCalendar, start: date) -> date:
    """The sixth school day counted from the first (when education must be arranged)."""
    day = calendar.next_school_day(start)
    return calendar.add_school_days(day, AP_FROM_DAY - 1)


def _check(
    session: Session,
    pupil: Pupil,
    data: SuspensionInput,
    calendar: SchoolCalendar,
    today: date,
    ignore: int | None,
) -> tuple[date, date, int]:
    if data.start is None:
        raise ValidationError(
            _("First day"), _("is missing"), _("enter the first day of the suspension")
        )
    end = data.end or data.start
    if end < data.start:
        raise ValidationError(_("Last day"), _("is before the first day"), _("check the dates"))
    if data.start > today + timedelta(days=LONGEST_NOTICE):
        raise ValidationError(
            _("First day"),
            _("is more than two weeks ahead"),
            _("record it once it is given in writing"),
        )
    if data.first_session not in ("AM", "PM"):
        raise ValidationError(
            _("First session"), _("must be AM or PM"), _("choose morning or afternoon")
        )
    possible = sum(1 for _s in suspended_sessions(calendar, data.start, end, data.first_session))
    if possible == 0:
        raise ValidationError(
            _("Last day"),
            _("the dates hold no school day"),
            _("check the dates against the calendar"),
        )
    sessions = possible if data.sessions is None else data.sessions
    if not 1 <= sessions <= possible:
        raise ValidationError(
            _("Sessions"),
            _("{n} is not between 1 and {most}").format(n=sessions, most=possible),
            _("count the morning and afternoon sessions suspended"),
        )
    first, last = school_year_bounds(school_year_of(data.start))
    others = session.exec(
        select(Suspension).where(
            col(Suspension.pupil_id) == pupil.id,
            col(Suspension.start_date) >= first,
            col(Suspension.start_date) <= last,
        )
    ).all()
    total = sum(s.days for s in others if s.id != ignore) + sessions / 2
    if total > MAX_DAYS:
        raise ValidationError(
            _("Sessions"),
            _("this brings {name}'s suspensions this school year to {n:g} days").format(
                name=pupil.display_name, n=total
            ),
            _("a pupil may be suspended for at most {n} school days in a school year").format(
                n=MAX_DAYS
            ),
        )
    if data.ap_arranged and data.ap_from is None:
        raise ValidationError(
            _("Education arranged from"),
            _("is missing"),
            _("enter the day the arranged education starts"),
        )
    if data.ap_from is not None and not data.start <= data.ap_from:
        raise ValidationError(
            _("Education arranged from"), _("is before the suspension starts"), _("check the date")
        )
    return data.start, end, sessions


def _view(row: Suspension, name: str) -> SuspensionView:
    end = row.end_date or row.start_date
    sessions = row.sessions or round(row.days * 2)
    return SuspensionView(
        row.id or 0,
        row.pupil_id,
        name,
        row.start_date,
        end,
        row.first_session,
        sessions,
        row.reason,
        row.ap_arranged,
        row.ap_from,
        row.ap_details,
    )


def save_suspension(
    session: Session,
    pupil_id: int,
    data: SuspensionInput,
    today: date,
    suspension_id: int | None = None,
) -> SuspensionSaved:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(_("Pupil"), _("is no longer in the store"), _("choose another pupil"))
    calendar = SchoolCalendar.load(session)
    start, end, sessions = _check(session, pupil, data, calendar, today, suspension_id)
    row = session.get(Suspension, suspension_id) if suspension_id else None
    if suspension_id and (row is None or row.pupil_id != pupil_id):
        raise ValidationError(
            _("Suspension"), _("is no longer in the store"), _("show the record again")
        )
    row = row or Suspension(pupil_id=pupil_id, start_date=start)
    row.start_date, row.end_date, row.first_session = start, end, data.first_session
    row.sessions, row.days, row.reason = sessions, sessions / 2, data.reason.strip()
    row.ap_arranged = data.ap_arranged
    row.ap_from = data.ap_from if data.ap_arranged else None
    row.ap_details = data.ap_details.strip() if data.ap_arranged else ""
    session.add(row)
    session.flush()
    saved = SuspensionSaved(_view(row, pupil.display_name))
    for day, half in suspended_sessions(calendar, start, end, data.first_session, sessions):
        if row.ap_from is not None and day >= row.ap_from:
            continue  # education arranged: the provider's mark (B) belongs here
        if current_mark(session, pupil_id, day, half) is not None:
            saved.kept += 1
            continue
        record_mark(session, pupil_id, day, half, "E", note=E_NOTE, today=today)
        saved.e_marks += 1
    sixth = sixth_day(calendar, start)
    if sessions > (AP_FROM_DAY - 1) * 2 and (row.ap_from is None or row.ap_from > sixth):
        saved.warnings.append(
            _(
                "From the sixth school day ({day}) the school must arrange suitable full-time "
                "education."
            ).format(day=format_date(sixth))
        )
    return saved


def remove_suspension(session: Session, suspension_id: int) -> int:
    """Remove a suspension recorded in error. Its E marks stay (marks are kept, with who
    recorded them): the count returned is how many to amend in the register."""
    row = session.get(Suspension, suspension_id)
    if row is None:
        raise ValidationError(
            _("Suspension"), _("is no longer in the store"), _("show the record again")
        )
    end = row.end_date or row.start_date
    marks = session.exec(
        select(AttendanceMark).where(
            col(AttendanceMark.pupil_id) == row.pupil_id,
            col(AttendanceMark.superseded_by).is_(None),
            col(AttendanceMark.code) == "E",
            col(AttendanceMark.mark_date) >= row.start_date,
            col(AttendanceMark.mark_date) <= end,
        )
    ).all()
    session.delete(row)
    session.flush()
    return len(marks)


def list_suspensions(session: Session, pupil_id: int) -> list[SuspensionView]:
    pupil = session.get(Pupil, pupil_id)
    name = pupil.display_name if pupil else ""
    rows = session.exec(
        select(Suspension)
        .where(col(Suspension.pupil_id) == pupil_id)
        .order_by(col(Suspension.start_date).desc())
    ).all()
    return [_view(r, name) for r in rows]
