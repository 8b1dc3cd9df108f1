"""The audit log: every change a user makes writes a hash-chained row in the same transaction."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session, SQLModel

from apdesk.models.kinds import Kind
from apdesk.models.records import AuditEvent
from apdesk.models.types import utcnow
from apdesk.store import changelog
from apdesk.store.changes import Action, collector_of

GENESIS = "0" * 64
ACTOR_KEY = "apdesk_actor"


def _plain(value: Any) -> Any:
    """A JSON-friendly form of a column value; binary content is recorded by its hash only."""
    if isinstance(value, bytes):
        return f"<{len(value)} bytes sha256:{hashlib.sha256(value).hexdigest()[:16]}>"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _columns(obj: SQLModel) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs]


def _snapshot(obj: SQLModel) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in _columns(obj)}


def _changes(obj: SQLModel) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in _columns(obj):
        history = state.attrs[name].history
        if history.has_changes():
            before[name] = _plain(history.deleted[0]) if history.deleted else None
            after[name] = _plain(history.added[0]) if history.added else None
    return before, after


def _entity_id(obj: SQLModel) -> str:
    identity = inspect(obj).identity
    if identity:
        return ",".join(str(part) for part in identity)
    return str(getattr(obj, "id", ""))


def _change_id(obj: SQLModel) -> int | str:
    """The record's id as pages use it: the integer primary key where there is one."""
    key = getattr(obj, "id", None)
    if isinstance(key, int):
        return key
    state = inspect(obj)
    # A new row has no identity until after the flush: its key is read from its own columns.
    identity = state.identity or tuple(state.mapper.primary_key_from_instance(obj))
    if identity and len(identity) == 1 and isinstance(identity[0], int | str):
        return identity[0]
    return _entity_id(obj)


def row_hash(prev_hash: str, fields: dict[str, str]) -> str:
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _hashed_fields(row: dict[str, Any]) -> dict[str, str]:
    at = row["at"]
    return {
        "at": at.isoformat() if isinstance(at, datetime) else str(at),
        "actor": row["actor"],
        "action": row["action"],
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "before": row["before"],
        "after": row["after"],
    }


def _dump(data: dict[str, Any] | None) -> str:
    return "" if data is None else json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def _after_flush(session: OrmSession, _ctx: UOWTransaction) -> None:
    """Write one audit row per changed object, through the flush's own connection."""
    entries: list[tuple[Action, SQLModel, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        if isinstance(obj, SQLModel) and not isinstance(obj, AuditEvent):
            entries.append(("create", obj, None, _snapshot(obj)))
    for obj in session.dirty:
        if (
            isinstance(obj, SQLModel)
            and not isinstance(obj, AuditEvent)
            and session.is_modified(obj)
        ):
            before, after = _changes(obj)
            if after:
                entries.append(("update", obj, before, after))
    for obj in session.deleted:
        if isinstance(obj, SQLModel) and not isinstance(obj, AuditEvent):
            entries.append(("delete", obj, _snapshot(obj), None))
    if not entries:
        return
    collector = collector_of(session)
    if collector is not None:
        for action, obj, _old, _new in entries:
            collector.add(action, Kind(str(type(obj).__tablename__)), [_change_id(obj)])
    changelog.capture(session, [(action, obj) for action, obj, _old, _new in entries])
    actor = str(session.info.get(ACTOR_KEY, ""))
    append(
        session,
        [
            AuditRow(actor, action, str(type(obj).__tablename__), _entity_id(obj), old, new)
            for action, obj, old, new in entries
        ],
    )


@dataclass(frozen=True)
class AuditRow:
    """One audit entry to chain: who, what, which record, and its values before and after."""

    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: datetime | None = None  # when: now, unless a made-up record says when it happened


def append(session: OrmSession, entries: list[AuditRow]) -> None:
    """Chain `entries` after the last audit row, in the session's transaction."""
    if not entries:
        return
    conn = session.connection()
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    prev = conn.execute(select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar()
    prev_hash = prev or GENESIS
    rows = []
    for entry in entries:
        row: dict[str, Any] = {
            "at": entry.at or utcnow(),
            "actor": entry.actor,
            "action": entry.action,
            "entity": entry.entity,
            "entity_id": entry.entity_id,
            "before": _dump(entry.before),
            "after": _dump(entry.after),
            "prev_hash": prev_hash,
        }
        row["hash"] = row_hash(prev_hash, _hashed_fields(row))
        prev_hash = row["hash"]
        rows.append(row)
    conn.execute(insert(table), rows)


def _loaded(text: str) -> dict[str, Any] | None:
    return json.loads(text) if text else None


def restamp(session: OrmSession, after: int, stamps: dict[int, tuple[datetime, str]]) -> None:
    """Re-write the rows after id `after` with the moment and user `stamps` gives each, in time
    order, chained again from the row before them. Only for a made-up record built in one go
    (the demo school), so its log reads as the weeks it covers; never for a school's record."""
    conn = session.connection()
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    found = conn.execute(select(table).where(table.c.id > after).order_by(table.c.id)).all()
    entries = []
    for n, row in enumerate(found):
        at, actor = stamps.get(row.id, (row.at, row.actor))
        before, new = _loaded(row.before), _loaded(row.after)
        entry = AuditRow(actor, row.action, row.entity, row.entity_id, before, new, at)
        entries.append((at, n, entry))
    conn.execute(table.delete().where(table.c.id > after))
    append(session, [entry for _at, _n, entry in sorted(entries, key=lambda e: e[:2])])


def install(session: Session, actor: str) -> None:
    session.info[ACTOR_KEY] = actor
    event.listen(session, "after_flush", _after_flush)
    changelog.install(session)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_bad_id: int | None = None


def verify_chain(session: Session) -> ChainReport:
    """Recompute every hash in order: a changed, removed or reordered row breaks the chain."""
    prev_hash = GENESIS
    count = 0
    for event_row in session.exec(select(AuditEvent).order_by(AuditEvent.id)).scalars():  # type: ignore[call-overload, arg-type]
        count += 1
        fields = _hashed_fields(event_row.model_dump())
        if event_row.prev_hash != prev_hash or event_row.hash != row_hash(prev_hash, fields):
            return ChainReport(False, count, event_row.id)
        prev_hash = event_row.hash
    return ChainReport(True, count, None)


def chain_head(session: Session) -> tuple[int, str]:
    """(rows in the chain, hash of the last row): what a pack carries for the LA to witness.

    Pending changes are flushed first, so the head includes the change a pack reports.
    """
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    session.flush()
    conn = session.connection()
    count = conn.execute(select(func.count()).select_from(table)).scalar_one()
    head = conn.execute(select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar()
    return int(count), str(head or GENESIS)


def hash_at(session: Session, position: int) -> str | None:
    """The chain hash of the `position`-th row (from 1), or None when the chain is shorter."""
    if position < 1:
        return None
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    query = select(table.c.hash).order_by(table.c.id).limit(1).offset(position - 1)
    found = session.connection().execute(query).scalar()
    return None if found is None else str(found)
