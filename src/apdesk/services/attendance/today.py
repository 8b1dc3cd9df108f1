"""The Today panel: who should be at a provider, who is marked or absent, whose return is late.

First-day response to absence is a safeguarding matter, so a provider that has not sent its
morning marks by the school's cut-off time is listed for a phone call. Afternoon marks fall
due at the end of the day; earlier days' gaps stay on the list until they are filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import AttendanceMark, Provider, Setting, ValidationError
from apdesk.models.codes import rule_of
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import (
    ExpectedSession,
    PlacementPattern,
    expand,
    load_patterns,
    overlapping,
)
from apdesk.services.attendance.marks import current_only
from apdesk.services.attendance.statistics import marked_keys
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.pupils.names import names_and_upns

CUTOFF_KEY = "attendance.return_cutoff"
DEFAULT_CUTOFF = time(10, 0)
# Afternoon registers open between 12:30 and 13:30 in most schools; from noon an afternoon
# with no mark is awaited, as the morning's is from the start of the day.
AFTERNOON_FROM = time(12, 0)
LOOKBACK_SCHOOL_DAYS = 5


def get_return_cutoff(session: Session) -> time:
    row = session.get(Setting, CUTOFF_KEY)
    try:
        return time.fromisoformat(row.value) if row and row.value else DEFAULT_CUTOFF
    except ValueError:
        return DEFAULT_CUTOFF


def set_return_cutoff(session: Session, value: time | str) -> time:
    if isinstance(value, str):
        try:
            value = time.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                "cutoff",
                _("'{value}' is not a time").format(value=value),
                _("use HH:MM, e.g. 09:45"),
            ) from None
    row = session.get(Setting, CUTOFF_KEY) or Setting(key=CUTOFF_KEY)
    row.value = value.strftime("%H:%M")
    session.add(row)
    return value


@dataclass
class TodayPupil:
    pupil_id: int
    upn: str
    name: str
    provider_id: int
    provider_name: str
    expected: list[AmPm]
    marks: dict[AmPm, str | None]
    begun: tuple[AmPm, ...] = (AmPm.AM, AmPm.PM)

    @property
    def status(self) -> str:
        """ "absent" if a session today has an absence code, "attending" if one has any other
        mark (an absent pupil is marked too: "marked" did not tell them apart), else "awaiting".
        A morning's B is attending even while the afternoon's mark is awaited (`awaiting`)."""
        codes = [code for code in self.marks.values() if code]
        if any(rule_of(code).absent for code in codes):
            return "absent"
        return "attending" if codes else "awaiting"

    @property
    def awaiting(self) -> list[AmPm]:
        """Expected sessions so far today that have no mark yet."""
        return [h for h in self.expected if h in self.begun and not self.marks.get(h)]


@dataclass
class LateReturn:
    """A provider with expected sessions that have no mark although they are due."""

    provider_id: int
    name: str
    phone: str
    email: str
    missing_sessions: int
    oldest: date
    pupil_ids: list[int] = field(default_factory=list)


@dataclass
class TodayBoard:
    day: date
    cutoff: time
    pupils: list[TodayPupil]
    late_returns: list[LateReturn]

    def with_status(self, status: str) -> list[TodayPupil]:
        """Those of that status; "awaiting" is everyone with a session begun and no mark yet,
        as the register's "?" shows (an attending pupil's afternoon among them)."""
        if status == "awaiting":
            return [p for p in self.pupils if p.awaiting]
        return [p for p in self.pupils if p.status == status]


def _due(day: date, half: AmPm, now: datetime, cutoff: time) -> bool:
    if day < now.date():
        return True
    if day > now.date():
        return False
    return half is AmPm.AM and now.time() >= cutoff


def _expected(
    patterns: list[PlacementPattern], start: date, end: date, calendar: SchoolCalendar
) -> list[ExpectedSession]:
    """As `expected_sessions`, from patterns already loaded for a range covering start..end."""
    return sorted(
        expand(patterns, start, end, calendar), key=lambda e: (e.day, e.session.value, e.pupil_id)
    )


def late_returns(
    session: Session,
    now: datetime,
    cutoff: time | None = None,
    calendar: SchoolCalendar | None = None,
    patterns: list[PlacementPattern] | None = None,
) -> list[LateReturn]:
    """Providers missing marks that are due, looking back a school week; most missing first.
    `patterns` may be given if already loaded for a range that covers that week."""
    calendar = calendar or SchoolCalendar.load(session)
    cutoff = cutoff or get_return_cutoff(session)
    start = calendar.add_school_days(now.date(), -LOOKBACK_SCHOOL_DAYS)
    if patterns is None:
        patterns = load_patterns(session, start, now.date())
    expected = _expected(patterns, start, now.date(), calendar)
    marked = marked_keys(session, start, now.date(), {item.pupil_id for item in expected})
    found: dict[int, LateReturn] = {}
    for item in expected:
        if (item.pupil_id, item.day, item.session) in marked or not _due(
            item.day, item.session, now, cutoff
        ):
            continue
        entry = found.get(item.provider_id)
        if entry is None:
            provider = session.get(Provider, item.provider_id)
            entry = found[item.provider_id] = LateReturn(
                item.provider_id,
                provider.name if provider else "",
                provider.phone if provider else "",
                provider.email if provider else "",
                0,
                item.day,
            )
        entry.missing_sessions += 1
        entry.oldest = min(entry.oldest, item.day)
        if item.pupil_id not in entry.pupil_ids:
            entry.pupil_ids.append(item.pupil_id)
    return sorted(found.values(), key=lambda r: (-r.missing_sessions, r.name))


def board_start(calendar: SchoolCalendar, day: date) -> date:
    """The first day the board reads placements for: the late returns look back a school week."""
    return calendar.add_school_days(day, -LOOKBACK_SCHOOL_DAYS)


def today_board(
    session: Session,
    now: datetime | None = None,
    patterns: list[PlacementPattern] | None = None,
    calendar: SchoolCalendar | None = None,
) -> TodayBoard:
    """Everything the Today panel shows, for the day of `now` (default: the current time).
    `patterns`, if given, were read for a range covering `board_start` to that day."""
    now = now or datetime.now()
    day = now.date()
    calendar = calendar or SchoolCalendar.load(session)
    cutoff = get_return_cutoff(session)
    # One read of the placements serves today and the late returns' school week before it.
    start = board_start(calendar, day)
    if patterns is None:
        patterns = load_patterns(session, start, day)
    else:
        patterns = overlapping(patterns, start, day)
    expected = _expected(patterns, day, day, calendar)
    pupil_ids = sorted({e.pupil_id for e in expected})
    # The columns shown, not whole records: a trust's board names a thousand pupils.
    pupils = names_and_upns(session, pupil_ids)
    provider_ids = {e.provider_id for e in expected}
    named = select(Provider.id, Provider.name).where(col(Provider.id).in_(provider_ids))
    providers = dict(session.exec(named).all())
    marks = current_only(
        select(AttendanceMark.pupil_id, AttendanceMark.session, AttendanceMark.code),
        day,
        day,
        pupil_ids,
    ).order_by(col(AttendanceMark.session), col(AttendanceMark.pupil_id))
    codes = {(pid, half): code for pid, half, code in session.exec(marks)}
    board: dict[int, TodayPupil] = {}
    for item in expected:
        name, upn = pupils[item.pupil_id]
        entry = board.get(item.pupil_id)
        if entry is None:
            entry = board[item.pupil_id] = TodayPupil(
                item.pupil_id,
                upn,
                name,
                item.provider_id,
                providers.get(item.provider_id, ""),
                [],
                {},
            )
        entry.expected.append(item.session)
        entry.marks[item.session] = codes.get((item.pupil_id, item.session))
    begun = (AmPm.AM, AmPm.PM) if now.time() >= AFTERNOON_FROM else (AmPm.AM,)
    for entry in board.values():
        entry.begun = begun
    rows = sorted(board.values(), key=lambda p: (p.provider_name, p.name))
    return TodayBoard(day, cutoff, rows, late_returns(session, now, cutoff, calendar, patterns))
