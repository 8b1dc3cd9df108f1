"""School days: weekdays inside the school's terms that are not in a holiday, INSET day or
closure the school has set.

Terms are optional: a school year (1 August to 31 July) with no term recorded falls back to
every weekday that is not closed, so a store made before terms existed, or a year not yet set
up, still has school days. Once a year has terms, its days outside them are holidays.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from sqlmodel import Session, select

from apdesk.models import Closure, Term

DateRange = tuple[date, date]


def school_year_of(day: date) -> int:
    """The school year a day belongs to, named by the year it starts (August to July)."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_bounds(year: int) -> DateRange:
    return date(year, 8, 1), date(year + 1, 7, 31)


@dataclass(frozen=True)
class SchoolCalendar:
    """Closures and terms as date ranges; build once per request with `load`, then ask cheaply."""

    closures: tuple[DateRange, ...] = ()
    terms: tuple[DateRange, ...] = ()

    @classmethod
    def load(cls, session: Session) -> SchoolCalendar:
        closures = session.exec(select(Closure)).all()
        terms = session.exec(select(Term)).all()
        return cls(
            tuple(sorted((row.start_date, row.end_date) for row in closures)),
            tuple(sorted((row.start_date, row.end_date) for row in terms)),
        )

    @classmethod
    def of(cls, ranges: Iterable[DateRange], terms: Iterable[DateRange] = ()) -> SchoolCalendar:
        return cls(tuple(sorted(ranges)), tuple(sorted(terms)))

    @cached_property
    def term_years(self) -> frozenset[int]:
        """The school years that have their terms set."""
        return frozenset(school_year_of(start) for start, _end in self.terms)

    def is_closed(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.closures)

    def in_term(self, day: date) -> bool:
        """Inside a term, or in a school year whose terms are not set."""
        if school_year_of(day) not in self.term_years:
            return True
        return any(start <= day <= end for start, end in self.terms)

    def is_school_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_closed(day) and self.in_term(day)

    def school_days(self, start: date, end: date) -> Iterator[date]:
        """Every school day from start to end inclusive."""
        day = start
        while day <= end:
            if self.is_school_day(day):
                yield day
            day += timedelta(days=1)

    def school_days_between(self, earlier: date, later: date) -> int:
        """School days strictly after `earlier` and strictly before `later`."""
        if later <= earlier:
            return 0
        return sum(
            1 for _ in self.school_days(earlier + timedelta(days=1), later - timedelta(days=1))
        )

    def add_school_days(self, start: date, count: int) -> date:
        """The date `count` school days after `start` (negative counts go back)."""
        step = 1 if count >= 0 else -1
        remaining = abs(count)
        day = start
        limit = 3660  # ten years of days: a calendar with no school days never loops for ever
        while remaining and limit:
            day += timedelta(days=step)
            limit -= 1
            if self.is_school_day(day):
                remaining -= 1
        return day

    def next_school_day(self, day: date) -> date:
        """`day` itself if the school is open then, else the next day it is."""
        limit = 3660
        while not self.is_school_day(day) and limit:
            day += timedelta(days=1)
            limit -= 1
        return day
