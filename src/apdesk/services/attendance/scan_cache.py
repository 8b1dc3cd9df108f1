"""Each stretch's counts kept between reads, and reused while its pupil's marks are unchanged.

The home page counts every AP pupil's marks of the year, stretch by stretch, after every
change; a typed mark changes one pupil's counts, yet all were read again. The store moves a
pupil's stamp on at each write to their marks (`pupilmarkstamp`, kept by triggers, so every
writer counts: an operation, a return in one statement, an undo, another laptop's changes). A
stretch counted at a stamp that is still current is taken as counted; only the rest are read.

The stamps are read before the marks, so a count is never filed under a stamp newer than the
marks it saw (at worst it is read again). Only reads on the read-only connections keep counts:
a write's session can see marks that are then rolled back, and with them a stamp that a later
write will reach again with other marks. The counts are kept in memory beside the engine that
read them, and go with it when the store locks; they hold numbers, never a name or a note.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from datetime import date
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, text
from sqlmodel import Session

from apdesk.store.database import is_read_only

Key = tuple[int, date, date, int]  # pupil, first day, last day, slot mask
Counts = tuple[int, int]  # the marks summed as TALLY_SQL, marks on one of the slots
Query = Callable[[Session, Sequence[Key]], list[tuple[int, int, int]]]

KEPT = 200_000  # stretches kept per engine before starting again (a few megabytes)

_kept: WeakKeyDictionary[Engine, dict[Key, tuple[int, Counts]]] = WeakKeyDictionary()
_guard = threading.Lock()

STAMPS_SQL = """
    SELECT pupil_id, stamp FROM pupilmarkstamp
    WHERE pupil_id IN (SELECT value FROM json_each(:ids))
"""


def _kept_for(engine: Engine) -> dict[Key, tuple[int, Counts]]:
    with _guard:
        found = _kept.get(engine)
        if found is None or len(found) > KEPT:
            found = _kept[engine] = {}
        return found


def forget(engine: Engine) -> None:
    """Drop what is kept for `engine`: the next read counts every stretch afresh."""
    with _guard:
        _kept.pop(engine, None)


def stamps(session: Session, pupil_ids: set[int]) -> dict[int, int]:
    """Each pupil's mark stamp now (0 for a pupil whose marks were never written)."""
    rows = session.connection().execute(text(STAMPS_SQL), {"ids": json.dumps(sorted(pupil_ids))})
    found = {int(pupil_id): int(stamp) for pupil_id, stamp in rows}
    return {pupil_id: found.get(pupil_id, 0) for pupil_id in pupil_ids}


def counted(session: Session, keys: Sequence[Key], query: Query) -> list[Counts]:
    """The counts of each stretch in `keys`, in order: kept ones whose pupil's stamp has not
    moved, and the rest from `query(session, missing)`, which returns (index into missing,
    tally, on slot) for the stretches that have any marks."""
    engine = session.get_bind()
    if not isinstance(engine, Engine) or not is_read_only(engine):
        fresh = {index: (tally, on_slot) for index, tally, on_slot in query(session, keys)}
        return [fresh.get(n, (0, 0)) for n in range(len(keys))]
    kept = _kept_for(engine)
    now = stamps(session, {key[0] for key in keys})
    results: list[Counts | None] = []
    missing: list[int] = []
    for n, key in enumerate(keys):
        hit = kept.get(key)
        if hit is not None and hit[0] == now[key[0]]:
            results.append(hit[1])
        else:
            results.append(None)
            missing.append(n)
    if missing:
        fresh = {index: (tally, on_slot) for index, tally, on_slot in
                 query(session, [keys[n] for n in missing])}  # fmt: skip
        for index, n in enumerate(missing):
            counts = fresh.get(index, (0, 0))
            kept[keys[n]] = (now[keys[n][0]], counts)
            results[n] = counts
    return [counts or (0, 0) for counts in results]
