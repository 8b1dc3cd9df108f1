"""A whole shared record in one sealed blob: how a laptop joins without replaying history.

Rows travel as SQLite stores them (text dates, JSON lists) with their local ids, so the joining
laptop, whose store is new and empty, takes them with one executemany per table and no id
translation; with them go the global ids, stamps, tombstones, open text versions and conflicts,
the baseline stamp, and how far each laptop's changes are included (so none applies twice).
The school's signing key travels too (inside the seal): packs from any laptop are the school's.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, LargeBinary, func, select

from apdesk.models.sharing import SECRET_SETTINGS, SHARE_TABLES
from apdesk.share import state as share_state
from apdesk.store import hlc
from apdesk.store.share_rows import UUID4_SQL, registry, state_get, state_set

FORMAT = 1
META_TABLES = ("sharerow", "sharetext", "shareconflict")


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _binary_columns(table: str) -> list[str]:
    info = registry().get(table)
    if info is None:
        return []
    return [c.name for c in info.table.columns if isinstance(c.type, LargeBinary)]


def map_unmapped(conn: Connection) -> int:
    """Global ids for rows written by raw SQL that never got one (a bulk load, say)."""
    added = 0
    for name, info in registry().items():
        result = conn.exec_driver_sql(
            f"INSERT INTO sharerow (gid, tbl, lid, dead) SELECT {UUID4_SQL}, '{name}', "
            f'CAST(t."{info.key}" AS TEXT), 0 FROM "{name}" AS t WHERE NOT EXISTS '
            f"(SELECT 1 FROM sharerow AS s WHERE s.tbl = '{name}' "
            f'AND s.lid = CAST(t."{info.key}" AS TEXT)) ORDER BY 1'
        )  # in global-id order: the key's index grows at its end
        added += int(result.rowcount or 0)
    return added


def own_last_seq(conn: Connection) -> int:
    from sqlmodel import SQLModel

    log = SQLModel.metadata.tables["sharelog"]
    logged = conn.execute(select(func.max(log.c.seq))).scalar() or 0
    pushed = int(state_get(conn, "pushed_seq").get("pushed_seq", "0"))
    return max(int(logged), pushed)


def build(conn: Connection, signing_key: str | None) -> dict[str, Any]:
    """The snapshot's plaintext, read in the caller's (write) transaction."""
    map_unmapped(conn)
    cfg = share_state.load(conn)
    tables: dict[str, Any] = {}
    for name in [*registry(), *META_TABLES]:
        columns = _columns(conn, name)
        binary = {columns.index(c) for c in _binary_columns(name)}
        rows = []
        for row in conn.exec_driver_sql(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{name}"'
        ):
            values = list(row)
            if name == "setting" and values[columns.index("key")] in SECRET_SETTINGS:
                continue
            for i in binary:
                if values[i] is not None:
                    values[i] = base64.b64encode(bytes(values[i])).decode("ascii")
            rows.append(values)
        tables[name] = {"columns": columns, "binary": sorted(binary), "rows": rows}
    vector = dict(cfg.vector)
    vector[cfg.device] = own_last_seq(conn)
    return {
        "format": FORMAT,
        "school": cfg.school,
        "baseline": cfg.baseline,
        "vector": vector,
        "pulled": cfg.pulled,
        "clock": state_get(conn, "clock").get("clock", hlc.ZERO),
        "tables": tables,
        "secrets": {"school_signing_key": signing_key} if signing_key else {},
    }


@dataclass(frozen=True)
class Loaded:
    rows: int
    tables: int


def load(conn: Connection, data: dict[str, Any], hub_seq: int) -> Loaded:
    """Replace this (new, empty) store's shared rows with the snapshot's, in one transaction."""
    if data.get("format") != FORMAT:
        raise ValueError("this snapshot was made by a newer apdesk: update apdesk first")
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    names = [n for n in data["tables"] if n in registry() or n in SHARE_TABLES]
    for name in reversed([*registry()]):
        conn.exec_driver_sql(f'DELETE FROM "{name}"')
    for name in META_TABLES:
        conn.exec_driver_sql(f'DELETE FROM "{name}"')
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    total = 0
    # The standard bulk-load order for the big tables: rows first, then their indexes built
    # once, sorted (random inserts into several indexes cost most of a join otherwise).
    indexes = cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('attendancemark', 'sharerow')"
    ).fetchall()
    cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
    cursor.execute("PRAGMA cache_size = -131072")
    for index_name, _sql in indexes:
        cursor.execute(f'DROP INDEX "{index_name}"')
    try:
        for name in names:
            part = data["tables"][name]
            columns = [c for c in part["columns"]]
            known = set(_columns(conn, name))
            keep = [i for i, c in enumerate(columns) if c in known]
            binary = set(part.get("binary") or [])
            rows = part["rows"]
            if binary:
                for values in rows:
                    for i in binary:
                        if values[i] is not None:
                            values[i] = base64.b64decode(values[i])
            if len(keep) != len(columns):
                rows = [[values[i] for i in keep] for values in rows]
                columns = [columns[i] for i in keep]
            if name == "sharerow":
                at = columns.index("gid")
                rows.sort(key=lambda values: values[at])  # by global id: the key's own order
            if rows:
                quoted = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(f'INSERT INTO "{name}" ({quoted}) VALUES ({marks})', rows)
                total += len(rows)
        for _name, index_sql in indexes:
            cursor.execute(index_sql)
        cursor.execute(f"PRAGMA cache_size = {int(cache)}")
    finally:
        cursor.close()
    clock = max(state_get(conn, "clock").get("clock", hlc.ZERO), str(data.get("clock", hlc.ZERO)))
    state_set(conn, {"baseline": str(data["baseline"]), "clock": clock})
    share_state.save_progress(conn, hub_seq, {k: int(v) for k, v in data["vector"].items()})
    secret = (data.get("secrets") or {}).get("school_signing_key")
    if secret:
        from sqlmodel import SQLModel

        settings = SQLModel.metadata.tables["setting"]
        conn.execute(settings.delete().where(settings.c.key == "school_signing_key"))
        conn.execute(settings.insert().values(key="school_signing_key", value=str(secret)))
    return Loaded(total, len(names))
