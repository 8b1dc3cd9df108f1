"""Writing a checked provider return: one bulk insert, amendments linked, an audited receipt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import DateTime, bindparam, func, text, update
from sqlmodel import Session, select

from apdesk.models import AttendanceMark, Setting
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.models.kinds import Kind
from apdesk.models.types import StrEnumType, utcnow
from apdesk.services.attendance.marks import actor_of
from apdesk.store.changes import note_change

Key = tuple[int, date, AmPm]
RECEIPT_KEY = "attendance.last_import"

# :runs holds [first id, pupil_id, placement_id, session, code, minutes_late, note,
# amendment_reason, [date, ...]]: one run per pupil and settings, a mark per date, ids counting
# up from the first. :days lists the file's dates. superseded_by stays NULL (current marks).
_INSERT_RUNS = text(
    "INSERT INTO attendancemark (id, pupil_id, placement_id, mark_date, session, code,"
    " minutes_late, note, amendment_reason, source, recorded_by, recorded_at)"
    " WITH runs AS MATERIALIZED ("
    "  SELECT json_extract(value, '$[0]') AS first_id, json_extract(value, '$[1]') AS pupil_id,"
    "   json_extract(value, '$[2]') AS placement_id, json_extract(value, '$[3]') AS session,"
    "   json_extract(value, '$[4]') AS code, json_extract(value, '$[5]') AS minutes_late,"
    "   json_extract(value, '$[6]') AS note, json_extract(value, '$[7]') AS amendment_reason,"
    "   json_extract(value, '$[8]') AS dates,"
    "   :source AS source, :actor AS recorded_by, :now AS recorded_at"
    "  FROM json_each(:runs)),"
    " days AS MATERIALIZED (SELECT value AS day FROM json_each(:days))"
    " SELECT r.first_id + d.key, r.pupil_id, r.placement_id, days.day, r.session, r.code,"
    "  r.minutes_late, r.note, r.amendment_reason, r.source, r.recorded_by, r.recorded_at"
    " FROM runs AS r CROSS JOIN json_each(r.dates) AS d CROSS JOIN days ON days.day = d.value"
).bindparams(bindparam("source", type_=StrEnumType(MarkSource)), bindparam("now", type_=DateTime()))


@dataclass(slots=True)
class ReturnRow:
    """One checked row of a return (placement_id is filled in once placements are known)."""

    number: int
    upn: str
    pupil_id: int
    day: date
    half: AmPm
    code: str
    minutes_late: int | None
    note: str
    placement_id: int | None = None


@dataclass(frozen=True)
class Written:
    """What write_marks inserted: ids first..first+count-1, and (old id, new id) amendments."""

    first: int
    count: int
    amended: list[tuple[int, int]]

    @property
    def ids(self) -> tuple[int, int] | None:
        return (self.first, self.first + self.count - 1) if self.count else None


def write_marks(
    session: Session,
    rows: list[ReturnRow],
    existing: dict[Key, tuple[int, str]],
    source: MarkSource,
    reason: str,
) -> Written:
    """Insert the marks in one statement and point each replaced mark at its successor.

    Ids are given explicitly (after the highest in use) so no row needs fetching back; if
    another writer took those ids meanwhile, the insert fails and the whole import rolls back.

    The marks travel as JSON read by json_each, grouped into runs of one pupil's marks that
    differ only by date. A statement per row, or a value read straight out of the JSON for
    every row, makes SQLCipher allocate (and, with memory security on, lock and wipe) memory
    per row, which costs more than the insert itself; values read from the two small
    materialised tables (the runs, the dates) are not copied that way.
    """
    if not rows:
        return Written(0, 0, [])
    highest = session.exec(select(func.max(AttendanceMark.id))).one()
    first = (highest or 0) + 1
    runs: dict[tuple[Any, ...], list[ReturnRow]] = {}
    for row in sorted(rows, key=lambda r: (r.pupil_id, r.day, r.half)):
        amends = (row.pupil_id, row.day, row.half) in existing
        settings = (row.placement_id, row.half, row.code, row.minutes_late, row.note)
        runs.setdefault((row.pupil_id, *settings, reason if amends else ""), []).append(row)
    days = {day: day.isoformat() for day in {row.day for row in rows}}
    payload: list[list[Any]] = []
    replaced: list[tuple[int, int]] = []
    next_id = first
    for (pupil_id, placement_id, half, *rest), run in runs.items():
        dates = [days[row.day] for row in run]
        payload.append([next_id, pupil_id, placement_id, half.value, *rest, dates])
        for offset, row in enumerate(run):
            current = existing.get((row.pupil_id, row.day, row.half))
            if current:
                replaced.append((current[0], next_id + offset))
        next_id += len(run)
    connection = session.connection()
    inserted = connection.execute(
        _INSERT_RUNS,
        {
            "runs": json.dumps(payload, ensure_ascii=False),
            "days": json.dumps(sorted(days.values())),
            "source": source,
            "actor": actor_of(session),
            "now": utcnow(),
        },
    ).rowcount
    if inserted != len(rows):
        raise RuntimeError(f"{inserted} of {len(rows)} marks were inserted")
    # The audit hook sees flushed objects only: say what these statements touched (by id, so
    # the change log can share them; a change set lists "some marks" past a thousand).
    note_change(session, "create", Kind.MARK, range(first, first + len(rows)))
    if replaced:
        table = AttendanceMark.__table__  # type: ignore[attr-defined]
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("old_id"))
            .values(superseded_by=bindparam("new_id")),
            [{"old_id": old, "new_id": new} for old, new in replaced],
        )
        note_change(
            session, "update", Kind.MARK, [old for old, _new in replaced], fields=["superseded_by"]
        )
    return Written(first, len(rows), replaced)


def insert_many(connection: Any, table: Any, values: list[dict[str, Any]]) -> None:
    """One executemany with each distinct value converted once by its column type.

    The same few dates, codes and sessions repeat across a term of marks, so converting each
    distinct value once (instead of per row) halves the time of a big bulk insert.
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
    ids: tuple[int, int] | None = None,
) -> None:
    """Record the import in a setting, so the audit log holds who imported what, when.

    The marks themselves go in by one bulk statement (a provider's year can be 100,000 rows),
    which the per-object audit does not see; this audited record names the file by its
    SHA-256, gives the first and last id of the marks it inserted (they are consecutive) and
    lists every amended mark as [old id, new id].
    """
    row = session.get(Setting, RECEIPT_KEY) or Setting(key=RECEIPT_KEY)
    row.value = json.dumps(
        {
            "file": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "by": actor_of(session),
            "at": utcnow().isoformat(),
            "imported": imported,
            "mark_ids": list(ids) if ids else None,
            "amended": [list(pair) for pair in amended],
            "unchanged": unchanged,
        }
    )
    session.add(row)
    session.flush()
