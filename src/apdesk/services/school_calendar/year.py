"""The calendar as the school reads it: a school year's terms and closures, the holidays
between terms, and how many school days each term has."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Closure, Term
from apdesk.models.school import ClosureKind
from apdesk.services.calendar import SchoolCalendar, school_year_bounds, school_year_of
from apdesk.services.school_calendar.bank_holidays import suggested_bank_holidays
from apdesk.services.school_calendar.entries import TERM, CalendarEntry


def term_key(term_id: int | None) -> str:
    return f"term-{term_id}"


def closure_key(closure_id: int | None) -> str:
    return f"closure-{closure_id}"


def split_key(key: str) -> tuple[str, int]:
    """("term", 3) from "term-3"; ValueError for anything else."""
    kind, _sep, number = key.strip().lower().partition("-")
    if kind not in ("term", "closure") or not number.isdigit():
        raise ValueError(key)
    return kind, int(number)


def stored_entries(
    session: Session, start: date | None = None, end: date | None = None
) -> list[CalendarEntry]:
    """Every term and closure overlapping start..end (all of them without a range)."""
    terms = select(Term)
    closures = select(Closure)
    if start is not None and end is not None:
        terms = terms.where(col(Term.end_date) >= start, col(Term.start_date) <= end)
        closures = closures.where(col(Closure.end_date) >= start, col(Closure.start_date) <= end)
    found = [
        CalendarEntry(TERM, t.start_date, t.end_date, t.name, "", term_key(t.id))
        for t in session.exec(terms).all()
    ]
    found += [
        CalendarEntry(c.kind, c.start_date, c.end_date, c.name, c.reason, closure_key(c.id))
        for c in session.exec(closures).all()
    ]
    return sorted(found, key=lambda e: (e.first, e.kind != TERM, e.last, e.key))


@dataclass(frozen=True)
class TermSummary:
    entry: CalendarEntry
    school_days: int


@dataclass
class CalendarYear:
    """One school year (August to July) for the year view and `apdesk calendar show`."""

    year: int
    first: date
    last: date
    terms: list[TermSummary] = field(default_factory=list)
    closures: list[CalendarEntry] = field(default_factory=list)
    between_terms: list[CalendarEntry] = field(default_factory=list)
    suggestions: list[CalendarEntry] = field(default_factory=list)
    school_days: int = 0
    calendar: SchoolCalendar = field(default_factory=SchoolCalendar)

    @property
    def title(self) -> str:
        return _("School year {start}–{end}").format(start=self.year, end=str(self.year + 1)[2:])

    def entry_on(self, day: date) -> CalendarEntry | None:
        """The closure (or holiday between terms) that shuts the school on `day`, if any."""
        for entry in (*self.closures, *self.between_terms):
            if entry.first <= day <= entry.last:
                return entry
        return None

    def term_on(self, day: date) -> CalendarEntry | None:
        return next((t.entry for t in self.terms if t.entry.first <= day <= t.entry.last), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "school_year": f"{self.year}-{self.year + 1}",
            "first_day": self.first.isoformat(),
            "last_day": self.last.isoformat(),
            "school_days": self.school_days,
            "terms": [{**t.entry.as_json(), "school_days": t.school_days} for t in self.terms],
            "closures": [
                e.as_json()
                for e in sorted(
                    (*self.closures, *self.between_terms), key=lambda e: (e.first, e.last)
                )
            ],
            "suggested_bank_holidays": [e.as_json() for e in self.suggestions],
        }


def calendar_year(session: Session, year: int) -> CalendarYear:
    """The school year starting in August of `year` (a read)."""
    first, last = school_year_bounds(year)
    calendar = SchoolCalendar.load(session)
    entries = stored_entries(session, first, last)
    view = CalendarYear(year, first, last, calendar=calendar)
    terms = [e for e in entries if e.is_term and school_year_of(e.first) == year]
    view.terms = [
        TermSummary(t, sum(1 for _d in calendar.school_days(t.first, t.last))) for t in terms
    ]
    view.closures = [e for e in entries if not e.is_term]
    view.between_terms = _between_terms(view.terms, calendar)
    view.school_days = sum(1 for _d in calendar.school_days(first, last))
    view.suggestions = suggested_bank_holidays(year, view.closures, calendar)
    return view


def _between_terms(terms: list[TermSummary], calendar: SchoolCalendar) -> list[CalendarEntry]:
    """The weekday gaps between one term and the next that no closure already covers."""
    gaps: list[CalendarEntry] = []
    ordered = sorted((t.entry for t in terms), key=lambda e: e.first)
    for before, after in itertools.pairwise(ordered):
        day = before.last + timedelta(days=1)
        while day < after.first and (day.weekday() >= 5 or calendar.is_closed(day)):
            day += timedelta(days=1)
        end = after.first - timedelta(days=1)
        while end > day and (end.weekday() >= 5 or calendar.is_closed(end)):
            end -= timedelta(days=1)
        if day <= end and day < after.first:
            label = _("Between {before} and {after}").format(before=before.label, after=after.label)
            gaps.append(CalendarEntry(ClosureKind.HOLIDAY.value, day, end, label))
    return gaps
