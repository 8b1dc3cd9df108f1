"""What the change log and the merge need to know about shared tables and their rows.

The registry says, per shared table, its key column, its references and its long-text fields.
Values travel as JSON (dates as ISO text, bytes as base64) and come back by column type.
`RowMeta` is one `sharerow`: a row's global id, local id, and the stamps that decide merges.
Everything here works on a Core connection: sharing's own tables are never written through the
ORM, so the audit log never holds a copy of a key or of a merge's bookkeeping.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, DateTime, LargeBinary, Table, Time, delete, insert, select
from sqlalchemy import update as sql_update
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

import apdesk.models  # noqa: F401  (registers every table)
from apdesk.models.sharing import LOCAL_TABLES, TEXT_FIELDS

CHUNK = 5000  # ids per IN (...) list: well under SQLite's limit on bound values
MARK = "~"  # fstamps keys that are bookkeeping, not a field's stamp
LATEST_DELETE = "~delete"
UUID4_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)
"""A version 4 UUID made by SQLite: global ids for many rows in one statement."""


@dataclass(frozen=True)
class TableInfo:
    name: str
    table: Table
    key: str  # the one primary-key column
    refs: Mapping[str, str]  # column -> the table it refers to
    text: frozenset[str]  # long-text fields (merged with conflicts kept)
    order: int  # parents before children


@cache
def registry() -> dict[str, TableInfo]:
    """Every shared table: all but the audit log and sharing's own tables."""
    found: dict[str, TableInfo] = {}
    for order, table in enumerate(SQLModel.metadata.sorted_tables):
        if table.name in LOCAL_TABLES or len(table.primary_key.columns) != 1:
            continue
        refs = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
        key = next(iter(table.primary_key.columns)).name
        text = TEXT_FIELDS.get(table.name, frozenset())
        found[table.name] = TableInfo(table.name, table, key, refs, text, order)
    return found


def is_shared(table: str) -> bool:
    return table in registry()


def table_info(table: str) -> TableInfo:
    return registry()[table]


def children_of(table: str) -> list[tuple[TableInfo, str]]:
    """(child table, column) for every reference to `table`."""
    return [
        (info, col) for info in registry().values() for col, to in info.refs.items() if to == table
    ]


# -- values ------------------------------------------------------------------------------------
def encode(value: Any) -> Any:
    """A column value as JSON: ISO dates, base64 bytes, enums by value."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return str(value)


def _base_type(column_type: Any) -> Any:
    """The plain SQL type under any TypeDecorator (enums, aware datetimes...)."""
    while isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return column_type


def decode(info: TableInfo, name: str, value: Any) -> Any:
    """Back from JSON to what the column's type takes (aware UTC datetimes, dates, bytes)."""
    if value is None:
        return None
    column_type = _base_type(info.table.c[name].type)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value)
    if isinstance(column_type, DateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Time):
        return time.fromisoformat(value)
    return value


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# -- state -------------------------------------------------------------------------------------
def _state_table() -> Table:
    return SQLModel.metadata.tables["sharestate"]


def state_get(conn: Connection, *keys: str) -> dict[str, str]:
    table = _state_table()
    rows = conn.execute(select(table.c.key, table.c.value).where(table.c.key.in_(keys))).all()
    return {str(k): str(v) for k, v in rows}


def state_all(conn: Connection) -> dict[str, str]:
    table = _state_table()
    return {str(k): str(v) for k, v in conn.execute(select(table.c.key, table.c.value)).all()}


def state_set(conn: Connection, values: Mapping[str, str | None]) -> None:
    """Write (or, for None, remove) sharing facts without an audit row."""
    table = _state_table()
    for key, value in values.items():
        conn.execute(delete(table).where(table.c.key == key))
        if value is not None:
            conn.execute(insert(table).values(key=key, value=value))


# -- row metadata ------------------------------------------------------------------------------
@dataclass
class RowMeta:
    gid: str
    tbl: str
    lid: str | None
    stamp: str | None = None
    fstamps: dict[str, str] = field(default_factory=dict)
    dead: bool = False
    tomb: dict[str, Any] | None = None
    new: bool = False  # not yet in sharerow

    def field_stamp(self, name: str, baseline: str) -> str:
        return self.fstamps.get(name) or self.stamp or baseline

    def versions(self, baseline: str, leaves: Iterable[str] = ()) -> set[str]:
        """Every stamp this row's current state is made of: what a delete must have seen."""
        own = (v for k, v in self.fstamps.items() if not k.startswith(MARK))
        return {self.stamp or baseline, *own, *leaves}

    # Bookkeeping beside the field stamps, under keys no column has ("~...").
    def note_delete(self, stamp: str) -> str:
        """Remember the latest delete of this row received; returns it."""
        latest = max(stamp, self.fstamps.get(LATEST_DELETE, ""))
        self.fstamps[LATEST_DELETE] = latest
        return latest

    def derived(self, name: str) -> bool:
        """Whether `name` holds a value the merge worked out (not one anybody wrote)."""
        return self.fstamps.get(MARK + name) == "derived"

    def set_derived(self, name: str, derived: bool) -> None:
        if derived:
            self.fstamps[MARK + name] = "derived"
        else:
            self.fstamps.pop(MARK + name, None)

    def written(self, name: str, stamp: str) -> None:
        """Somebody wrote `name` at `stamp`."""
        self.fstamps[name] = stamp
        self.fstamps.pop(MARK + name, None)


def _row_table() -> Table:
    return SQLModel.metadata.tables["sharerow"]


def _meta(row: Any) -> RowMeta:
    return RowMeta(
        gid=str(row.gid),
        tbl=str(row.tbl),
        lid=None if row.lid is None else str(row.lid),
        stamp=row.stamp,
        fstamps=json.loads(row.fstamps) if row.fstamps else {},
        dead=bool(row.dead),
        tomb=json.loads(row.tomb) if row.tomb else None,
    )


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def metas_by_gid(conn: Connection, gids: Iterable[str]) -> dict[str, RowMeta]:
    table = _row_table()
    found: dict[str, RowMeta] = {}
    for part in _chunks(sorted(set(gids))):
        for row in conn.execute(select(table).where(table.c.gid.in_(part))):
            found[str(row.gid)] = _meta(row)
    return found


def metas_by_lid(conn: Connection, tbl: str, lids: Iterable[str]) -> dict[str, RowMeta]:
    table = _row_table()
    found: dict[str, RowMeta] = {}
    for part in _chunks(sorted(set(lids))):
        query = select(table).where(table.c.tbl == tbl, table.c.lid.in_(part))
        for row in conn.execute(query):
            found[str(row.lid)] = _meta(row)
    return found


def save_metas(conn: Connection, metas: Iterable[RowMeta]) -> None:
    """Insert the new ones and update the rest (two executemany statements)."""
    table = _row_table()
    fresh: list[dict[str, Any]] = []
    known: list[dict[str, Any]] = []
    for meta in metas:
        values = {
            "gid": meta.gid,
            "tbl": meta.tbl,
            "lid": meta.lid,
            "stamp": meta.stamp,
            "fstamps": dumps(meta.fstamps) if meta.fstamps else None,
            "dead": meta.dead,
            "tomb": dumps(meta.tomb) if meta.tomb is not None else None,
        }
        (fresh if meta.new else known).append(values)
        meta.new = False
    if fresh:
        conn.execute(insert(table), fresh)
    if known:
        from sqlalchemy import bindparam

        conn.execute(
            sql_update(table)
            .where(table.c.gid == bindparam("b_gid"))
            .values(
                lid=bindparam("lid"),
                stamp=bindparam("stamp"),
                fstamps=bindparam("fstamps"),
                dead=bindparam("dead"),
                tomb=bindparam("tomb"),
            ),
            [{**v, "b_gid": v["gid"]} for v in known],
        )


def drop_metas(conn: Connection, tbl: str, lids: Iterable[str]) -> None:
    table = _row_table()
    for part in _chunks(sorted(set(lids))):
        conn.execute(delete(table).where(table.c.tbl == tbl, table.c.lid.in_(part)))


# -- text versions -----------------------------------------------------------------------------
def _text_table() -> Table:
    return SQLModel.metadata.tables["sharetext"]


def leaves(conn: Connection, gid: str, name: str) -> list[tuple[str, str]]:
    """The competing versions (stamp, value) of one long text, if it is in conflict."""
    table = _text_table()
    query = (
        select(table.c.stamp, table.c.value)
        .where(table.c.gid == gid, table.c.field == name)
        .order_by(table.c.stamp)
    )
    return [(str(s), str(v)) for s, v in conn.execute(query).all()]


def leaf_stamps(conn: Connection, gid: str) -> list[str]:
    table = _text_table()
    return [str(s) for s in conn.execute(select(table.c.stamp).where(table.c.gid == gid)).scalars()]


def set_leaves(conn: Connection, gid: str, name: str, versions: list[tuple[str, str]]) -> None:
    """Keep `versions` as the text's current versions (none kept for a single version)."""
    table = _text_table()
    conn.execute(delete(table).where(table.c.gid == gid, table.c.field == name))
    if len(versions) > 1:
        conn.execute(
            insert(table),
            [{"gid": gid, "field": name, "stamp": s, "value": v} for s, v in versions],
        )


def next_leaves(
    current: list[tuple[str, str]], parents: Iterable[str], stamp: str, value: str
) -> list[tuple[str, str]]:
    """The versions after an edit `stamp` that had seen `parents`; the same on every laptop.

    Versions the edit had seen are replaced by it; versions it had not seen stay beside it,
    whatever order the laptops learn of them in (the result depends only on which versions
    exist and which each one had seen)."""
    seen = set(parents)
    kept = [(s, v) for s, v in current if s not in seen and s != stamp]
    if stamp not in seen:
        kept.append((stamp, value))
    return sorted(kept)


def in_conflict(versions: list[tuple[str, str]]) -> bool:
    """Two or more different texts: the same words typed twice are no conflict."""
    return len({value for _stamp, value in versions}) > 1


def winner(versions: list[tuple[str, str]]) -> tuple[str, str]:
    """The version shown (and exported): the latest by the clock."""
    return max(versions)


# -- rows by local id ------------------------------------------------------------------------
def read_rows(conn: Connection, info: TableInfo, lids: Sequence[str]) -> dict[str, dict[str, Any]]:
    key = info.table.c[info.key]
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(lids), CHUNK):
        part = list(lids[start : start + CHUNK])
        typed: list[Any] = [int(v) for v in part] if int_key(info) else part
        for row in conn.execute(select(info.table).where(key.in_(typed))).mappings():
            found[str(row[info.key])] = dict(row)
    return found


def int_key(info: TableInfo) -> bool:
    return info.table.c[info.key].type.python_type is int


def map_in_sql(conn: Connection, info: TableInfo, ids: range | list[str]) -> None:
    """Global ids for many new rows in one statement (nothing is logged while not sharing)."""
    from sqlalchemy import text

    column = f't."{info.key}"'
    insert_sql = (
        f"INSERT INTO sharerow (gid, tbl, lid, dead) SELECT {UUID4_SQL}, '{info.name}', "
        f'CAST({column} AS TEXT), 0 FROM "{info.name}" AS t WHERE '
    )
    if isinstance(ids, range) and ids.step == 1:
        if len(ids):
            conn.execute(
                text(insert_sql + f"{column} BETWEEN :a AND :b ORDER BY 1"),
                {"a": ids[0], "b": ids[-1]},
            )
        return
    for start in range(0, len(ids), CHUNK):
        part = list(ids[start : start + CHUNK])
        values: list[Any] = [int(str(v)) for v in part] if int_key(info) else part
        marks = ", ".join(f":v{n}" for n in range(len(values)))
        conn.execute(
            text(insert_sql + f"{column} IN ({marks})"),
            {f"v{n}": v for n, v in enumerate(values)},
        )
