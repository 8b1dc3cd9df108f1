"""Writing a checked provider return: one bulk insert, amendments linked, an audited receipt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, update
from sqlmodel import Session, select

from apdesk.models import AttendanceMark, Setting
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.models.types import utcnow
from apdesk.services.attendance.expected import by_pupil, load_patterns, placement_for
from apdesk.services.attendance.marks import actor_of

Key = tuple[int, date, AmPm]
RECEIPT_KEY = "attendance.last_import"


@dataclass
class ReturnRow:
    """One checked row of a return."""

    number: int
    upn: str
    pupil_id: int
    day: date
    half: AmPm
    code: str
    minutes_late: int | None
    note: str


def write_marks(
    session: Session,
    rows: list[ReturnRow],
    existing: dict[Key, tuple[int, str]],
    source: MarkSource,
    reason: str,
) -> list[tuple[int, int]]:
    """Insert the marks in one statement and point each replaced mark at its successor.

    Ids are given explicitly (after the highest in use) so no row needs fetching back; if
    another writer took those ids meanwhile, the insert fails and the whole import rolls back.
    Returns (old id, new id) for each amendment.
    """
    if not rows:
        return []
    start, end = min(r.day for r in rows), max(r.day for r in rows)
    patterns = by_pupil(load_patterns(session, start, end))
    table = AttendanceMark.__table__  # type: ignore[attr-defined]
    highest = session.exec(select(func.max(AttendanceMark.id))).one()
    next_id = (highest or 0) + 1
    actor, now = actor_of(session), utcnow()
    values: list[dict[str, Any]] = []
    replaced: list[tuple[int, int]] = []
    rows = sorted(rows, key=lambda r: (r.day, r.half.value, r.pupil_id))
    for offset, row in enumerate(rows):
        pattern = placement_for(patterns.get(row.pupil_id, []), row.day, row.half)
        current = existing.get((row.pupil_id, row.day, row.half))
        values.append(
            {
                "id": next_id + offset,
                "pupil_id": row.pupil_id,
                "placement_id": pattern.placement_id if pattern else None,
                "mark_date": row.day,
                "session": row.half,
                "code": row.code,
                "source": source,
                "recorded_by": actor,
                "recorded_at": now,
                "minutes_late": row.minutes_late,
                "note": row.note,
                "superseded_by": None,
                "amendment_reason": reason if current else "",
            }
        )
        if current:
            replaced.append((current[0], next_id + offset))
    connection = session.connection()
    insert_many(connection, table, values)
    if replaced:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("old_id"))
            .values(superseded_by=bindparam("new_id")),
            [{"old_id": old, "new_id": new} for old, new in replaced],
        )
    return replaced


def insert_many(connection: Any, table: Any, values: list[dict[str, Any]]) -> None:
    """One executemany with each distinct value converted once by its column type.

    The same few dates, codes and sessions repeat across a big return, so converting each
    distinct value once (instead of per row) halves the time of a 100,000-mark import.
    """
    names = list(values[0])
    dialect = connection.dialect
    processors = [table.c[name].type.bind_processor(dialect) for name in names]
    caches: list[dict[Any, Any]] = [{} for _ in names]

    def convert(index: int, value: Any) -> Any:
        processor = processors[index]
        if processor is None or value is None:
            return value
        cache = caches[index]
        if value not in cache:
            cache[value] = processor(value)
        return cache[value]

    rows = [tuple(convert(i, row[name]) for i, name in enumerate(names)) for row in values]
    placeholders = ", ".join("?" for _ in names)
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({placeholders})"
    connection.exec_driver_sql(statement, rows)


def write_receipt(
    session: Session,
    data: bytes,
    filename: str,
    imported: int,
    unchanged: int,
    amended: list[tuple[int, int]],
) -> None:
    """Record the import in a setting, so the audit log holds who imported what, when.

    The marks themselves go in by one bulk statement (a provider's year can be 100,000 rows),
    which the per-object audit does not see; this audited record names the file by its
    SHA-256 and lists every amended mark as [old id, new id].
    """
    row = session.get(Setting, RECEIPT_KEY) or Setting(key=RECEIPT_KEY)
    row.value = json.dumps(
        {
            "file": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "by": actor_of(session),
            "at": utcnow().isoformat(),
            "imported": imported,
            "amended": [list(pair) for pair in amended],
            "unchanged": unchanged,
        }
    )
    session.add(row)
    session.flush()
