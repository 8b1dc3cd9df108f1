"""Attendance from two laptops: one session, two marks, both kept as an amendment chain.

A register is a legal record, so no mark is dropped. The marks of a session that nobody has
amended ("heads": no `superseded_by`, or one worked out here) are chained in the order they
were made (by stamp, then global id: the same on every laptop): each points at the next, the
latest is current. The links are worked out again, on every laptop, whenever a session's marks
change (a merge, or an amendment made here), and are never logged: a link somebody writes (an
amendment) always replaces a worked-out one, so every laptop ends with the same chain.

If the heads' codes differ, the session is flagged for a person to check; the flag lists the
marks involved and is settled by a check that saw them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, select, update
from sqlmodel import SQLModel

from apdesk.store import share_conflicts
from apdesk.store.share_rows import metas_by_lid, save_metas

FIELD = "superseded_by"


def relink(conn: Connection, mark_ids: Iterable[str], baseline: str) -> int:
    """Work out the chains of the sessions these marks belong to; returns conflicts opened."""
    marks = SQLModel.metadata.tables["attendancemark"]
    wanted = sorted({int(i) for i in mark_ids})
    sessions: set[Any] = set()
    for start in range(0, len(wanted), 5000):
        part = wanted[start : start + 5000]
        query = select(marks.c.pupil_id, marks.c.mark_date, marks.c.session).where(
            marks.c.id.in_(part)
        )
        sessions.update(tuple(row) for row in conn.execute(query))
    opened = 0
    for pupil_id, day, half in sorted(sessions):
        opened += _session(conn, pupil_id, day, half, baseline)
    return opened


def _session(conn: Connection, pupil_id: int, day: Any, half: Any, baseline: str) -> int:
    marks = SQLModel.metadata.tables["attendancemark"]
    rows = conn.execute(
        select(marks.c.id, marks.c.code, marks.c[FIELD]).where(
            marks.c.pupil_id == pupil_id, marks.c.mark_date == day, marks.c.session == half
        )
    ).all()
    metas = metas_by_lid(conn, "attendancemark", [str(r.id) for r in rows])
    heads = [
        r for r in rows if r[2] is None or (str(r.id) in metas and metas[str(r.id)].derived(FIELD))
    ]

    def order(row: Any) -> tuple[str, str]:
        meta = metas.get(str(row.id))
        return (meta.stamp or baseline, meta.gid) if meta else (baseline, str(row.id))

    heads.sort(key=order)
    changed = []
    for earlier, later in pairwise(heads):
        if earlier[2] != later.id:
            conn.execute(update(marks).where(marks.c.id == earlier.id).values({FIELD: later.id}))
        meta = metas.get(str(earlier.id))
        if meta is not None and not meta.derived(FIELD):
            meta.set_derived(FIELD, True)
            changed.append(meta)
    if heads and heads[-1][2] is not None:
        conn.execute(update(marks).where(marks.c.id == heads[-1].id).values({FIELD: None}))
        meta = metas.get(str(heads[-1].id))
        if meta is not None:
            meta.set_derived(FIELD, False)
            changed.append(meta)
    save_metas(conn, changed)
    pupil = metas_by_lid(conn, "pupil", [str(pupil_id)]).get(str(pupil_id))
    pupil_gid = pupil.gid if pupil else str(pupil_id)
    key = f"attendance:{pupil_gid}:{day}:{half}"
    if len(heads) > 1 and len({r.code for r in heads}) > 1:
        involved = sorted(metas[str(r.id)].gid for r in heads if str(r.id) in metas)
        detail = {"marks": involved}
        return int(share_conflicts.put(conn, key, pupil_gid, "pupil", "attendance", detail, ""))
    share_conflicts.stand_down(conn, key)
    return 0
