"""School days: weekdays that are not in a holiday, INSET day or closure the school has set."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from apdesk.models import Closure


@dataclass(frozen=True)
class SchoolCalendar:
    """Closures as date ranges; build once per request with `load`, then ask cheaply."""

    closures: tuple[tuple[date, date], ...] = ()

    @classmethod
    def load(cls, session: Session) -> SchoolCalendar:
        rows = session.exec(select(Closure)).all()
        return cls(tuple(sorted((row.start_date, row.end_date) for row in rows)))

    @classmethod
    def of(cls, ranges: Iterable[tuple[date, date]]) -> SchoolCalendar:
        return cls(tuple(sorted(ranges)))

    def is_closed(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.closures)

    def is_school_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.is_closed(day)

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
        while remaining:
            day += timedelta(days=step)
            if self.is_school_day(day):
                remaining -= 1
        return day
