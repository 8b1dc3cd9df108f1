"""The shared record as every laptop must hold it: by global id, with no local ids.

Two laptops in step produce equal exports: each table's rows keyed by global id, references
as global ids, the long texts' open versions and the open conflicts. Secrets stay out.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, SQLModel

from apdesk.models.sharing import SECRET_SETTINGS
from apdesk.store.share_rows import encode, registry


def canonical(session: Session) -> dict[str, Any]:
    conn = session.connection()
    rows_table = SQLModel.metadata.tables["sharerow"]
    gids: dict[tuple[str, str], str] = {
        (str(t), str(lid)): str(g)
        for g, t, lid in conn.execute(
            select(rows_table.c.gid, rows_table.c.tbl, rows_table.c.lid).where(
                rows_table.c.dead.is_(False)
            )
        )
    }
    out: dict[str, Any] = {}
    for name, info in registry().items():
        table: dict[str, Any] = {}
        for row in conn.execute(select(info.table)).mappings():
            lid = str(row[info.key])
            if name == "setting" and lid in SECRET_SETTINGS:
                continue
            record: dict[str, Any] = {}
            for column, value in row.items():
                if column == info.key and column not in info.refs and isinstance(value, int):
                    continue  # a local id: each laptop has its own
                if column in info.refs and value is not None:
                    record[column] = gids.get((info.refs[column], str(value)), f"?{value}")
                else:
                    record[column] = encode(value)
            table[gids.get((name, lid), f"?{name}:{lid}")] = record
        out[name] = dict(sorted(table.items()))
    texts = SQLModel.metadata.tables["sharetext"]
    out["sharetext"] = sorted(
        [
            list(r)
            for r in conn.execute(select(texts.c.gid, texts.c.field, texts.c.stamp, texts.c.value))
        ]
    )
    conflicts = SQLModel.metadata.tables["shareconflict"]
    open_ones = select(conflicts.c.key, conflicts.c.detail).where(
        conflicts.c.resolved.is_(False), conflicts.c.gid != ""
    )
    out["shareconflict"] = sorted(
        [str(k), json.loads(d or "{}")] for k, d in conn.execute(open_ones)
    )
    return out
