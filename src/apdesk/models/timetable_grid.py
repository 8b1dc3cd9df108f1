"""The hybrid timetable's shape as plain values: the cycle's days and periods, what sits in each
cell of the grid, and the share of lessons back in mainstream. Tables live in
`timetable_plan`; the services read and write them, the GUI and the PDF draw these."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta

from apdesk.models.enums import SlotKind
from apdesk.models.timetable_plan import PeriodKind

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


Grid = dict[CellKey, "SlotValue"]


@dataclass(frozen=True)
class SlotValue:
    kind: SlotKind
    subject: str = ""
    class_code: str = ""
    teacher: str = ""
    activity: str = ""
    placement_id: int | None = None

    @classmethod
    def mainstream(cls, subject: str, class_code: str = "", teacher: str = "") -> SlotValue:
        return cls(SlotKind.MAINSTREAM, subject, class_code, teacher)

    @classmethod
    def iap(
        cls, activity: str, subject: str = "", class_code: str = "", teacher: str = ""
    ) -> SlotValue:
        """An IAP session; subject/class/teacher name the mainstream lesson it replaces."""
        return cls(SlotKind.IAP, subject, class_code, teacher, activity)

    @classmethod
    def offsite(cls, placement_id: int, activity: str = "", subject: str = "") -> SlotValue:
        return cls(SlotKind.OFFSITE, subject, activity=activity, placement_id=placement_id)

    @classmethod
    def social(cls, activity: str = "") -> SlotValue:
        return cls(SlotKind.SOCIAL, activity=activity)

    def back_to_mainstream(self) -> SlotValue:
        """The lesson this IAP slot replaced, as a mainstream lesson."""
        return SlotValue.mainstream(self.subject, self.class_code, self.teacher)

    @property
    def title(self) -> str:
        """The main words shown in a grid cell."""
        if self.kind is SlotKind.MAINSTREAM:
            return self.subject
        if self.kind is SlotKind.IAP:
            return self.activity
        if self.kind is SlotKind.OFFSITE:
            return self.activity or "Off-site provision"
        return self.activity or "Break with friends"

    @property
    def detail(self) -> str:
        if self.kind is SlotKind.MAINSTREAM:
            return " ".join(x for x in (self.class_code, self.teacher) if x)
        return ""


@dataclass(frozen=True)
class Share:
    mainstream_lessons: int
    iap_sessions: int
    offsite_sessions: int
    mainstream_hours: float
    education_hours: float
    weekly_education_hours: float  # averaged over the cycle

    @property
    def lesson_slots(self) -> int:
        return self.mainstream_lessons + self.iap_sessions + self.offsite_sessions

    @property
    def mainstream_share(self) -> float:
        return self.mainstream_lessons / self.lesson_slots if self.lesson_slots else 0.0

    @property
    def hours_share(self) -> float:
        return self.mainstream_hours / self.education_hours if self.education_hours else 0.0
