"""A realistic term of marks for the demo school: returns, absences, lates, amendments.

AP pupils get their provider's mark (B, or K for LA-arranged places) on expected sessions and
school marks (/ and \\) on the rest, with absences that vary by pupil, a pupil on a part-time
timetable (C2), a few amended marks, and one provider two days behind with its returns.
Today's morning is marked by every other provider, so the Today panel has something to show.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from apdesk.models import AttendanceMark, Closure
from apdesk.models.codes import PRESENT_MARK
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.models.school_year import school_year_start
from apdesk.services.attendance.expected import PlacementPattern, by_pupil, load_patterns
from apdesk.services.attendance.returns_write import insert_many, write_receipt
from apdesk.services.attendance.statistics import marked_keys
from apdesk.services.calendar import SchoolCalendar

LONGEST_TERM = 70  # school days: fourteen weeks at most, however long the term has run
ABSENCE_LEVELS = (0.02, 0.04, 0.06, 0.1, 0.15, 0.3, 0.6)
PROVIDER_ABSENCES = ("I", "I", "N", "O", "M", "U")
SCHOOL_ABSENCES = ("I", "I", "M", "N", "O", "G")
AMENDMENTS = {"N": ("I", "Parent phoned: illness confirmed"), "O": ("M", "Appointment card seen")}
RECORDED_AT = {AmPm.AM: time(9, 40), AmPm.PM: time(13, 50)}


def term_start(session: Session, calendar: SchoolCalendar, today: date) -> date:
    """The start of the term (after the last long holiday), at most fourteen school weeks back."""
    earliest = calendar.add_school_days(today, -LONGEST_TERM)
    september = school_year_start(today)
    term = september
    for closure in session.exec(select(Closure)).all():
        long_holiday = (closure.end_date - closure.start_date).days >= 9
        if long_holiday and closure.end_date < today:
            term = max(term, closure.end_date + timedelta(days=1))
    return max(term, earliest)


def _pattern_at(patterns: list[PlacementPattern], day: date, half: AmPm) -> PlacementPattern | None:
    for pattern in patterns:
        if pattern.expects(day, half):
            return pattern
    return None


def populate_marks(session: Session, rng: random.Random, today: date) -> int:
    """Add the demo register to the session (caller commits); returns how many marks."""
    calendar = SchoolCalendar.load(session)
    start = term_start(session, calendar, today)
    patterns = by_pupil(load_patterns(session, start, today))
    if not patterns:
        return 0
    days = list(calendar.school_days(start, today - timedelta(days=1)))
    behind = set(days[-2:])
    late_provider = _busiest_provider(patterns, behind | {today})
    pupil_ids = sorted(patterns)
    part_time = {pupil_ids[len(pupil_ids) // 2]}
    absence = {pid: rng.choice(ABSENCE_LEVELS) for pid in pupil_ids}
    marks: list[dict[str, Any]] = []
    sessions = [(d, h) for d in days for h in (AmPm.AM, AmPm.PM)]
    if calendar.is_school_day(today):
        sessions.append((today, AmPm.AM))
    already = marked_keys(session, start, today)  # run twice, the register is not doubled
    for pid in pupil_ids:
        for day, half in sessions:
            if (pid, day, half) in already:
                continue
            pattern = _pattern_at(patterns[pid], day, half)
            if pattern is None and day == today:
                continue  # the school's own register for today is taken in the school's MIS
            if (
                pattern is not None
                and pattern.provider_id == late_provider
                and (day in behind or day == today)
            ):
                continue  # this provider is late with its returns
            if pattern is not None:
                code = _provider_code(rng, pattern.registration_code, absence[pid])
            elif pid in part_time:
                code = "C2"
            else:
                code = _school_code(rng, half, absence[pid])
            marks.append(_mark(rng, pid, pattern, day, half, code))
    amendments = _amend(rng, marks)
    return _write(session, marks, amendments)


def _busiest_provider(patterns: dict[int, list[PlacementPattern]], days: set[date]) -> int:
    """The provider with most sessions on `days`: the one shown as late with its returns."""
    counts: dict[int, int] = {}
    for pattern_list in patterns.values():
        for pattern in pattern_list:
            for day in days:
                for half in (AmPm.AM, AmPm.PM):
                    if pattern.expects(day, half):
                        counts[pattern.provider_id] = counts.get(pattern.provider_id, 0) + 1
    return max(sorted(counts), key=lambda pid: counts[pid]) if counts else 0


def _provider_code(rng: random.Random, registration: str, absence: float) -> str:
    if rng.random() < absence:
        return rng.choice(PROVIDER_ABSENCES)
    return registration


def _school_code(rng: random.Random, half: AmPm, absence: float) -> str:
    roll = rng.random()
    if roll < absence:
        return rng.choice(SCHOOL_ABSENCES)
    return "L" if roll > 0.95 else PRESENT_MARK[half]


def _mark(
    rng: random.Random,
    pupil_id: int,
    pattern: PlacementPattern | None,
    day: date,
    half: AmPm,
    code: str,
) -> dict[str, Any]:
    at = datetime.combine(day, RECORDED_AT[half], tzinfo=UTC) + timedelta(minutes=rng.randrange(90))
    return {
        "pupil_id": pupil_id,
        "placement_id": pattern.placement_id if pattern else None,
        "mark_date": day,
        "session": half,
        "code": code,
        "source": MarkSource.PROVIDER if pattern else MarkSource.SCHOOL,
        "recorded_by": "Provider return" if pattern else "Ms R. Ellery",
        "recorded_at": at,
        "minutes_late": rng.choice([5, 10, 12, 20, 35]) if code == "L" else None,
        "note": "Arrived after first lesson began" if code == "L" else "",
        "superseded_by": None,
        "amendment_reason": "",
    }


def _amend(rng: random.Random, marks: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """About a third of the N and O marks are later amended, with a reason: (index, new mark)."""
    amended = []
    for index, old in enumerate(marks):
        if old["code"] in AMENDMENTS and rng.random() < 0.35:
            code, reason = AMENDMENTS[old["code"]]
            new = {
                **old,
                "code": code,
                "source": MarkSource.SCHOOL,
                "recorded_by": "Ms R. Ellery",
                "recorded_at": old["recorded_at"] + timedelta(days=1, hours=1),
                "minutes_late": None,
                "note": "",
                "amendment_reason": reason,
            }
            amended.append((index, new))
    return amended


def _write(
    session: Session, marks: list[dict[str, Any]], amendments: list[tuple[int, dict[str, Any]]]
) -> int:
    """Bulk insert (a term for a whole cohort in a fraction of a second), with a receipt.

    Ids are given explicitly so each amended original can point at its successor; the
    successors go in first, as the originals refer to them.
    """
    if not marks:
        return 0
    highest = session.exec(select(func.max(AttendanceMark.id))).one()
    first = next_id = (highest or 0) + 1
    for offset, mark in enumerate(marks):
        mark["id"] = next_id + offset
    next_id += len(marks)
    for offset, (index, new) in enumerate(amendments):
        new["id"] = next_id + offset
        marks[index]["superseded_by"] = new["id"]
    table = AttendanceMark.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    if amendments:
        insert_many(connection, table, [new for _index, new in amendments])
    insert_many(connection, table, marks)
    pairs = [(marks[index]["id"], new["id"]) for index, new in amendments]
    last = first + len(marks) + len(amendments) - 1
    write_receipt(session, b"", "demo register", len(marks), 0, pairs, (first, last))
    return len(marks) + len(amendments)
