"""The demo school's audit log as a school's history: who did what, on the day it happened.

The demo is built in one go by whoever runs it; left so, its log would say the one login made
every record at the same moment. Each row is given instead a member of the demo's staff by the
kind of record (the SENCO writes placements, the data manager pupils) and the day its record
says it happened (a placement on its referral, a review when held), or its parent record's day.
The rows are then written again in time order and chained afresh (`restamp`).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from apdesk.models import AuditEvent
from apdesk.models.types import utcnow
from apdesk.services.attendance.returns_write import RECEIPT_KEY
from apdesk.store.audit import restamp

SENCO = "R. Ellery (SENCO)"
DATA = "S. Kaur (data manager)"
BASE = "M. Ferreira (inclusion lead)"
ATTENDANCE = "Attendance office"

WHO = {
    **dict.fromkeys(
        ("school", "setting", "closure", "term", "pupil", "contact"), DATA
    ),
    **dict.fromkeys(
        ("period", "iapactivity", "iapgroup", "timetableversion", "timetableslot",
         "timetableversionstate", "reintegrationgoal", "subjectrating"), BASE
    ),
}  # fmt: skip
"""The person who keeps each kind of record; the SENCO keeps the rest (placements, plans)."""

HAPPENED = {
    "placement": ("referred_on", "child_voice_date", "risk_assessment_date", "agreement_date",
                  "start_date"),
    "provideraudit": ("audit_date",),
    "qualityconcern": ("raised_on",),
    "timetableversion": ("effective_date",),
    "timetableversionstate": ("decided_on",),
    "subjectrating": ("rated_on",),
    "voiceentry": ("said_on",),
    "review": ("held_on",),
    "reviewdetail": ("period_to",),
    "followup": ("done_on",),
    "agencyinvolvement": ("consent_date",),
}  # fmt: skip
"""The fields that say when a record's event took place (never a date still to come)."""

PARENTS = (
    ("plan_id", "plan"),
    ("review_id", "review"),
    ("target_id", "plantarget"),
    ("version_id", "timetableversion"),
    ("placement_id", "placement"),
    ("group_id", "iapgroup"),
    ("provider_id", "provider"),
    ("pupil_id", "pupil"),
)
"""A record without a day of its own is written just after the record it belongs to."""

SETUP_LEAD = timedelta(days=7)  # the school set the system up a week before its first event
NOW_ROWS = ("outboxitem",)  # queued packs wait now: written on the demo's day


def last_id(session: Session) -> int:
    """The newest audit row before the demo is built: the history starts after it."""
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    return int(session.connection().execute(select(func.max(table.c.id))).scalar() or 0)


def _day(value: Any, today: date) -> date | None:
    try:
        day = date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
    return day if day is not None and day <= today else None


def _office_hours(day: date, n: int) -> datetime:
    """A moment in the working day, spread by the row's number so a day's rows read apart."""
    return datetime.combine(day, time(8, 40), UTC) + timedelta(minutes=(n * 17) % 460)


def _own_day(entity: str, values: dict[str, Any], today: date) -> date | None:
    """The first of the record's own dates that is known (a placement's referral, else ...)."""
    days = (_day(values.get(name), today) for name in HAPPENED.get(entity, ()))
    return next((day for day in days if day is not None), None)


def _parent(values: dict[str, Any], seen: dict[tuple[str, str], datetime]) -> datetime | None:
    for key, table in PARENTS:
        found = seen.get((table, str(values.get(key))))
        if found is not None:
            return found
    return None


def _rows(session: Session, after: int) -> list[Any]:
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    query = select(table.c.id, table.c.action, table.c.entity, table.c.entity_id, table.c.after)
    return list(session.connection().execute(query.where(table.c.id > after)).all())


def _floor(session: Session, after: int) -> datetime | None:
    """The moment of the row before the history: nothing is written before it."""
    found = session.get(AuditEvent, after) if after else None
    if found is None:
        return None
    return found.at if found.at.tzinfo else found.at.replace(tzinfo=UTC)


def date_history(session: Session, after: int, today: date) -> None:
    """Give the demo's audit rows (those after id `after`) their staff and their days."""
    session.flush()
    rows = _rows(session, after)
    values = {row.id: json.loads(row.after) if row.after else {} for row in rows}
    days = [_own_day(row.entity, values[row.id], today) for row in rows]
    first = min((day for day in days if day is not None), default=today)
    setup = first - SETUP_LEAD
    setup -= timedelta(days=max(0, setup.weekday() - 4))  # a school day: a weekend's Friday
    now, floor = utcnow(), _floor(session, after)
    latest = min(now, datetime.combine(today, time(15, 30), UTC))
    seen: dict[tuple[str, str], datetime] = {}
    stamps: dict[int, tuple[datetime, str]] = {}
    for n, (row, day) in enumerate(zip(rows, days, strict=True)):
        key = (row.entity, row.entity_id)
        data = values[row.id] if isinstance(values[row.id], dict) else {}
        at: datetime | None = _office_hours(day, n) if day is not None else None
        receipt = row.entity == "setting" and RECEIPT_KEY in (row.entity_id, data.get("key"))
        if row.entity in NOW_ROWS or receipt:
            at = latest
        if at is None:
            parent = seen.get(key) if row.action != "create" else _parent(data, seen)
            at = parent + timedelta(minutes=1 + n % 9) if parent is not None else None
        at = min(at or _office_hours(setup, n), now)
        at = max(at, floor) if floor is not None else at
        seen.setdefault(key, at)
        who = ATTENDANCE if receipt else WHO.get(row.entity, SENCO)
        stamps[row.id] = (at, who)
    restamp(session, after, stamps)
