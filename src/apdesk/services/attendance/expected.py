"""Expected sessions: when each AP pupil should be at a provider, from the placement's pattern.

A placement's `sessions` list (e.g. ["MON_AM", "WED_PM"]) repeats every school week from its
start (started_on, else start_date) until it is ended (`placement_span`): an active placement
past its planned end_date is still expected until someone extends or ends it, so its marks are
chased; an ended one ran until ended_on (else its planned end). Active and ended placements both
count, so that past terms can still be reported; drafts and referrals do not (the pupil is not
there yet). Weekends and the school's closures are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import String, or_, select, type_coerce
from sqlmodel import Session, col

from apdesk.models import Placement
from apdesk.models.enums import Commissioner, PlacementStatus, RegistrationCode
from apdesk.models.enums import Session as AmPm
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_span import began_column, finished_column

WEEKDAYS = {"MON": 0, "TUE": 1, "WED": 2, "THU": 3, "FRI": 4}
COUNTED = (PlacementStatus.ACTIVE, PlacementStatus.ENDED)


@dataclass(frozen=True)
class PlacementPattern:
    """The part of a placement that decides attendance: who, where, when."""

    placement_id: int
    pupil_id: int
    provider_id: int
    start: date
    end: date | None
    slots: frozenset[tuple[int, AmPm]]
    registration_code: str = RegistrationCode.B.value
    commissioner: str = Commissioner.SCHOOL.value

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def expects(self, day: date, session: AmPm) -> bool:
        return self.covers(day) and (day.weekday(), session) in self.slots


@dataclass(frozen=True)
class ExpectedSession:
    pupil_id: int
    placement_id: int
    provider_id: int
    day: date
    session: AmPm


def parse_slots(sessions: Iterable[str]) -> frozenset[tuple[int, AmPm]]:
    """ "MON_AM" style entries as (weekday number, session); anything unreadable is ignored."""
    slots = set()
    for entry in sessions:
        day, _, half = str(entry).upper().partition("_")
        if day in WEEKDAYS and half in ("AM", "PM"):
            slots.add((WEEKDAYS[day], AmPm(half)))
    return frozenset(slots)


def load_patterns(
    session: Session, start: date, end: date, pupil_ids: Iterable[int] | None = None
) -> list[PlacementPattern]:
    """Patterns of the active and ended placements that overlap start..end.

    Reads only the columns a pattern needs and lets SQL drop the placements outside the range:
    an LA-scale store has thousands of placements, and a whole ORM row each (with its JSON
    lists parsed) cost more than the statistics they feed."""
    first, last = began_column(), finished_column()
    query = select(
        col(Placement.id),
        col(Placement.pupil_id),
        col(Placement.provider_id),
        first,
        last,
        col(Placement.sessions),
        type_coerce(col(Placement.registration_code), String),
        type_coerce(col(Placement.commissioner), String),
        col(Placement.end_date),
    ).where(
        col(Placement.status).in_([s.value for s in COUNTED]),
        first <= end,
        or_(last.is_(None), last >= start),
    )
    if pupil_ids is not None:
        query = query.where(col(Placement.pupil_id).in_(sorted(set(pupil_ids))))
    patterns = []
    planned: dict[int, date | None] = {}
    rows = session.connection().execute(query)
    for pid, pupil, provider, began, ended, slots, code, by, planned_end in rows:
        first_day = _day(began)
        if pid is not None and first_day is not None:
            slots_of = parse_slots(slots)
            patterns.append(
                PlacementPattern(pid, pupil, provider, first_day, _day(ended), slots_of, code, by)
            )
            planned[pid] = _day(planned_end)
    patterns.sort(key=lambda p: (p.pupil_id, p.start, p.placement_id))
    return _overruns_give_way(patterns, planned)


def _overruns_give_way(
    patterns: list[PlacementPattern], planned: dict[int, date | None]
) -> list[PlacementPattern]:
    """A placement running past its planned end is expected until the same pupil's next
    placement starts, not beside it: the follow-on's sessions are the follow-on's, its marks
    filed under it and its provider the one chased. Placements planned to overlap (two
    providers in one week) keep their overlap. `patterns` is sorted by pupil, then start."""
    out = list(patterns)
    starts: dict[int, list[date]] = defaultdict(list)
    for pattern in out:
        starts[pattern.pupil_id].append(pattern.start)
    for i, pattern in enumerate(out):
        end = planned.get(pattern.placement_id)
        if pattern.end is not None or end is None:
            continue
        after = [day for day in starts[pattern.pupil_id] if day > max(end, pattern.start)]
        if after:
            out[i] = replace(pattern, end=max(end, min(after) - timedelta(days=1)))
    return out


def overlapping(
    patterns: Iterable[PlacementPattern],
    start: date,
    end: date,
    pupil_ids: Iterable[int] | None = None,
) -> list[PlacementPattern]:
    """What `load_patterns(session, start, end, pupil_ids)` would read, taken from patterns
    already read for a range covering start..end: one read serves several (patterns are whole
    placements, never clipped to the range they were read for)."""
    wanted = None if pupil_ids is None else set(pupil_ids)
    return [
        p
        for p in patterns
        if p.start <= end
        and (p.end is None or p.end >= start)
        and (wanted is None or p.pupil_id in wanted)
    ]


def _day(value: date | str | None) -> date | None:
    """coalesce() loses the column's Date type, so SQLite hands back ISO text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def by_pupil(patterns: Iterable[PlacementPattern]) -> dict[int, list[PlacementPattern]]:
    grouped: dict[int, list[PlacementPattern]] = defaultdict(list)
    for pattern in patterns:
        grouped[pattern.pupil_id].append(pattern)
    return grouped


def placement_for(
    patterns: list[PlacementPattern], day: date, session: AmPm | None = None
) -> PlacementPattern | None:
    """The placement expecting the pupil at that session, else any placement covering the day."""
    covering = [p for p in patterns if p.covers(day)]
    if session is not None:
        for pattern in covering:
            if pattern.expects(day, session):
                return pattern
    return covering[-1] if covering else None


def expecting(
    patterns: list[PlacementPattern], day: date, session: AmPm
) -> PlacementPattern | None:
    """The placement that expects the pupil at exactly that session, if any."""
    return next((p for p in patterns if p.expects(day, session)), None)


def expand(
    patterns: Iterable[PlacementPattern], start: date, end: date, calendar: SchoolCalendar
) -> Iterator[ExpectedSession]:
    days = list(calendar.school_days(start, end))
    for pattern in patterns:
        for day in days:
            if not pattern.covers(day):
                continue
            for session in (AmPm.AM, AmPm.PM):
                if (day.weekday(), session) in pattern.slots:
                    yield ExpectedSession(
                        pattern.pupil_id, pattern.placement_id, pattern.provider_id, day, session
                    )


def expected_sessions(
    session: Session,
    start: date,
    end: date,
    *,
    pupil_ids: Iterable[int] | None = None,
    calendar: SchoolCalendar | None = None,
) -> list[ExpectedSession]:
    """Every session from start to end (inclusive) at which a pupil should be at a provider."""
    calendar = calendar or SchoolCalendar.load(session)
    patterns = load_patterns(session, start, end, pupil_ids)
    return sorted(
        expand(patterns, start, end, calendar),
        key=lambda e: (e.day, e.session.value, e.pupil_id),
    )
