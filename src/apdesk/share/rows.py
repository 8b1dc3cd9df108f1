"""Reading and writing one shared table's rows by local id, with Core statements.

The merge writes through these (never the ORM), so what another laptop changed is not logged
again as this laptop's change, and the audit rows it writes name the laptop it came from.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from apdesk.store.share_rows import TableInfo, children_of


def key_value(info: TableInfo, lid: str) -> Any:
    column = info.table.c[info.key]
    return int(lid) if column.type.python_type is int else lid


def read_row(conn: Connection, info: TableInfo, lid: str) -> dict[str, Any] | None:
    column = info.table.c[info.key]
    row = conn.execute(select(info.table).where(column == key_value(info, lid))).mappings().first()
    return None if row is None else dict(row)


def insert_row(conn: Connection, info: TableInfo, values: dict[str, Any]) -> str:
    """Insert; an integer key is given by SQLite. Returns the new row's local id as text."""
    values = {k: v for k, v in values.items() if k in info.table.c}
    column = info.table.c[info.key]
    if column.type.python_type is int and info.key not in info.refs:
        values.pop(info.key, None)
    result = conn.execute(insert(info.table).values(**values))
    if info.key in values:
        return str(values[info.key])
    inserted = result.inserted_primary_key
    assert inserted is not None
    return str(inserted[0])


def update_row(conn: Connection, info: TableInfo, lid: str, values: dict[str, Any]) -> None:
    values = {k: v for k, v in values.items() if k in info.table.c and k != info.key}
    if values:
        column = info.table.c[info.key]
        conn.execute(update(info.table).where(column == key_value(info, lid)).values(**values))


def delete_row(conn: Connection, info: TableInfo, lid: str) -> None:
    column = info.table.c[info.key]
    conn.execute(delete(info.table).where(column == key_value(info, lid)))


def referring_rows(conn: Connection, info: TableInfo, lid: str) -> list[tuple[TableInfo, str]]:
    """Rows that refer to this one (a delete must wait for them)."""
    found: list[tuple[TableInfo, str]] = []
    target = key_value(info, lid)
    for child, column in children_of(info.name):
        key = child.table.c[child.key]
        query = select(key).where(child.table.c[column] == target)
        if child is info:
            query = query.where(key != target)
        found.extend((child, str(value)) for value in conn.execute(query).scalars())
    return found
