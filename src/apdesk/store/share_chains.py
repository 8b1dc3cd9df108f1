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
    """Work out the chains of the sessions these marks belong to; returns conflicts opened.

    Built for a year's return at once: the touched marks' sessions are read in one pass, and
    only sessions with two or more marks (rare: amendments, or two laptops) go further."""
    marks = SQLModel.metadata.tables["attendancemark"]
    wanted = sorted({int(i) for i in mark_ids})
    sessions: set[tuple[Any, ...]] = set()
    pupils: set[int] = set()
    days: list[Any] = []
    for start in range(0, len(wanted), 5000):
        part = wanted[start : start + 5000]
        query = select(marks.c.pupil_id, marks.c.mark_date, marks.c.session).where(
            marks.c.id.in_(part)
        )
        for row in conn.execute(query):
            sessions.add(tuple(row))
            pupils.add(int(row[0]))
            days.append(row[1])
    if not sessions:
        return 0
    groups: dict[tuple[Any, ...], list[Any]] = {}
    listed = sorted(pupils)
    for start in range(0, len(listed), 500):
        query = select(
            marks.c.id, marks.c.pupil_id, marks.c.mark_date, marks.c.session, marks.c.code,
            marks.c[FIELD],
        ).where(
            marks.c.pupil_id.in_(listed[start : start + 500]),
            marks.c.mark_date >= min(days),
            marks.c.mark_date <= max(days),
        )  # fmt: skip
        for mark in conn.execute(query):
            key = (mark.pupil_id, mark.mark_date, mark.session)
            if key in sessions:
                groups.setdefault(key, []).append(mark)
    opened = 0
    for key in sorted(k for k, rows in groups.items() if len(rows) > 1):
        opened += _session(conn, *key, groups[key], baseline)
    return opened


def _session(
    conn: Connection, pupil_id: int, day: Any, half: Any, rows: list[Any], baseline: str
) -> int:
    marks = SQLModel.metadata.tables["attendancemark"]
    metas = metas_by_lid(conn, "attendancemark", [str(r.id) for r in rows])
    heads = [
        r
        for r in rows
        if r.superseded_by is None or (str(r.id) in metas and metas[str(r.id)].derived(FIELD))
    ]

    def order(row: Any) -> tuple[str, str]:
        meta = metas.get(str(row.id))
        return (meta.stamp or baseline, meta.gid) if meta else (baseline, str(row.id))

    heads.sort(key=order)
    changed = []
    for earlier, later in pairwise(heads):
        if earlier.superseded_by != later.id:
            conn.execute(update(marks).where(marks.c.id == earlier.id).values({FIELD: later.id}))
        meta = metas.get(str(earlier.id))
        if meta is not None and not meta.derived(FIELD):
            meta.set_derived(FIELD, True)
            changed.append(meta)
    if heads and heads[-1].superseded_by is not None:
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
