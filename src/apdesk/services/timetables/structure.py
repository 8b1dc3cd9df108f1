"""The school day (periods, breaks, lunch) and the one- or two-week cycle every timetable uses.

Until the school records its own periods, a common secondary day is assumed: five one-hour
lessons with a morning break and lunch. Closures come from the shared school calendar, so a
timetable and the attendance registers agree on which days are school days."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlmodel import Session, select

from apdesk.models import Period, Setting
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_plan import PeriodKind
from apdesk.services.calendar import SchoolCalendar

CYCLE_KEY = "timetable.cycle_weeks"
ANCHOR_KEY = "timetable.cycle_anchor"
DAYS: tuple[str, ...] = ("MON", "TUE", "WED", "THU", "FRI")
DAY_NAMES = {
    "MON": "Monday",
    "TUE": "Tuesday",
    "WED": "Wednesday",
    "THU": "Thursday",
    "FRI": "Friday",
}

CellKey = tuple[int, str, int]  # (week of the cycle, day, period number)


@dataclass(frozen=True)
class PeriodDef:
    number: int
    label: str
    starts: time
    ends: time
    kind: PeriodKind = PeriodKind.LESSON

    @property
    def minutes(self) -> int:
        return (self.ends.hour * 60 + self.ends.minute) - (
            self.starts.hour * 60 + self.starts.minute
        )

    @property
    def is_lesson(self) -> bool:
        return self.kind is PeriodKind.LESSON

    @property
    def times(self) -> str:
        return f"{self.starts:%H:%M}-{self.ends:%H:%M}"


def _p(number: int, label: str, starts: str, ends: str, kind: PeriodKind) -> PeriodDef:
    return PeriodDef(number, label, time.fromisoformat(starts), time.fromisoformat(ends), kind)


DEFAULT_PERIODS: tuple[PeriodDef, ...] = (
    _p(1, "Period 1", "08:50", "09:50", PeriodKind.LESSON),
    _p(2, "Period 2", "09:50", "10:50", PeriodKind.LESSON),
    _p(3, "Break", "10:50", "11:10", PeriodKind.BREAK),
    _p(4, "Period 3", "11:10", "12:10", PeriodKind.LESSON),
    _p(5, "Period 4", "12:10", "13:10", PeriodKind.LESSON),
    _p(6, "Lunch", "13:10", "13:55", PeriodKind.LUNCH),
    _p(7, "Period 5", "13:55", "14:55", PeriodKind.LESSON),
)


@dataclass(frozen=True)
class Structure:
    """The cycle and the day's periods; cheap to pass around and to ask questions of."""

    cycle_weeks: int = 1
    periods: tuple[PeriodDef, ...] = DEFAULT_PERIODS
    anchor: date | None = None  # a Monday in week 1 of the cycle

    @property
    def weeks(self) -> range:
        return range(1, self.cycle_weeks + 1)

    @property
    def lessons(self) -> tuple[PeriodDef, ...]:
        return tuple(p for p in self.periods if p.is_lesson)

    def period(self, number: int) -> PeriodDef | None:
        return next((p for p in self.periods if p.number == number), None)

    def is_lesson(self, number: int) -> bool:
        found = self.period(number)
        return found is not None and found.is_lesson

    def lunch_starts(self) -> time:
        lunch = next((p for p in self.periods if p.kind is PeriodKind.LUNCH), None)
        return lunch.starts if lunch else time(12, 0)

    def half_day(self, number: int) -> str:
        """AM or PM, split at the start of lunch (how AP placements book sessions)."""
        found = self.period(number)
        if found is None:
            return ""
        return "AM" if found.starts < self.lunch_starts() else "PM"

    def cells(self, lessons_only: bool = False) -> Iterator[CellKey]:
        for week in self.weeks:
            for day in DAYS:
                for p in self.periods:
                    if p.is_lesson or not lessons_only:
                        yield (week, day, p.number)

    def week_of(self, on_date: date) -> int:
        """Which week of the cycle `on_date` falls in (always 1 for a one-week cycle)."""
        if self.cycle_weeks == 1:
            return 1
        anchor = self.anchor or date(2000, 1, 3)  # a Monday
        monday = on_date - timedelta(days=on_date.weekday())
        anchor_monday = anchor - timedelta(days=anchor.weekday())
        return (monday - anchor_monday).days // 7 % self.cycle_weeks + 1


def load_structure(session: Session) -> Structure:
    rows = session.exec(select(Period).order_by(Period.number)).all()  # type: ignore[arg-type]
    periods = tuple(PeriodDef(r.number, r.label, r.starts, r.ends, r.kind) for r in rows)
    settings = {s.key: s.value for s in session.exec(select(Setting)).all()}
    cycle = int(settings.get(CYCLE_KEY) or 1)
    anchor_text = settings.get(ANCHOR_KEY) or ""
    anchor = date.fromisoformat(anchor_text) if anchor_text else None
    return Structure(cycle if cycle in (1, 2) else 1, periods or DEFAULT_PERIODS, anchor)


def validate_periods(periods: Sequence[PeriodDef]) -> None:
    if not any(p.is_lesson for p in periods):
        raise ValidationError("Periods", "there are no lessons", "add at least one lesson period")
    numbers = [p.number for p in periods]
    if len(set(numbers)) != len(numbers):
        raise ValidationError("Period number", "two periods share a number", "number each once")
    ordered = sorted(periods, key=lambda p: p.starts)
    for p in ordered:
        if p.ends <= p.starts:
            raise ValidationError(
                f"{p.label or p.number} end time", "is not after its start", "check the times"
            )
    for before, after in itertools.pairwise(ordered):
        if after.starts < before.ends:
            raise ValidationError(
                f"{after.label or after.number} start time",
                f"overlaps {before.label or before.number}",
                f"start it at {before.ends:%H:%M} or later",
            )


def save_structure(
    session: Session,
    periods: Sequence[PeriodDef],
    cycle_weeks: int = 1,
    anchor: date | None = None,
) -> Structure:
    """Replace the school day and cycle; checks everything before changing anything."""
    if cycle_weeks not in (1, 2):
        raise ValidationError("Cycle length", f"{cycle_weeks} weeks", "choose 1 or 2 weeks")
    validate_periods(periods)
    for row in session.exec(select(Period)).all():
        session.delete(row)
    session.flush()
    for p in periods:
        session.add(
            Period(number=p.number, label=p.label, starts=p.starts, ends=p.ends, kind=p.kind)
        )
    _set(session, CYCLE_KEY, str(cycle_weeks))
    _set(session, ANCHOR_KEY, anchor.isoformat() if anchor else "")
    session.flush()
    return load_structure(session)


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def teaching_days(session: Session, start: date, end: date) -> list[date]:
    """School days from start to end, skipping the holidays and closures attendance uses."""
    return list(SchoolCalendar.load(session).school_days(start, end))
