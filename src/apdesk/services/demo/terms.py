"""The demo school's year as an English school publishes it: six half terms from early September
to about 21 July, a week at each half term, two weeks at Christmas and Easter, bank holidays
closed and five INSET days, leaving the 190 days pupils are expected in school."""

from __future__ import annotations

from datetime import date, timedelta

from apdesk.models.school import ClosureKind
from apdesk.models.school_year import school_year_start
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.school_calendar.bank_holidays import bank_holidays

PUPIL_DAYS = 190  # the school year for pupils in England; INSET days come on top
Closure = tuple[date, date, ClosureKind, str]

# The six half terms, as a school's term-dates letter names them.
TERM_NAMES = (
    "Autumn term 1",
    "Autumn term 2",
    "Spring term 1",
    "Spring term 2",
    "Summer term 1",
    "Summer term 2",
)


def academic_year_start(today: date) -> date:
    return school_year_start(today)


def easter(year: int) -> date:
    """Easter Sunday (the Gregorian computus), which moves the spring holiday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=4)


def _fortnight_from(monday: date) -> tuple[date, date]:
    return monday, monday + timedelta(days=11)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=-day.weekday() % 7)


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _weekday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _holidays(y: int) -> list[Closure]:
    """The holidays up to the summer half term: the summer holiday's start depends on them."""
    last_may_monday = _monday_on_or_after(date(y + 1, 5, 25))  # the spring bank holiday
    return [
        (*_week_of(date(y, 10, 27)), ClosureKind.HOLIDAY, "Autumn half term"),
        # Christmas Day falls in the first week and New Year's Day in the second.
        (*_fortnight_from(_monday_on_or_after(date(y, 12, 19))), ClosureKind.HOLIDAY,
         "Christmas holiday"),
        (*_week_of(date(y + 1, 2, 16)), ClosureKind.HOLIDAY, "Spring half term"),
        # Holy Week and Easter week, so Good Friday and Easter Monday both fall inside.
        (*_fortnight_from(easter(y + 1) - timedelta(days=6)), ClosureKind.HOLIDAY,
         "Easter holiday"),
        (*_week_of(last_may_monday), ClosureKind.HOLIDAY, "Summer half term"),
    ]  # fmt: skip


def _bank_holidays(y: int, holidays: list[Closure]) -> list[Closure]:
    """The weekday bank holidays in term time (May Day, a New Year's Day moved to a Monday)."""
    calendar = SchoolCalendar.of((first, last) for first, last, _kind, _name in holidays)
    return [
        (day, day, ClosureKind.BANK_HOLIDAY, name)
        for day, name in bank_holidays(date(y, 9, 1), date(y + 1, 7, 31))
        if calendar.is_school_day(day)
    ]


def _open_after(day: date, closed: SchoolCalendar) -> date:
    """The first weekday after `day` that is not closed: the day a term opens."""
    return closed.next_school_day(day + timedelta(days=1))


def term_closures(today: date) -> list[Closure]:
    """The academic year's holidays, bank holidays and INSET days (a demo, not any LA's): two
    INSET days open the year, one each opens the spring and second summer half terms, and one
    ends the year on the day that leaves pupils their 190 days."""
    y = academic_year_start(today).year
    holidays = _holidays(y)
    closed = holidays + _bank_holidays(y, holidays)
    shut = SchoolCalendar.of((first, last) for first, last, _kind, _name in closed)
    first = _weekday_on_or_after(date(y, 9, 1))
    second = _weekday_on_or_after(first + timedelta(days=1))
    christmas, summer_half = holidays[1], holidays[4]
    insets = [first, second, _open_after(christmas[1], shut), _open_after(summer_half[1], shut)]
    shut = SchoolCalendar.of([*shut.closures, *((day, day) for day in insets)])
    # The INSET day that ends the year follows the pupils' last day.
    last_inset = shut.next_school_day(shut.add_school_days(first, PUPIL_DAYS) + timedelta(days=1))
    insets.append(last_inset)
    summer = (last_inset + timedelta(days=1), date(y + 1, 8, 31), ClosureKind.HOLIDAY,
              "Summer holiday")  # fmt: skip
    inset_days = [(day, day, ClosureKind.INSET, "INSET day") for day in insets]
    return sorted([*closed, *inset_days, summer])


def term_dates(today: date) -> list[tuple[date, date, str]]:
    """The year's half terms: the weekdays from each holiday to the next, starting in September,
    so they agree with `term_closures` (its INSET days fall inside them, as schools publish, and
    a term opens after a bank holiday that follows its holiday)."""
    closures = term_closures(today)
    holidays = sorted((s, e) for s, e, kind, _name in closures if kind is ClosureKind.HOLIDAY)
    bank = SchoolCalendar.of(
        (s, e) for s, e, kind, _name in closures if kind is ClosureKind.BANK_HOLIDAY
    )
    opens = _weekday_on_or_after(date(academic_year_start(today).year, 9, 1))
    terms = []
    for (first, last), name in zip(holidays, TERM_NAMES, strict=True):
        terms.append((opens, _weekday_on_or_before(first - timedelta(days=1)), name))
        opens = _open_after(last, bank)
    return terms
