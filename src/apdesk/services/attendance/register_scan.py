"""One pass over the AP pupils' current marks: counts by code and missing sessions together.

Listing every expected session of a year and looking each one up among the year's marks costs
a second with thousands of pupils. Neither list is needed for statistics. Each pupil's range is
cut into stretches in which the same placements apply; the sessions a placement expects in a
stretch are counted from the calendar (school days per weekday), and one grouped query over
the stretches returns, per stretch, the marks by code and how many fell on an expected session.
Missing = expected - marked, credited to the placement expecting the session (the earliest
starting one when two expect the same session, as the listing in `missing_sessions` does).

The query reads only the covering index `ix_attendancemark_pupil_marks`, which stores each
mark's weekday, so no date is parsed per row. It relies on the register's rule that a pupil
has at most one current mark per session (every write supersedes the mark it replaces).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from sqlalchemy import text
from sqlmodel import Session

from apdesk.models.attendance import SLOT_SQL
from apdesk.models.codes import TALLY_SQL, untally
from apdesk.models.enums import Session as AmPm
from apdesk.models.figures import Figures
from apdesk.services.attendance.expected import (
    PlacementPattern,
    by_pupil,
    load_patterns,
    overlapping,
)
from apdesk.services.attendance.scan_cache import Key, counted
from apdesk.services.calendar import SchoolCalendar

DAY = timedelta(days=1)

Slot = tuple[int, AmPm]


def slot_bit(slot: Slot) -> int:
    weekday, half = slot
    return 1 << (weekday * 2 + (half is AmPm.PM))


@dataclass(frozen=True)
class Stretch:
    """A run of days in which one placement (or none) expects a pupil at the same slots."""

    pupil_id: int
    first: date
    last: date
    owner: PlacementPattern | None
    slots: frozenset[Slot]
    primary: bool  # the one row per run of days whose marks are counted by code


@dataclass
class Scan:
    """What one pass found: each pupil's counts, and missing sessions by placement."""

    patterns: list[PlacementPattern]
    by_pupil: dict[int, Figures] = field(default_factory=lambda: defaultdict(Figures))
    missing: Counter[int] = field(default_factory=Counter)

    def missing_by(self, key: str) -> Counter[int]:
        """Missing sessions regrouped by the patterns' "pupil_id" or "provider_id"."""
        grouped: Counter[int] = Counter()
        for pattern in self.patterns:
            if pattern.placement_id in self.missing:
                grouped[getattr(pattern, key)] += self.missing[pattern.placement_id]
        return grouped


class SchoolDays:
    """The school days of a range by weekday, so any stretch's count is two bisections."""

    def __init__(self, calendar: SchoolCalendar, start: date, end: date) -> None:
        self.by_weekday: dict[int, list[date]] = defaultdict(list)
        open_days = set(calendar.school_days(start, end))
        self.closed = []  # weekdays the school was shut
        for day in _days(start, end):
            if day in open_days:
                self.by_weekday[day.weekday()].append(day)
            elif day.weekday() < 5:
                self.closed.append(day)

    def count(self, weekday: int, first: date, last: date) -> int:
        days = self.by_weekday.get(weekday, [])
        return bisect_right(days, last) - bisect_left(days, first)


def stretches(
    patterns: Iterable[PlacementPattern], start: date, end: date, stop: date
) -> list[Stretch]:
    """Each pupil's start..end cut where a placement begins or ends and after `stop`; days
    after `stop` (today) expect nothing yet, and days no placement covers expect nothing."""
    found = []
    for pupil_id, own in by_pupil(patterns).items():
        cuts = {start, end + DAY}
        if start <= stop < end:
            cuts.add(stop + DAY)
        for pattern in own:
            if start < pattern.start <= end:
                cuts.add(pattern.start)
            if pattern.end is not None and start <= pattern.end < end:
                cuts.add(pattern.end + DAY)
        for first, after in pairwise(sorted(cuts)):
            owners: dict[Slot, PlacementPattern] = {}
            if first <= stop:
                for pattern in own:  # earliest start first, as load_patterns sorts them
                    if pattern.covers(first):
                        for slot in pattern.slots:
                            owners.setdefault(slot, pattern)
            last = after - DAY
            if not owners:
                found.append(Stretch(pupil_id, first, last, None, frozenset(), True))
            for n, owner in enumerate(dict.fromkeys(owners.values())):
                slots = frozenset(s for s, o in owners.items() if o is owner)
                found.append(Stretch(pupil_id, first, last, owner, slots, n == 0))
    return found


def scan_register(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar,
    today: date,
    pupil_ids: Collection[int] | None = None,
    patterns: list[PlacementPattern] | None = None,
) -> Scan:
    """The AP pupils (of `pupil_ids`, if given) over start..end: one pass over their marks.
    `patterns`, if given, were read for a range covering start..end."""
    if patterns is None:
        patterns = load_patterns(session, start, end, pupil_ids)
    else:
        patterns = overlapping(patterns, start, end, pupil_ids)
    scan = Scan(patterns)
    if not scan.patterns:
        return scan
    stop = min(end, today)
    days = SchoolDays(calendar, start, max(start, stop))
    found = stretches(scan.patterns, start, end, stop)
    for index, tally, on_slot in _grouped(session, found):
        stretch = found[index]
        if stretch.primary:
            counts = scan.by_pupil[stretch.pupil_id]
            not_possible, attended, authorised, unauthorised = untally(tally)
            counts.attended += attended
            counts.authorised += authorised
            counts.unauthorised += unauthorised
            counts.not_possible += not_possible
        if stretch.owner is not None:
            scan.missing[stretch.owner.placement_id] -= on_slot
    for stretch in found:
        if stretch.owner is not None:
            expected = sum(days.count(wd, stretch.first, stretch.last) for wd, _ in stretch.slots)
            scan.missing[stretch.owner.placement_id] += expected
    _forgive_closed_days(session, scan, found, days.closed)
    scan.missing = +scan.missing  # drop placements with nothing missing
    return scan


def _on_marks(expression: str) -> str:
    """An index expression written for the table, as the query's alias `m` must spell it."""
    return re.sub(r"\b(mark_date|session|code)\b", r"m.\1", expression)


# The stretches travel as one JSON array of [pupil_id, first, last, mask] read into a
# materialised table for the query alone: a read needs no table of its own, so it runs on the
# read-only connections, and each value is copied once, not once per mark joined to it. The
# table's ORDER BY (a few thousand stretches) tells the planner the marks arrive grouped.
STRETCH_SQL = f"""
    WITH s AS MATERIALIZED (
      SELECT key AS idx, json_extract(value, '$[0]') AS pupil_id,
        json_extract(value, '$[1]') AS first, json_extract(value, '$[2]') AS last,
        json_extract(value, '$[3]') AS mask
      FROM json_each(:stretches) ORDER BY key)
    SELECT s.idx, sum({_on_marks(TALLY_SQL)}), sum((s.mask >> {_on_marks(SLOT_SQL)}) & 1)
    FROM s
    CROSS JOIN attendancemark AS m
      ON m.pupil_id = s.pupil_id AND m.mark_date BETWEEN s.first AND s.last
    WHERE m.superseded_by IS NULL
    GROUP BY s.idx
"""


def _grouped(session: Session, found: Sequence[Stretch]) -> list[tuple[int, int, int]]:
    """Per stretch: (index, its marks summed as TALLY_SQL, marks on one of its slots), from the
    counts kept since the last read where the pupil's marks have not changed since."""
    keys = [(s.pupil_id, s.first, s.last, sum(slot_bit(slot) for slot in s.slots)) for s in found]
    counts = counted(session, keys, _query)
    return [(index, tally, on_slot) for index, (tally, on_slot) in enumerate(counts)]


def _query(session: Session, keys: Sequence[Key]) -> list[tuple[int, int, int]]:
    """(index, tally, on slot) of each stretch with marks. Grouped by stretch alone, in the
    order the rows arrive, so nothing is sorted; both expressions are read from the pupil marks
    index, not worked out per mark."""
    payload = json.dumps([[p, first.isoformat(), last.isoformat(), mask]
                          for p, first, last, mask in keys])  # fmt: skip
    rows = session.connection().execute(text(STRETCH_SQL), {"stretches": payload})
    return [(idx, tally, on_slot) for idx, tally, on_slot in rows]


def _forgive_closed_days(
    session: Session, scan: Scan, found: Sequence[Stretch], closed: Sequence[date]
) -> None:
    """A mark on a closure day is not a mark on an expected session: give it back."""
    if not closed:
        return
    params = {f"d{n}": day.isoformat() for n, day in enumerate(closed)}
    names = ", ".join(f":{name}" for name in params)
    marks = session.connection().execute(
        text(
            "SELECT pupil_id, mark_date, session FROM attendancemark "
            f"WHERE superseded_by IS NULL AND mark_date IN ({names})"
        ),
        params,
    )
    owned: dict[int, list[Stretch]] = defaultdict(list)
    for stretch in found:
        if stretch.owner is not None:
            owned[stretch.pupil_id].append(stretch)
    for pupil_id, day_text, half in marks:
        day = date.fromisoformat(str(day_text))
        for stretch in owned.get(pupil_id, []):
            slot = (day.weekday(), AmPm(half))
            if stretch.first <= day <= stretch.last and slot in stretch.slots:
                assert stretch.owner is not None
                scan.missing[stretch.owner.placement_id] += 1


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += DAY
