"""Counts kept between reads, each under the stamp of the marks it counted.

The home page counts the year's marks by pupil, by placement and by day after every change,
yet a typed mark changes one pupil's, one placement's and one day's marks. The store moves a
stamp on for each of them at every write to a mark (`apdesk.models.summaries`, kept by
triggers, so every writer counts: an operation, a return in one statement, an undo, another
laptop's changes). A count taken at a stamp that is still current is taken as counted; only
the rest are read.

The stamps are read before the marks, so a count is never filed under a stamp newer than the
marks it saw (at worst it is read again). Only reads on the read-only connections keep counts:
a write's session can see marks that are then rolled back, and with them a stamp that a later
write will reach again with other marks. Counts are kept in memory beside the engine that read
them, and go with it when the store locks; they are numbers, never a name or a note. Keep only
values nobody changes (tuples, not `Figures`): each read is handed the kept value itself.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, text
from sqlmodel import Session

from apdesk.store.database import is_read_only

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

KEPT = 200_000  # counts kept per engine before starting again (a few megabytes)

_kept: WeakKeyDictionary[Engine, dict[tuple[str, Hashable], tuple[int, Any]]] = WeakKeyDictionary()
_guard = threading.Lock()

# Each stamp table's key column; a key with no row has stamp 0 (no write since it began).
STAMP_TABLES = {
    "pupilmarkstamp": "pupil_id",
    "placementmarkstamp": "placement_id",
    "daymarkstamp": "mark_date",
}


def keeps(session: Session) -> bool:
    """Whether this session's reads may keep counts: a read-only connection's only."""
    engine = session.get_bind()
    return isinstance(engine, Engine) and is_read_only(engine)


def forget(engine: Engine) -> None:
    """Drop what is kept for `engine`: the next read counts everything afresh."""
    with _guard:
        _kept.pop(engine, None)


def _kept_for(engine: Engine) -> dict[tuple[str, Hashable], tuple[int, Any]]:
    with _guard:
        found = _kept.get(engine)
        if found is None or len(found) > KEPT:
            found = _kept[engine] = {}
        return found


def read_stamps(session: Session, table: str, keys: Collection[Any]) -> dict[Any, int]:
    """Each key's stamp in `table` now (keys as the table stores them: ISO text for days)."""
    column = STAMP_TABLES[table]
    rows = session.connection().execute(
        text(
            f"SELECT {column}, stamp FROM {table} "  # names from STAMP_TABLES, not input
            f"WHERE {column} IN (SELECT value FROM json_each(:keys))"
        ),
        {"keys": json.dumps(sorted(keys))},
    )
    found: dict[Any, int] = {key: int(stamp) for key, stamp in rows}
    return {key: found.get(key, 0) for key in keys}


def kept_counts(
    session: Session,
    scope: str,
    stamps: Mapping[K, int],
    count: Callable[[Sequence[K]], Mapping[K, V]],
) -> dict[K, V | None]:
    """Each key's count: kept where its stamp has not moved, else from `count(missing)`, which
    may leave out keys with nothing to count (None here). `scope` names what is counted and
    over which days, so two kinds of count never share a key."""
    engine = session.get_bind()
    assert isinstance(engine, Engine) and is_read_only(engine), "kept only on reads"
    kept = _kept_for(engine)
    out: dict[K, V | None] = {}
    missing: list[K] = []
    for key, stamp in stamps.items():
        hit = kept.get((scope, key))
        if hit is not None and hit[0] == stamp:
            out[key] = hit[1]
        else:
            missing.append(key)
    if missing:
        fresh = count(missing)
        for key in missing:
            value = fresh.get(key)
            kept[(scope, key)] = (stamps[key], value)
            out[key] = value
    return out
