"""What a change to the calendar does: expected sessions gained or lost, review dates that now
fall on a closed day (they move to the next school day), notice deadlines for off-site
directions that move, and marks already recorded on days now closed (kept, and counted).

Measured by comparing the calendar before and after on every day whose status could change,
so a person is told in one line what their edit did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from apdesk.i18n import _, format_date, ngettext
from apdesk.models import AttendanceMark, Placement, Pupil, Review
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import load_patterns
from apdesk.services.calendar import SchoolCalendar, school_year_bounds
from apdesk.services.placement_direction import notice_deadline
from apdesk.services.school_calendar.entries import CalendarEntry

OPEN_STATUSES = (PlacementStatus.DRAFT, PlacementStatus.REFERRED, PlacementStatus.ACTIVE)


@dataclass(frozen=True)
class MovedDate:
    """A date the change moves: a review, or the last day to give notice."""

    record_id: int
    pupil: str
    before: date
    after: date


@dataclass
class CalendarImpact:
    expected_lost: int = 0
    expected_gained: int = 0
    marks_on_closed_days: int = 0
    reviews: list[MovedDate] = field(default_factory=list)
    notices: list[MovedDate] = field(default_factory=list)
    days_closed: int = 0
    days_opened: int = 0

    def summary(self) -> str:
        """One line: "3 reviews move; 12 expected sessions no longer expected"."""
        parts = []
        if self.reviews:
            parts.append(
                ngettext("{n} review moves", "{n} reviews move", len(self.reviews)).format(
                    n=len(self.reviews)
                )
            )
        if self.notices:
            parts.append(
                ngettext(
                    "{n} notice deadline moves", "{n} notice deadlines move", len(self.notices)
                ).format(n=len(self.notices))
            )
        if self.expected_lost:
            parts.append(
                ngettext(
                    "{n} expected session no longer expected",
                    "{n} expected sessions no longer expected",
                    self.expected_lost,
                ).format(n=self.expected_lost)
            )
        if self.expected_gained:
            parts.append(
                ngettext(
                    "{n} more session expected", "{n} more sessions expected", self.expected_gained
                ).format(n=self.expected_gained)
            )
        if self.marks_on_closed_days:
            parts.append(
                ngettext(
                    "{n} recorded mark falls on a closed day (kept)",
                    "{n} recorded marks fall on closed days (kept)",
                    self.marks_on_closed_days,
                ).format(n=self.marks_on_closed_days)
            )
        if not parts:
            if self.days_closed or self.days_opened:
                return _("No expected session, review or notice is affected.")
            return _("No school day changes.")
        return "; ".join(parts)

    def details(self) -> list[str]:
        """A line for each date that moves, to show under the summary."""
        lines = [
            _("Review for {pupil}: {before} → {after}").format(
                pupil=m.pupil, before=format_date(m.before), after=format_date(m.after)
            )
            for m in self.reviews
        ]
        lines += [
            _("Notice for {pupil} due by {after} (was {before})").format(
                pupil=m.pupil, before=format_date(m.before), after=format_date(m.after)
            )
            for m in self.notices
        ]
        return lines

    def as_json(self) -> dict[str, object]:
        return {
            "summary": self.summary(),
            "school_days_closed": self.days_closed,
            "school_days_opened": self.days_opened,
            "expected_sessions_lost": self.expected_lost,
            "expected_sessions_gained": self.expected_gained,
            "marks_on_closed_days": self.marks_on_closed_days,
            "reviews_moved": [_moved_json(m) for m in self.reviews],
            "notice_deadlines_moved": [_moved_json(m) for m in self.notices],
        }


def _moved_json(moved: MovedDate) -> dict[str, object]:
    return {
        "id": moved.record_id,
        "pupil": moved.pupil,
        "from": moved.before.isoformat(),
        "to": moved.after.isoformat(),
    }


def span_of(
    entries: Iterable[CalendarEntry], before: SchoolCalendar, after: SchoolCalendar
) -> tuple[date, date] | None:
    """The days a change could affect: its entries, widened to whole school years whose terms
    were set or cleared (a year's first term makes every day outside it a holiday)."""
    ranges = [(e.first, e.last) for e in entries]
    for year in before.term_years ^ after.term_years:
        ranges.append(school_year_bounds(year))
    if not ranges:
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def changed_days(
    span: tuple[date, date], before: SchoolCalendar, after: SchoolCalendar
) -> tuple[set[date], set[date]]:
    """(days no longer school days, days newly school days) within the span."""
    closed, opened = set(), set()
    day = span[0]
    while day <= span[1]:
        was, now = before.is_school_day(day), after.is_school_day(day)
        if was and not now:
            closed.add(day)
        elif now and not was:
            opened.add(day)
        day += timedelta(days=1)
    return closed, opened


def measure(
    session: Session,
    before: SchoolCalendar,
    after: SchoolCalendar,
    entries: Iterable[CalendarEntry],
    today: date,
) -> CalendarImpact:
    """What changing the calendar from `before` to `after` does (a read: nothing moves yet)."""
    impact = CalendarImpact()
    span = span_of(list(entries), before, after)
    if span is None:
        return impact
    closed, opened = changed_days(span, before, after)
    impact.days_closed, impact.days_opened = len(closed), len(opened)
    if not closed and not opened:
        return impact
    for pattern in load_patterns(session, span[0], span[1]):
        for day in closed | opened:
            if not pattern.covers(day):
                continue
            hits = sum(1 for half in (AmPm.AM, AmPm.PM) if (day.weekday(), half) in pattern.slots)
            if day in closed:
                impact.expected_lost += hits
            else:
                impact.expected_gained += hits
    if closed:
        impact.marks_on_closed_days = int(
            session.exec(
                select(func.count())
                .select_from(AttendanceMark)
                .where(
                    col(AttendanceMark.superseded_by).is_(None),
                    col(AttendanceMark.mark_date).in_(sorted(closed)),
                )
            ).one()
        )
    names = _pupil_names(session)
    impact.reviews = _reviews_to_move(session, closed, after, names)
    impact.notices = _notices_moved(session, before, after, span, today, names)
    return impact


def _pupil_names(session: Session) -> dict[int, str]:
    rows = session.exec(
        select(Placement.id, Pupil.forename, Pupil.preferred_name, Pupil.surname).join(
            Pupil, col(Pupil.id) == col(Placement.pupil_id)
        )
    ).all()
    return {
        pid: f"{preferred or forename} {surname}"
        for pid, forename, preferred, surname in rows
        if pid is not None
    }


def _reviews_to_move(
    session: Session, closed: set[date], after: SchoolCalendar, names: dict[int, str]
) -> list[MovedDate]:
    if not closed:
        return []
    pending = session.exec(
        select(Review).where(
            col(Review.held_on).is_(None), col(Review.scheduled_for).in_(sorted(closed))
        )
    ).all()
    return [
        MovedDate(
            r.id or 0,
            names.get(r.placement_id, ""),
            r.scheduled_for,
            after.next_school_day(r.scheduled_for),
        )
        for r in sorted(pending, key=lambda r: (r.scheduled_for, r.id or 0))
    ]


def _notices_moved(
    session: Session,
    before: SchoolCalendar,
    after: SchoolCalendar,
    span: tuple[date, date],
    today: date,
    names: dict[int, str],
) -> list[MovedDate]:
    """Off-site directions not started yet whose 2-school-day notice deadline moves."""
    rows = session.exec(
        select(Placement).where(
            col(Placement.off_site_direction).is_(True),
            col(Placement.start_date).is_not(None),
            col(Placement.start_date) >= today,
            col(Placement.status).in_([s.value for s in OPEN_STATUSES]),
        )
    ).all()
    moved = []
    for placement in rows:
        start = placement.start_date
        if start is None or start < span[0] or start - timedelta(days=30) > span[1]:
            continue
        was, now = notice_deadline(start, before), notice_deadline(start, after)
        if was != now:
            moved.append(MovedDate(placement.id or 0, names.get(placement.id or 0, ""), was, now))
    return moved
