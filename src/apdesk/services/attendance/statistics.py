"""Attendance statistics by the DfE method, from SQL counts of current marks per code.

attendance rate = attended / possible sessions; absence = authorised + unauthorised;
persistent absence: 10% or more of possible sessions missed; severe: 50% or more. A session
the pupil was expected at a provider with no mark is counted as missing, never guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Placement
from apdesk.models.enums import Session as AmPm
from apdesk.models.figures import Figures
from apdesk.services.attendance.expected import (
    ExpectedSession,
    PlacementPattern,
    expected_sessions,
)
from apdesk.services.attendance.kept import keeps, kept_counts, read_stamps
from apdesk.services.attendance.register_scan import Scan, scan_register
from apdesk.services.attendance.tally import placement_counts, provider_tally
from apdesk.services.calendar import SchoolCalendar


def _counts(
    session: Session,
    start: date,
    end: date,
    key: Any,
    pupil_ids: Collection[int] | None = None,
    exclude: Collection[int] = (),
    join_placement: bool = False,
) -> Any:
    """(key, code, count) rows for the current marks in the range: one grouped query."""
    query = select(key, AttendanceMark.code, func.count()).select_from(AttendanceMark)
    if join_placement:
        query = query.join(Placement, col(Placement.id) == col(AttendanceMark.placement_id))
    query = query.where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    )
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(sorted(pupil_ids)))
    if exclude:
        query = query.where(col(AttendanceMark.pupil_id).not_in(sorted(exclude)))
    return session.exec(query.group_by(key, AttendanceMark.code)).all()


_HALVES = {half.value: half for half in AmPm}


def marked_keys(
    session: Session, start: date, end: date, pupil_ids: Collection[int] | None = None
) -> set[tuple[int, date, AmPm]]:
    """Which sessions have a current mark (of `pupil_ids` only, if given). On a read, a pupil
    whose marks are unchanged since the last read is not read again (`kept`): the board
    looks back a school week over a thousand pupils after every mark typed."""
    if pupil_ids is None or not keeps(session):
        return _marked(session, start, end, pupil_ids)
    now = read_stamps(session, "pupilmarkstamp", set(pupil_ids))

    def read(missing: Sequence[int]) -> dict[int, frozenset[tuple[date, AmPm]]]:
        by_pupil: dict[int, set[tuple[date, AmPm]]] = defaultdict(set)
        for pupil_id, day, half in _marked(session, start, end, missing):
            by_pupil[pupil_id].add((day, half))
        return {pupil_id: frozenset(keys) for pupil_id, keys in by_pupil.items()}

    found = kept_counts(session, f"marked {start} {end}", now, read)
    return {(pupil_id, day, half) for pupil_id, keys in found.items() for day, half in keys or ()}


def _marked(
    session: Session, start: date, end: date, pupil_ids: Collection[int] | None
) -> set[tuple[int, date, AmPm]]:
    """Reads the session as text (a dict lookup, not an enum conversion per row) and, when
    given, only the pupils asked about: a school year of marks is hundreds of thousands of
    rows."""
    query = select(
        col(AttendanceMark.pupil_id),
        col(AttendanceMark.mark_date),
        type_coerce(col(AttendanceMark.session), String),
    ).where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    )
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(sorted(set(pupil_ids))))
    halves = _HALVES
    return {(pid, day, halves[half]) for pid, day, half in session.exec(query).all()}


def missing_sessions(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    expected: list[ExpectedSession] | None = None,
    today: date | None = None,
) -> list[ExpectedSession]:
    """Sessions up to today a pupil was expected at a provider that have no current mark."""
    today = today or date.today()
    if expected is None:
        expected = expected_sessions(session, start, end, calendar=calendar)
    marked = marked_keys(session, start, end, {item.pupil_id for item in expected})
    missing, seen = [], set()
    for item in expected:
        key = (item.pupil_id, item.day, item.session)
        if key not in marked and key not in seen and item.day <= today:
            seen.add(key)
            missing.append(item)
    return missing


def _tally(rows: Iterable[tuple[Any, str, int]], missing: Counter[int]) -> dict[int, Figures]:
    figures: dict[int, Figures] = defaultdict(Figures)
    for key, code, count in rows:
        if key is not None:
            figures[key].add(code, count)
    for key, count in missing.items():
        figures[key].missing += count
    return dict(figures)


def scan_range(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
    pupil_ids: Collection[int] | None = None,
    patterns: list[PlacementPattern] | None = None,
) -> Scan:
    """One pass over the AP pupils' marks in the range. The figures below take it ready-made
    when a caller (the dashboard) wants several of them for the same range; `patterns`, if
    given, were read for a range covering this one."""
    calendar = calendar or SchoolCalendar.load(session)
    today = today or date.today()
    return scan_register(session, start, end, calendar, today, pupil_ids, patterns)


def _from_scan(scan: Scan, wanted: Collection[int] | None = None) -> dict[int, Figures]:
    """Each scanned pupil's figures (of `wanted`, if given), with their missing sessions."""
    missing = scan.missing_by("pupil_id")
    figures = {}
    for pattern in scan.patterns:
        pupil_id = pattern.pupil_id
        if pupil_id not in figures and (wanted is None or pupil_id in wanted):
            figures[pupil_id] = found = scan.by_pupil[pupil_id]
            found.missing = missing.get(pupil_id, 0)
    return figures


def ap_pupil_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
) -> dict[int, Figures]:
    """By pupil id, for the pupils with a placement running in the range: the AP cohort."""
    return _from_scan(scan_range(session, start, end, calendar, today))


def pupil_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
    pupil_ids: Collection[int] | None = None,
    scan: Scan | None = None,
) -> dict[int, Figures]:
    """By pupil id: every pupil (of `pupil_ids`, if given) with a placement running in the
    range or a mark in it. AP pupils come from one pass; the others are counts by code."""
    wanted = None if pupil_ids is None else set(pupil_ids)
    scan = scan or scan_range(session, start, end, calendar, today, wanted)
    figures = _from_scan(scan, wanted)
    if wanted is None:
        rest = _counts(session, start, end, AttendanceMark.pupil_id, exclude=set(figures))
    else:  # only the pupils the scan did not count: often none
        others = wanted - set(figures)
        rest = _counts(session, start, end, AttendanceMark.pupil_id, others) if others else []
    for pupil_id, code, count in rest:
        figures.setdefault(pupil_id, Figures()).add(code, count)
    return figures


def placement_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
    scan: Scan | None = None,
    placement_ids: Collection[int] | None = None,
) -> dict[int, Figures]:
    """By placement id (of `placement_ids`, if given): the marks recorded against the
    placement's sessions."""
    figures = placement_counts(session, start, end, placement_ids)
    scan = scan or scan_range(session, start, end, calendar, today)
    for key, count in scan.missing.items():
        if placement_ids is None or key in placement_ids:
            figures.setdefault(key, Figures()).missing += count
    return figures


def provider_figures(
    session: Session,
    start: date,
    end: date,
    calendar: SchoolCalendar | None = None,
    today: date | None = None,
) -> dict[int, Figures]:
    """By provider id, through the placement each mark belongs to."""
    rows = provider_tally(session, start, end)
    return _tally(rows, scan_range(session, start, end, calendar, today).missing_by("provider_id"))


def cohort_figures(figures: Iterable[Figures]) -> Figures:
    total = Figures()
    for item in figures:
        total.merge(item)
    return total


def weekly_figures(
    session: Session, start: date, end: date, pupil_ids: Iterable[int] | None = None
) -> list[tuple[date, Figures]]:
    """(Monday, figures) for each week from start to end: for attendance charts."""
    query = select(col(AttendanceMark.mark_date), col(AttendanceMark.code), func.count()).where(
        col(AttendanceMark.superseded_by).is_(None),
        col(AttendanceMark.mark_date) >= start,
        col(AttendanceMark.mark_date) <= end,
    )
    if pupil_ids is not None:
        query = query.where(col(AttendanceMark.pupil_id).in_(list(pupil_ids)))
    query = query.group_by(col(AttendanceMark.mark_date), col(AttendanceMark.code))
    weeks: dict[date, Figures] = {}
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        weeks[monday] = Figures()
        monday += timedelta(days=7)
    for day, code, count in session.exec(query).all():
        weeks[day - timedelta(days=day.weekday())].add(code, count)
    return sorted(weeks.items())
