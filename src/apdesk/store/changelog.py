"""The local change log: each flush writes what it changed, in the flush's own transaction.

The audit hook already sees every object a flush writes; it hands them here too (`capture`),
and bulk SQL hands its ids through `note_change` (`capture_bulk`). Every shared row gets a
global id the first time it is written. Once this laptop shares its record (`sharestate` holds
a device id), each flush also takes the next stamp of the hybrid logical clock, records field
stamps and long-text versions in `sharerow`/`sharetext`, keeps a tombstone for each delete, and
appends the changes to `sharelog` under the transaction's id: a crash loses the change and its
log entry together, and the sender sends whole transactions only.

A change, as it travels: `{"t": table, "g": global id, "o": "put"|"del"|"res", "s": stamp,
"n": 1 for a new row, "f": {field: value} (references as global ids), "p": {text field:
[stamps it had seen]}, "seen": [stamps a delete had seen], "x": 1 for a purge}`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, delete, event, insert, inspect
from sqlalchemy.orm import Session as OrmSession

from apdesk.models.sharing import NATURAL_KEYS, WHOLE_ROW, natural_gid, new_gid
from apdesk.store import hlc, share_chains, share_conflicts
from apdesk.store.share_rows import (
    RowMeta,
    TableInfo,
    drop_metas,
    dumps,
    encode,
    int_key,
    is_shared,
    leaf_stamps,
    leaves,
    map_in_sql,
    metas_by_gid,
    metas_by_lid,
    next_leaves,
    read_rows,
    registry,
    save_metas,
    set_leaves,
    state_get,
    state_set,
    table_info,
    winner,
)

CTX_KEY = "apdesk_share_ctx"
RESOLVING_KEY = "apdesk_share_resolving"  # {(table, local id, field)}: edits that settle a text
ACTOR_KEY = "apdesk_actor"
SKIP = "apdesk_share_skip"  # set by the merge itself: what it writes came from another laptop

Change = dict[str, Any]


class UnsharedBulkChange(RuntimeError):
    """Bulk SQL on a shared table that did not say which rows: it could not be shared."""


@dataclass
class _Ctx:
    """One transaction's sharing facts, read once."""

    on: bool
    device: str
    baseline: str
    txn: str = field(default_factory=lambda: str(uuid.uuid4()))
    new_gids: dict[tuple[str, str], str] = field(default_factory=dict)


def install(session: OrmSession) -> None:
    """Forget the transaction's facts when it ends (its id must not cover the next one)."""
    event.listen(session, "after_commit", _reset)
    event.listen(session, "after_rollback", _reset)
    event.listen(session, "after_soft_rollback", lambda s, _prev: _reset(s))


def _reset(session: OrmSession) -> None:
    session.info.pop(CTX_KEY, None)


def _context(session: OrmSession, conn: Connection) -> _Ctx:
    ctx = session.info.get(CTX_KEY)
    if not isinstance(ctx, _Ctx):
        state = state_get(conn, "device", "baseline")
        device = state.get("device", "")
        ctx = _Ctx(bool(device), device, state.get("baseline", hlc.ZERO + device))
        session.info[CTX_KEY] = ctx
    return ctx


def next_stamp(conn: Connection, device: str) -> str:
    clock = hlc.tick(state_get(conn, "clock").get("clock", hlc.ZERO))
    state_set(conn, {"clock": clock})
    return hlc.stamp(clock, device)


# -- reading rows ------------------------------------------------------------------------------
def _lid(value: Any) -> str:
    return str(value)


def _object_values(obj: Any) -> dict[str, Any]:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs}


def _object_changes(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in inspect(type(obj)).column_attrs:
        history = state.attrs[attr.key].history
        if history.added:
            changed[attr.key] = history.added[0]
    return changed


# -- the writer --------------------------------------------------------------------------------
class _Writer:
    """Turns one flush's (or bulk statement's) row changes into log entries and metadata."""

    def __init__(self, session: OrmSession, conn: Connection, ctx: _Ctx) -> None:
        self.session, self.conn, self.ctx = session, conn, ctx
        self.stamp = next_stamp(conn, ctx.device) if ctx.on else ""
        self.changes: list[Change] = []
        self.marks: set[str] = set()  # attendance marks whose session chain may change
        self.metas: dict[str, RowMeta] = {}  # by gid, saved at the end
        self.known: dict[tuple[str, str], str] = {}  # (table, local id) -> global id, read once
        self.resolving: set[tuple[str, str, str]] = session.info.get(RESOLVING_KEY, set())

    # global ids -------------------------------------------------------------------------
    def gid_of(self, tbl: str, lid: str) -> str:
        """The row's global id, adopting a row written by raw SQL that never got one."""
        known = self.ctx.new_gids.get((tbl, lid)) or self.known.get((tbl, lid))
        if known:
            return known
        meta = metas_by_lid(self.conn, tbl, [lid]).get(lid)
        if meta is not None:
            self.known[(tbl, lid)] = meta.gid
            return meta.gid
        return self.adopt(tbl, lid)

    def prefetch_own(self, tbl: str, lids: Iterable[str]) -> None:
        """These rows' own metadata, in one query (bulk updates and deletes)."""
        for lid, meta in metas_by_lid(self.conn, tbl, lids).items():
            self.metas.setdefault(meta.gid, meta)
            self.known[(tbl, lid)] = meta.gid

    def prefetch(self, info: TableInfo, rows: Iterable[dict[str, Any]]) -> None:
        """The global ids of everything these rows refer to, in one query per table."""
        wanted: dict[str, set[str]] = {}
        for values in rows:
            for name, table in info.refs.items():
                if values.get(name) is not None:
                    wanted.setdefault(table, set()).add(_lid(values[name]))
        for table, lids in wanted.items():
            for lid, meta in metas_by_lid(self.conn, table, lids).items():
                self.known[(table, lid)] = meta.gid

    def adopt(self, tbl: str, lid: str) -> str:
        info = table_info(tbl)
        row = read_rows(self.conn, info, [lid]).get(lid)
        if row is None:
            raise LookupError(f"{tbl} {lid} is referred to but missing")
        return self.created(info, lid, row)

    def choose_gid(self, info: TableInfo, values: dict[str, Any]) -> str:
        natural = NATURAL_KEYS.get(info.name)
        if natural is None:
            return new_gid()
        parts = []
        for name in natural:
            value = values.get(name)
            if name in info.refs and value is not None:
                value = self.gid_of(info.refs[name], _lid(value))
            parts.append("" if value is None else str(encode(value)))
        gid = natural_gid(info.name, tuple(parts))
        if metas_by_gid(self.conn, [gid]) or gid in self.metas:
            return new_gid()  # made, deleted and made again: a new record
        return gid

    def wire(self, info: TableInfo, values: dict[str, Any]) -> dict[str, Any]:
        """Column values as they travel: JSON, references as global ids, no local key."""
        out: dict[str, Any] = {}
        local_key = info.key if int_key(info) and info.key not in info.refs else None
        for name, value in values.items():
            if name == local_key:
                continue
            if name in info.refs and value is not None:
                out[name] = self.gid_of(info.refs[name], _lid(value))
            else:
                out[name] = encode(value)
        return out

    # changes --------------------------------------------------------------------------------
    def created(self, info: TableInfo, lid: str, values: dict[str, Any]) -> str:
        gid = self.choose_gid(info, values)
        self.ctx.new_gids[(info.name, lid)] = gid
        meta = RowMeta(gid, info.name, lid, stamp=self.stamp or None, new=True)
        if info.name == "attendancemark":
            self.marks.add(lid)
        self.metas[gid] = meta
        if self.ctx.on:
            fields = self.wire(info, values)
            parents: dict[str, list[str]] = {name: [] for name in info.text if name in fields}
            self.changes.append(
                {"t": info.name, "g": gid, "o": "put", "n": 1, "s": self.stamp, "f": fields}
                | ({"p": parents} if parents else {})
            )
        return gid

    def updated(self, info: TableInfo, lid: str, changed: dict[str, Any]) -> None:
        if not self.ctx.on or not changed:
            return
        meta = self._meta(info.name, lid)
        if meta is None:
            self.adopt(info.name, lid)  # never logged before: it travels whole
            return
        fields = self.wire(info, changed)
        parents: dict[str, list[str]] = {}
        for name in info.text & fields.keys():
            current = leaves(self.conn, meta.gid, name) or [
                (meta.field_stamp(name, self.ctx.baseline), "")
            ]
            if (info.name, lid, name) in self.resolving:
                seen = [s for s, _v in current]  # a person chose: every version is settled
            else:
                shown = winner(current)[1] if len(current) > 1 else None
                seen = [s for s, v in current if shown is None or v == shown]
            parents[name] = seen
            after = next_leaves(current, seen, self.stamp, str(fields[name]))
            set_leaves(self.conn, meta.gid, name, after)
        for name in fields:
            meta.written(name, self.stamp)
        if info.name == "attendancemark":
            self.marks.add(lid)
        self.changes.append(
            {"t": info.name, "g": meta.gid, "o": "put", "s": self.stamp, "f": fields}
            | ({"p": parents} if parents else {})
        )

    def deleted(self, info: TableInfo, lid: str, values: dict[str, Any] | None) -> None:
        meta = self._meta(info.name, lid)
        if meta is None:
            return  # never shared: nothing to tell anyone
        self.ctx.new_gids.pop((info.name, lid), None)
        self.known.pop((info.name, lid), None)
        if not self.ctx.on:
            self.metas.pop(meta.gid, None)
            if not meta.new:
                drop_metas(self.conn, info.name, [lid])
            return
        seen = sorted(meta.versions(self.ctx.baseline, leaf_stamps(self.conn, meta.gid)))
        purge = values is None
        meta.tomb = None if purge else {
            "v": self.wire(info, values or {}),
            "seen": seen,
            "ds": self.stamp,
        }  # fmt: skip
        meta.note_delete(self.stamp)
        meta.dead, meta.lid = True, None
        if purge:  # retention: no copy of the values, or of the conflicts' texts, stays
            for name in ("sharetext", "shareconflict"):
                table = _table(name)
                self.conn.execute(delete(table).where(table.c.gid == meta.gid))
        else:  # deleted by a person who saw every version here: the delete conflict is over
            share_conflicts.close_delete(self.conn, meta.gid)
        self.changes.append(
            {"t": info.name, "g": meta.gid, "o": "del", "s": self.stamp, "seen": seen}
            | ({"x": 1} if purge else {})
        )

    def _meta(self, tbl: str, lid: str) -> RowMeta | None:
        gid = self.ctx.new_gids.get((tbl, lid)) or self.known.get((tbl, lid))
        if gid is not None and gid in self.metas:
            return self.metas[gid]
        meta = metas_by_lid(self.conn, tbl, [lid]).get(lid)
        if meta is not None:
            self.metas.setdefault(meta.gid, meta)
            return self.metas[meta.gid]
        return None

    def finish(self) -> None:
        save_metas(self.conn, self.metas.values())
        if self.ctx.on and self.marks:
            share_chains.relink(self.conn, self.marks, self.ctx.baseline)
        if self.ctx.on and self.changes:
            append_log(self.session, self.conn, self.ctx, self.stamp, self.changes)


def _table(name: str) -> Table:
    from sqlmodel import SQLModel

    return SQLModel.metadata.tables[name]


def append_log(
    session: OrmSession, conn: Connection, ctx: _Ctx, stamp: str, changes: list[Change]
) -> None:
    from sqlmodel import SQLModel

    table = SQLModel.metadata.tables["sharelog"]
    body = {"a": str(session.info.get(ACTOR_KEY, "")), "c": changes}
    conn.execute(insert(table).values(txn=ctx.txn, stamp=stamp, body=dumps(body), pushed=False))


# -- entry points ------------------------------------------------------------------------------
def capture(session: OrmSession, entries: Iterable[tuple[str, Any]]) -> None:
    """The audit hook's objects of one flush: (action, object), creates first by table order."""
    if session.info.get(SKIP):
        return
    rows = [(action, obj) for action, obj in entries if is_shared(str(obj.__tablename__))]
    if not rows:
        return
    conn = session.connection()
    writer = _Writer(session, conn, _context(session, conn))
    tables = registry()
    rank = {"create": 0, "update": 1, "delete": 2}

    def order(row: tuple[str, Any]) -> tuple[int, int]:
        position = tables[str(row[1].__tablename__)].order
        return rank[row[0]], -position if row[0] == "delete" else position

    rows.sort(key=order)
    for action, obj in rows:
        info = tables[str(obj.__tablename__)]
        identity = inspect(obj).identity
        lid = _lid(identity[0] if identity else getattr(obj, info.key))
        if action == "create":
            writer.created(info, lid, _object_values(obj))
        elif action == "update":
            changed = _object_changes(obj)
            if info.name in WHOLE_ROW and changed:
                fixed = WHOLE_ROW[info.name][2] | {info.key}
                changed = {k: v for k, v in _object_values(obj).items() if k not in fixed}
            writer.updated(info, lid, changed)
        else:
            writer.deleted(info, lid, _object_values(obj))
    writer.finish()


def capture_bulk(
    session: OrmSession,
    action: str,
    table: str,
    ids: Iterable[int | str],
    fields: Iterable[str] | None = None,
) -> None:
    """Rows written by bulk SQL: created or updated rows are read back, deletes are purges."""
    if session.info.get(SKIP) or not is_shared(table):
        return
    conn = session.connection()
    ctx = _context(session, conn)
    wanted = [_lid(i) for i in ids]
    if "*" in wanted:
        if ctx.on:
            raise UnsharedBulkChange(
                f"a bulk change of {table} did not say which rows: name the ids in note_change"
            )
        return
    info = table_info(table)
    if action == "create" and not ctx.on and table not in NATURAL_KEYS:
        map_in_sql(conn, info, ids if isinstance(ids, range) else wanted)
        return
    writer = _Writer(session, conn, ctx)
    if action != "create":
        writer.prefetch_own(table, wanted)
    if action == "delete":
        for lid in wanted:
            writer.deleted(info, lid, None)
    else:
        rows = read_rows(conn, info, wanted)
        if ctx.on:
            writer.prefetch(info, rows.values())
        names = None if fields is None else set(fields)
        for lid in wanted:
            values = rows.get(lid)
            if values is None:
                continue
            if action == "create":
                writer.created(info, lid, values)
            else:
                picked = values if names is None else {k: values[k] for k in names}
                picked.pop(info.key, None)
                writer.updated(info, lid, picked)
    writer.finish()


def log_resolution(session: OrmSession, key: str, detail: dict[str, Any]) -> None:
    """A person settled a conflict that is not a text's versions: every laptop marks it."""
    conn = session.connection()
    ctx = _context(session, conn)
    if not ctx.on:
        return
    stamp = next_stamp(conn, ctx.device)
    change = {"t": "shareconflict", "g": key, "o": "res", "s": stamp, "f": detail}
    append_log(session, conn, ctx, stamp, [change])
