"""Attendance merged from two laptops: one session, two marks, both kept as an amendment chain.

A register is a legal record, so neither mark is dropped: when a merge leaves a pupil's
session with two or more current marks, they are chained in the order they were made (by
their stamps, the same on every laptop): each points at the next through `superseded_by`, the
latest is current. If their codes differ, the session is flagged for a person to check (a
conflict that lists every mark involved; it reopens if another one turns up).

The links are worked out here on every laptop from the same marks, so they are not logged.
"""

from __future__ import annotations

import json
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlmodel import SQLModel

from apdesk.store.share_rows import metas_by_lid

if TYPE_CHECKING:
    from apdesk.share.merge import Merger


def link(merger: Merger, mark_ids: list[str]) -> int:
    """Chain the current marks of every session these marks belong to; conflicts opened."""
    if not mark_ids:
        return 0
    conn = merger.conn
    marks = SQLModel.metadata.tables["attendancemark"]
    sessions: set[Any] = set()
    for start in range(0, len(mark_ids), 5000):
        part = [int(i) for i in mark_ids[start : start + 5000]]
        sessions.update(
            conn.execute(
                select(marks.c.pupil_id, marks.c.mark_date, marks.c.session).where(
                    marks.c.id.in_(part)
                )
            ).all()
        )
    opened = 0
    for pupil_id, day, half in sorted(sessions):
        current = conn.execute(
            select(marks.c.id, marks.c.code).where(
                marks.c.pupil_id == pupil_id,
                marks.c.mark_date == day,
                marks.c.session == half,
                marks.c.superseded_by.is_(None),
            )
        ).all()
        if len(current) < 2:
            continue
        metas = metas_by_lid(conn, "attendancemark", [str(r.id) for r in current])
        ordered = sorted(
            current,
            key=lambda r: (
                (metas[str(r.id)].stamp or merger.baseline, metas[str(r.id)].gid)
                if str(r.id) in metas
                else (merger.baseline, str(r.id))
            ),
        )
        for earlier, later in pairwise(ordered):
            conn.execute(
                update(marks).where(marks.c.id == earlier.id).values(superseded_by=later.id)
            )
        if len({r.code for r in current}) > 1:
            opened += _flag(merger, pupil_id, day, half, [metas[str(r.id)].gid for r in ordered
                                                             if str(r.id) in metas])  # fmt: skip
    return opened


def _flag(merger: Merger, pupil_id: int, day: object, half: object, gids: list[str]) -> int:
    """Open (or widen) the session's check; reopened if a mark it did not cover turns up.

    Counted by `open_conflict` when it opens; returns 0."""
    conn = merger.conn
    pupil = metas_by_lid(conn, "pupil", [str(pupil_id)]).get(str(pupil_id))
    pupil_gid = pupil.gid if pupil else str(pupil_id)
    key = f"attendance:{pupil_gid}:{day}:{half}"
    table = SQLModel.metadata.tables["shareconflict"]
    row = conn.execute(select(table).where(table.c.key == key)).mappings().first()
    if row is not None and row["gid"]:
        known = set(json.loads(row["detail"] or "{}").get("marks") or [])
        gids = sorted(known | set(gids))
        covered = set(json.loads(row["resolution"] or "{}").get("marks") or [])
        conn.execute(
            update(table)
            .where(table.c.key == key)
            .values(
                detail=json.dumps({"marks": gids}, sort_keys=True),
                resolved=bool(row["resolved"]) and set(gids) <= covered,
            )
        )
        from apdesk.models.kinds import Kind

        merger.collect(Kind.SHARE_CONFLICT, key)
        return 0
    merger.open_conflict(key, pupil_gid, "pupil", "attendance", {"marks": sorted(gids)}, "")
    if row is not None:  # resolved before this laptop saw it: is every mark covered?
        covered = set(json.loads(row["resolution"] or "{}").get("marks") or [])
        conn.execute(update(table).where(table.c.key == key).values(resolved=set(gids) <= covered))
    return 0
