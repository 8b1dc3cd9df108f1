"""The merge rules: another laptop's changes applied here, the same way on every laptop.

- Structured fields: the change with the latest stamp wins (hybrid logical clock, then the
  device id), whatever order the changes arrive in.
- Long text: each version names the versions it had seen; those it replaces, the others stay
  beside it. Two or more different texts are a conflict: the latest is shown, all are kept in
  `sharetext` until a person picks one, the other, or an edited merge (an edit that has seen
  them all).
- Whole-row tables (the outbox): a delivered pack stays delivered; otherwise latest wins.
- A delete that had not seen every version of the row (an edit it did not know of) or whose row
  is still referred to does not delete: the row stays and a conflict says so. A row already
  deleted here comes back (with the rows it refers to) when such an edit arrives later. A purge
  (retention) deletes whatever happened: its values must go.
- Attendance: see `chains`.

Nothing here is logged as this laptop's change; each applied change writes an audit row that
names the laptop it came from.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import SQLModel

from apdesk.models.kinds import Kind
from apdesk.models.sharing import WHOLE_ROW
from apdesk.share import rows
from apdesk.store import share_chains, share_conflicts
from apdesk.store.audit import AuditRow
from apdesk.store.changes import collector_of
from apdesk.store.share_rows import (
    RowMeta,
    TableInfo,
    decode,
    encode,
    in_conflict,
    is_shared,
    leaf_stamps,
    leaves,
    metas_by_gid,
    metas_by_lid,
    next_leaves,
    save_metas,
    set_leaves,
    table_info,
    winner,
)

log = logging.getLogger(__name__)
SUMMARY_OVER = 200  # more changes of one table than this in a batch: one audit row for them


@dataclass
class MergeReport:
    applied: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0


class Merger:
    """Applies changes in the order given, in the caller's transaction."""

    def __init__(self, session: OrmSession, baseline: str, source: str) -> None:
        self.session = session
        self.conn = session.connection()
        self.baseline = baseline
        self.source = source  # "anna on Office laptop": who the audit rows name
        self.report = MergeReport()
        self.marks: set[str] = set()  # attendance marks whose session may need a chain
        self.audit: list[AuditRow] = []
        self._by_table: Counter[str] = Counter()

    # -- entry ---------------------------------------------------------------------------------
    def apply(self, change: dict[str, Any]) -> None:
        op = change.get("o")
        if op == "res":
            self.resolve(str(change["g"]), dict(change.get("f") or {}))
            return
        if not is_shared(str(change.get("t"))):
            return  # a table this version does not share (the schema gate keeps this rare)
        info = table_info(str(change["t"]))
        if op == "put":
            self.put(info, change)
        elif op == "del":
            self.delete(info, change)

    def finish(self) -> MergeReport:
        self.report.conflicts += share_chains.relink(self.conn, self.marks, self.baseline)
        if self.marks:
            self.collect(Kind.SHARE_CONFLICT, "attendance")
        from apdesk.store.audit import append

        append(self.session, self._audit_rows())
        return self.report

    # -- references ----------------------------------------------------------------------------
    def meta(self, gid: str) -> RowMeta | None:
        return metas_by_gid(self.conn, [gid]).get(gid)

    def local_values(self, info: TableInfo, fields: dict[str, Any]) -> dict[str, Any]:
        """Wire values to column values: references to local ids (reviving deleted ones)."""
        out: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in info.table.c:
                continue
            if name in info.refs and value is not None:
                nullable = bool(info.table.c[name].nullable)
                out[name] = self.local_ref(info.refs[name], str(value), nullable)
                if out[name] is None and not nullable:
                    raise LookupError(f"{info.name}.{name} refers to a record never received")
            else:
                out[name] = decode(info, name, value)
        return out

    def local_ref(self, table: str, gid: str, nullable: bool) -> Any:
        meta = self.meta(gid)
        if meta is None:
            return None
        if meta.dead:
            if meta.tomb is None:
                return None
            self.resurrect(table_info(table), meta)
        assert meta.lid is not None
        return rows.key_value(table_info(table), meta.lid)

    def wire_values(self, info: TableInfo, values: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in values.items():
            if name == info.key and info.key not in info.refs and _int_key(info):
                continue
            if name in info.refs and value is not None:
                found = metas_by_lid(self.conn, info.refs[name], [str(value)]).get(str(value))
                out[name] = found.gid if found else None
            else:
                out[name] = encode(value)
        return out

    # -- put -----------------------------------------------------------------------------------
    def put(self, info: TableInfo, change: dict[str, Any]) -> None:
        gid, stamp = str(change["g"]), str(change["s"])
        fields: dict[str, Any] = dict(change.get("f") or {})
        meta = self.meta(gid)
        if meta is None:
            self.insert_new(info, gid, stamp, fields)
            return
        if meta.dead:
            if meta.tomb is None:
                return  # purged: nothing comes back
            values = dict(meta.tomb.get("v") or {})
            self.merge_fields(info, meta, change, values)
            meta.tomb["v"] = values
            seen = set(meta.tomb.get("seen") or [])
            if not meta.versions(self.baseline, leaf_stamps(self.conn, gid)) <= seen:
                self.resurrect(info, meta)
            save_metas(self.conn, [meta])
            return
        assert meta.lid is not None
        current = rows.read_row(self.conn, info, meta.lid) or {}
        wire_now = {k: encode(current.get(k)) for k in fields}
        for name in info.refs.keys() & fields.keys():
            wire_now[name] = self.wire_values(info, {name: current.get(name)})[name]
        merged = dict(wire_now)
        self.merge_fields(info, meta, change, merged)
        changed = {k: v for k, v in merged.items() if v != wire_now.get(k)}
        if changed:
            rows.update_row(self.conn, info, meta.lid, self.local_values(info, changed))
            self.note(info, "update", meta.lid, changed)
        if info.name == "attendancemark":
            self.marks.add(meta.lid)
        save_metas(self.conn, [meta])

    def merge_fields(
        self, info: TableInfo, meta: RowMeta, change: dict[str, Any], values: dict[str, Any]
    ) -> None:
        """Merge a put's fields into `values` (wire form) and the row's stamps."""
        stamp = str(change["s"])
        fields: dict[str, Any] = dict(change.get("f") or {})
        parents: dict[str, list[str]] = dict(change.get("p") or {})
        if info.name in WHOLE_ROW:
            self._merge_whole(info, meta, stamp, fields, values)
            return
        for name, value in fields.items():
            if name not in info.table.c:
                continue
            if name in info.text:
                before = leaves(self.conn, meta.gid, name) or [
                    (meta.field_stamp(name, self.baseline), str(values.get(name) or ""))
                ]
                after = next_leaves(before, parents.get(name, []), stamp, str(value or ""))
                set_leaves(self.conn, meta.gid, name, after)
                win_stamp, win_value = winner(after)
                values[name] = win_value
                meta.fstamps[name] = win_stamp
                if in_conflict(after) and not in_conflict(before):
                    self.report.conflicts += 1
                    self.collect(Kind.SHARE_TEXT, meta.gid)
            elif stamp > meta.field_stamp(name, self.baseline):
                values[name] = value
                meta.written(name, stamp)

    def _merge_whole(
        self, info: TableInfo, meta: RowMeta, stamp: str, fields: dict[str, Any],
        values: dict[str, Any],
    ) -> None:  # fmt: skip
        rank_field, rank_value, _fixed = WHOLE_ROW[info.name]
        current_stamp = max(
            [meta.stamp or self.baseline]
            + [v for k, v in meta.fstamps.items() if not k.startswith("~")]
        )
        current_rank = values.get(rank_field) == rank_value
        incoming_rank = fields.get(rank_field, values.get(rank_field)) == rank_value
        if (incoming_rank, stamp) > (current_rank, current_stamp):
            values.update(fields)
            for name in fields:
                meta.written(name, stamp)

    def insert_new(self, info: TableInfo, gid: str, stamp: str, fields: dict[str, Any]) -> None:
        savepoint = self.conn.begin_nested()
        try:
            lid = rows.insert_row(self.conn, info, self.local_values(info, fields))
            savepoint.commit()
        except (IntegrityError, LookupError) as exc:
            savepoint.rollback()
            if share_conflicts.put(
                self.conn, f"unique:{gid}", gid, info.name, "unique", {"stamp": stamp}, stamp
            ):
                self.report.conflicts += 1
            self.collect(Kind.SHARE_CONFLICT, gid)
            log.info("a shared %s could not be added here: %s", info.name, _why(exc))
            meta = RowMeta(gid, info.name, None, stamp=stamp, dead=True, new=True)
            meta.tomb = {"v": fields, "seen": [], "ds": ""}
            save_metas(self.conn, [meta])
            return
        save_metas(self.conn, [RowMeta(gid, info.name, lid, stamp=stamp, new=True)])
        self.note(info, "create", lid, fields)
        if info.name == "attendancemark":
            self.marks.add(lid)

    # -- delete --------------------------------------------------------------------------------
    def delete(self, info: TableInfo, change: dict[str, Any]) -> None:
        gid, stamp = str(change["g"]), str(change["s"])
        meta = self.meta(gid)
        if meta is None:
            return
        if change.get("x"):
            self.purge(info, meta)
            return
        seen = {str(s) for s in change.get("seen") or []}
        latest = meta.note_delete(stamp)
        if meta.dead:
            if meta.tomb is not None:  # deleted on two laptops: the tombstone holds both
                meta.tomb["seen"] = sorted(seen | set(meta.tomb.get("seen") or []))
                meta.tomb["ds"] = max(stamp, str(meta.tomb.get("ds", "")))
            save_metas(self.conn, [meta])
            return
        assert meta.lid is not None
        edited = not meta.versions(self.baseline, leaf_stamps(self.conn, gid)) <= seen
        in_use = bool(rows.referring_rows(self.conn, info, meta.lid))
        if edited or in_use:
            # One conflict per record, its detail the same whichever way this laptop learnt
            # of it (edit first or delete first): conflicts read the same on every laptop.
            save_metas(self.conn, [meta])
            if share_conflicts.open_delete(self.conn, gid, info.name, latest):
                self.report.conflicts += 1
            self.collect(Kind.SHARE_CONFLICT, gid)
            return
        values = rows.read_row(self.conn, info, meta.lid) or {}
        meta.tomb = {"v": self.wire_values(info, values), "seen": sorted(seen), "ds": stamp}
        rows.delete_row(self.conn, info, meta.lid)
        self.note(info, "delete", meta.lid, None)
        meta.dead, meta.lid = True, None
        save_metas(self.conn, [meta])
        share_conflicts.close_delete(self.conn, gid)
        self.collect(Kind.SHARE_CONFLICT, gid)

    def purge(self, info: TableInfo, meta: RowMeta) -> None:
        """Retention's delete: the row, whatever refers to it, their tombstones and versions."""
        if not meta.dead and meta.lid is not None:
            for child, lid in rows.referring_rows(self.conn, info, meta.lid):
                found = metas_by_lid(self.conn, child.name, [lid]).get(lid)
                if found is not None:
                    self.purge(child, found)
                else:
                    rows.delete_row(self.conn, child, lid)
            rows.delete_row(self.conn, info, meta.lid)
            self.note(info, "delete", meta.lid, None)
        for name in ("sharetext", "shareconflict"):
            table = SQLModel.metadata.tables[name]
            self.conn.execute(delete(table).where(table.c.gid == meta.gid))
        meta.dead, meta.lid, meta.tomb = True, None, None
        save_metas(self.conn, [meta])

    def resurrect(self, info: TableInfo, meta: RowMeta) -> None:
        """A deleted row comes back: an edit its delete had not seen arrived."""
        tomb = meta.tomb or {}
        values = self.local_values(info, dict(tomb.get("v") or {}))
        meta.lid = rows.insert_row(self.conn, info, values)
        meta.dead = False
        latest = meta.note_delete(str(tomb.get("ds", "")))
        meta.tomb = None
        save_metas(self.conn, [meta])
        if share_conflicts.open_delete(self.conn, meta.gid, info.name, latest):
            self.report.conflicts += 1
        self.collect(Kind.SHARE_CONFLICT, meta.gid)
        self.note(info, "create", meta.lid, dict(tomb.get("v") or {}))

    # -- conflicts -----------------------------------------------------------------------------
    def resolve(self, key: str, detail: dict[str, Any]) -> None:
        share_conflicts.resolve(self.conn, key, detail)
        self.collect(Kind.SHARE_CONFLICT, key)

    # -- bookkeeping ---------------------------------------------------------------------------
    def collect(self, kind: Kind, ident: str | int) -> None:
        collector = collector_of(self.session)
        if collector is not None:
            collector.add("update", kind, [ident])

    def note(self, info: TableInfo, action: str, lid: str, after: dict[str, Any] | None) -> None:
        self.report.applied[info.name] += 1
        self._by_table[info.name] += 1
        collector = collector_of(self.session)
        if collector is not None:
            ident: int | str = int(lid) if lid.isdigit() else lid
            collector.add(action, Kind(info.name), [ident])  # type: ignore[arg-type]
        self.audit.append(AuditRow(self.source, action, info.name, lid, None, after))

    def _audit_rows(self) -> list[AuditRow]:
        big = {t for t, n in self._by_table.items() if n > SUMMARY_OVER}
        out = [row for row in self.audit if row.entity not in big]
        for table in sorted(big):
            out.append(
                AuditRow(
                    self.source, "merge", table, "",
                    None, {"rows": self._by_table[table], "note": "changes from another laptop"},
                )
            )  # fmt: skip
        return out


def _int_key(info: TableInfo) -> bool:
    return info.table.c[info.key].type.python_type is int


def _why(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc))
    return text.splitlines()[0][:200] if text else type(exc).__name__
