"""England and Wales bank holidays, from the `holidays` package (offline, kept up to date by
its maintainers). They are offered as suggestions: a school decides which to add."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import holidays

from apdesk.models.school import ClosureKind
from apdesk.services.calendar import SchoolCalendar, school_year_bounds
from apdesk.services.school_calendar.entries import CalendarEntry


def bank_holidays(first: date, last: date) -> list[tuple[date, str]]:
    """England's (and Wales's) bank holidays from first to last, with their names."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 1))
    return sorted((day, str(name)) for day, name in found.items() if first <= day <= last)


def suggested_bank_holidays(
    year: int, closures: Sequence[CalendarEntry], calendar: SchoolCalendar
) -> list[CalendarEntry]:
    """Weekday bank holidays of the school year that would otherwise be school days."""
    first, last = school_year_bounds(year)
    out = []
    for day, name in bank_holidays(first, last):
        if day.weekday() >= 5 or not calendar.is_school_day(day):
            continue
        if any(c.first <= day <= c.last for c in closures):
            continue
        out.append(CalendarEntry(ClosureKind.BANK_HOLIDAY.value, day, day, name))
    return out
