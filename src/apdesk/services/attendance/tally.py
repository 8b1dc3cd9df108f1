"""Counts of current marks read from the store's kept tally (`apdesk.models.summaries`).

The tally holds, per placement, day and code, how many current marks there are, with two
whole-school rows per day and code (the school's register and every provider together), so a
range of days is summed over a few thousand rows instead of every mark in it. The same figures
counted from the marks themselves are what the consistency tests compare these with.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, func, literal_column, select, type_coerce
from sqlmodel import Session

from apdesk.models import Placement
from apdesk.models.codes import RULE_SQL, TALLY_SQL, untally
from apdesk.models.figures import Figures
from apdesk.models.summaries import (
    ALL_PROVIDERS,
    MARK_TALLY,
    PLACEMENT_MARK_STAMP,
    SCHOOL_REGISTER,
)
from apdesk.services.attendance.kept import keeps, kept_counts, read_stamps

_T = MARK_TALLY.c


def _in(start: date, end: date) -> list[ColumnElement[bool]]:
    return [_T.mark_date >= start, _T.mark_date <= end]


def _whole_school(start: date, end: date) -> list[ColumnElement[bool]]:
    return [_T.placement_id.in_([SCHOOL_REGISTER, ALL_PROVIDERS]), *_in(start, end)]


def _rows(session: Session, query: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in session.connection().execute(query)]


def school_tally(session: Session, start: date, end: date) -> Figures:
    """Every current mark in the range, for every pupil: the school's own figures."""
    query = select(_T.code, func.sum(_T.n)).where(*_whole_school(start, end)).group_by(_T.code)
    figures = Figures()
    for code, count in _rows(session, query):
        figures.add(code, int(count))
    return figures


def placement_tally(
    session: Session, start: date, end: date, placement_ids: Collection[int] | None = None
) -> list[tuple[int, str, int]]:
    """(placement id, code, count) for the marks recorded against placements in the range
    (against `placement_ids` only, if given: each is one range of the tally)."""
    which = _T.placement_id > 0 if placement_ids is None else _T.placement_id.in_(placement_ids)
    query = (
        select(_T.placement_id, _T.code, func.sum(_T.n))
        .where(which, *_in(start, end))
        .group_by(_T.placement_id, _T.code)
    )
    return [(int(p), str(c), int(n)) for p, c, n in _rows(session, query)]


def placement_counts(
    session: Session, start: date, end: date, placement_ids: Collection[int] | None = None
) -> dict[int, Figures]:
    """The figures of `placement_tally` per placement with marks in the range (of
    `placement_ids` only, if given). On a read, a placement whose marks are unchanged since
    the last read is not summed again (`kept`)."""
    if not keeps(session):
        packed = _packed_by_placement(session, start, end, placement_ids)
    else:
        if placement_ids is None:
            now = _every_placements_stamp(session)
        else:
            now = read_stamps(session, "placementmarkstamp", set(placement_ids))
        ids = now.keys()

        def count(missing: Sequence[int]) -> dict[int, int]:
            everyone = placement_ids is None and len(missing) == len(ids)
            return _packed_by_placement(session, start, end, None if everyone else missing)

        found = kept_counts(session, f"placement {start} {end}", now, count)
        packed = {p: total for p, total in found.items() if total is not None}
    out: dict[int, Figures] = {}
    for placement_id, total in packed.items():
        not_possible, attended, authorised, unauthorised = untally(total)
        out[placement_id] = Figures(attended, authorised, unauthorised, not_possible)
    return out


def _every_placements_stamp(session: Session) -> dict[int, int]:
    """Every placement's mark stamp, in one pass over the placements (0: never written)."""
    placement, stamp = Placement.__table__.c, PLACEMENT_MARK_STAMP.c  # type: ignore[attr-defined]
    query = select(placement.id, func.coalesce(stamp.stamp, 0)).select_from(
        Placement.__table__.outerjoin(  # type: ignore[attr-defined]
            PLACEMENT_MARK_STAMP, stamp.placement_id == placement.id
        )
    )
    return {int(p): int(n) for p, n in _rows(session, query)}


def _packed_by_placement(
    session: Session, start: date, end: date, placement_ids: Collection[int] | None
) -> dict[int, int]:
    """Each placement's marks as one packed sum (TALLY_SQL's four fields), summed by SQLite as
    it reads each placement's range of the tally in key order, so no sort of the rows by code.
    A placement is one pupil's, with at most two marks a day, so its fields cannot carry over
    any range shorter than ninety years."""
    which = _T.placement_id > 0 if placement_ids is None else _T.placement_id.in_(placement_ids)
    packed = func.sum(_T.n * literal_column(TALLY_SQL))
    query = select(_T.placement_id, packed).where(which, *_in(start, end))
    return {int(p): int(total) for p, total in _rows(session, query.group_by(_T.placement_id))}


def provider_tally(session: Session, start: date, end: date) -> list[tuple[int, str, int]]:
    """(provider id, code, count) through the placement each counted mark belongs to."""
    placement = Placement.__table__.c  # type: ignore[attr-defined]
    query = (
        select(placement.provider_id, _T.code, func.sum(_T.n))
        .join(Placement.__table__, placement.id == _T.placement_id)  # type: ignore[attr-defined]
        .where(_T.placement_id > 0, *_in(start, end))
        .group_by(placement.provider_id, _T.code)
    )
    return [(int(p), str(c), int(n)) for p, c, n in _rows(session, query)]


def _by_rule() -> list[Any]:
    """Four sums, one per rule in TALLY_RULES order: the counts of a Figures."""
    return [func.sum(_T.n * (literal_column(RULE_SQL) == rule)) for rule in range(4)]


def daily_figures(session: Session, start: date, end: date) -> list[tuple[date, bool, Figures]]:
    """(day, at a provider, figures) for every day in the range with a current mark: the
    whole school's rows of `daily_tally`. On a read, a day whose marks are unchanged since the
    last read is not summed again (`kept`)."""
    if not keeps(session):
        by_day = _by_day(session, start, end, None)
    else:
        days = [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]
        now = read_stamps(session, "daymarkstamp", days)

        def count(missing: Sequence[str]) -> dict[str, DayRows]:
            return _by_day(session, start, end, None if len(missing) == len(days) else missing)

        found = kept_counts(session, "day", now, count)
        by_day = {day: rows for day, rows in found.items() if rows}
    out = []
    for text in sorted(by_day):
        day = date.fromisoformat(text)
        for at_provider, counts in by_day[text]:
            out.append((day, at_provider, Figures(*counts)))
    return out


DayRows = tuple[tuple[bool, tuple[int, int, int, int]], ...]  # at a provider, Figures' counts


def _by_day(
    session: Session, start: date, end: date, days: Collection[str] | None
) -> dict[str, DayRows]:
    """The whole school's rows of each day (of `days` only, if given), summed by rule as SQLite
    reads them in key order."""
    day = type_coerce(_T.mark_date, String)  # parsed once per day by the caller, not per row
    which = _in(start, end) if days is None else [day.in_(sorted(days))]
    query = (
        select(_T.placement_id, day, *_by_rule())
        .where(_T.placement_id.in_([SCHOOL_REGISTER, ALL_PROVIDERS]), *which)
        .group_by(_T.placement_id, _T.mark_date)
    )
    found: dict[str, list[tuple[bool, tuple[int, int, int, int]]]] = {}
    for placement_id, text, not_possible, attended, authorised, unauthorised in _rows(
        session, query
    ):
        counts = (int(attended), int(authorised), int(unauthorised), int(not_possible))
        found.setdefault(str(text), []).append((placement_id == ALL_PROVIDERS, counts))
    return {text: tuple(rows) for text, rows in found.items()}


def daily_tally(session: Session, start: date, end: date) -> list[tuple[date, str, bool, int]]:
    """(day, code, at a provider, count) for every day in the range with a current mark."""
    at_provider = _T.placement_id == ALL_PROVIDERS
    day = type_coerce(_T.mark_date, String)  # parsed once per day below, not once per row
    query = (
        select(day, _T.code, at_provider, func.sum(_T.n))
        .where(*_whole_school(start, end))
        .group_by(_T.mark_date, _T.code, at_provider)
    )
    days: dict[str, date] = {}
    out = []
    for text, code, provider, n in _rows(session, query):
        found = days.get(text)
        if found is None:
            found = days[text] = date.fromisoformat(text)
        out.append((found, str(code), bool(provider), int(n)))
    return out
