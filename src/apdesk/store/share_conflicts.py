"""Conflicts other than a text's versions, kept so every laptop reads the same list.

A row per conflict key. `gid` empty means "not a conflict now" (the row only keeps what people
resolved). Whether a conflict is settled is worked out, not remembered: a resolution covers
a delete conflict if it saw the latest delete (by stamp), and an attendance check if it saw
every mark involved. So resolutions and detections may arrive in any order and every laptop
still agrees.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, insert, select, update
from sqlmodel import SQLModel


def _table() -> Table:
    return SQLModel.metadata.tables["shareconflict"]


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def covered(resolution: dict[str, Any], detail: dict[str, Any]) -> bool:
    """Whether what a person resolved covers the conflict as it stands."""
    if not resolution:
        return False
    if "marks" in detail:
        return set(detail["marks"]) <= set(resolution.get("marks") or [])
    if "stamp" in detail:
        return str(resolution.get("stamp", "")) >= str(detail["stamp"])
    return True


def _row(conn: Connection, key: str) -> RowMapping | None:
    table = _table()
    return conn.execute(select(table).where(table.c.key == key)).mappings().first()


def put(
    conn: Connection, key: str, gid: str, tbl: str, kind: str, detail: dict[str, Any], opened: str
) -> bool:
    """Record the conflict as it stands now; True if it is newly open."""
    table = _table()
    row = _row(conn, key)
    if row is None:
        conn.execute(
            insert(table).values(
                key=key, gid=gid, tbl=tbl, kind=kind, detail=_dumps(detail), opened=opened,
                resolved=False, resolution="",
            )
        )  # fmt: skip
        return True
    resolution = json.loads(row["resolution"] or "{}")
    was_open = bool(row["gid"]) and not row["resolved"]
    settled = covered(resolution, detail)
    conn.execute(
        update(table)
        .where(table.c.key == key)
        .values(gid=gid, tbl=tbl, kind=kind, detail=_dumps(detail), opened=opened, resolved=settled)
    )
    return not settled and not was_open


def stand_down(conn: Connection, key: str) -> None:
    """No conflict any more (what people resolved is kept)."""
    table = _table()
    conn.execute(update(table).where(table.c.key == key).values(gid="", detail=""))


def resolve(conn: Connection, key: str, detail: dict[str, Any]) -> None:
    """A person's resolution, merged with any before it (the same whatever the order)."""
    table = _table()
    row = _row(conn, key)
    before = json.loads(row["resolution"] or "{}") if row is not None else {}
    merged = dict(before)
    merged.update({k: v for k, v in detail.items() if k not in ("marks", "stamp")})
    if "marks" in detail or "marks" in before:
        merged["marks"] = sorted(set(before.get("marks") or []) | set(detail.get("marks") or []))
    if "stamp" in detail or "stamp" in before:
        merged["stamp"] = max(str(before.get("stamp", "")), str(detail.get("stamp", "")))
    if row is None:
        conn.execute(
            insert(table).values(
                key=key, gid="", tbl="", kind="", detail="", opened="", resolved=True,
                resolution=_dumps(merged),
            )
        )  # fmt: skip
        return
    current = json.loads(row["detail"] or "{}")
    conn.execute(
        update(table)
        .where(table.c.key == key)
        .values(resolution=_dumps(merged), resolved=covered(merged, current))
    )


def open_delete(conn: Connection, gid: str, tbl: str, latest: str) -> bool:
    """A delete that had not seen every version, or whose record is in use: one conflict per
    record, naming the latest delete of it received anywhere (`RowMeta.latest_delete`)."""
    return put(conn, f"delete:{gid}", gid, tbl, "delete", {"stamp": latest}, latest)


def close_delete(conn: Connection, gid: str) -> None:
    """Deleted by a delete that had seen every version: the delete conflict is over."""
    stand_down(conn, f"delete:{gid}")
