"""Each stretch's counts kept between reads, and reused while its pupil's marks are unchanged.

The home page counts every AP pupil's marks of the year, stretch by stretch, after every
change; a typed mark changes one pupil's counts, yet all were read again. A stretch counted at
its pupil's mark stamp that is still current is taken as counted (`kept`); only the rest are
read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlmodel import Session

from apdesk.services.attendance.kept import forget, keeps, kept_counts, read_stamps

Key = tuple[int, date, date, int]  # pupil, first day, last day, slot mask
Counts = tuple[int, int]  # the marks summed as TALLY_SQL, marks on one of the slots
Query = Callable[[Session, Sequence[Key]], list[tuple[int, int, int]]]

__all__ = ["Counts", "Key", "Query", "counted", "forget", "stamps"]


def stamps(session: Session, pupil_ids: set[int]) -> dict[int, int]:
    """Each pupil's mark stamp now (0 for a pupil whose marks were never written)."""
    return read_stamps(session, "pupilmarkstamp", pupil_ids)


def counted(session: Session, keys: Sequence[Key], query: Query) -> list[Counts]:
    """The counts of each stretch in `keys`, in order: kept ones whose pupil's stamp has not
    moved, and the rest from `query(session, missing)`, which returns (index into missing,
    tally, on slot) for the stretches that have any marks."""
    if not keeps(session):
        fresh = {index: (tally, on_slot) for index, tally, on_slot in query(session, keys)}
        return [fresh.get(n, (0, 0)) for n in range(len(keys))]
    pupils = stamps(session, {key[0] for key in keys})

    def count(missing: Sequence[Key]) -> dict[Key, Counts]:
        return {missing[index]: (tally, on_slot)
                for index, tally, on_slot in query(session, missing)}  # fmt: skip

    found = kept_counts(session, "stretch", {key: pupils[key[0]] for key in keys}, count)
    return [found[key] or (0, 0) for key in keys]
