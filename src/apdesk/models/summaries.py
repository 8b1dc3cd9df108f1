"""Summaries derived from the marks and kept by the store itself, never typed or shared.

`marktally` counts the current marks (those not superseded) by placement, day and code: each
provider's marks under their placement, and two whole-school rows per day and code, the
school's own register under `SCHOOL_REGISTER` and every provider's marks together under
`ALL_PROVIDERS`. So the whole school's rate and its weekly trend over any range of days sum a
few thousand rows instead of hundreds of thousands of marks, and each placement's figures are
one range of its own rows. Triggers on `attendancemark` keep it in the transaction that writes
the marks, whoever writes them (an operation, a provider's return in one statement, an undo, a
merge of another laptop's changes), as SQLite keeps an index.

`pupilmarkstamp` moves a pupil's stamp on at every write to their marks, by the same kind of
trigger, and `placementmarkstamp` and `daymarkstamp` a placement's and a day's. A count taken at
a stamp that is still current is still right, so the year's statistics recount only the pupils,
placements and days whose marks changed since the last read. A stamp only ever grows, and a row
is never deleted, so a stamp once seen never returns.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table
from sqlmodel import SQLModel

SCHOOL_REGISTER = 0
"""The placement id the tally files the school's own marks under (they have none)."""
ALL_PROVIDERS = -1
"""The row of every provider's marks of a day and code together (each is also under its own
placement)."""

MARK_TALLY = Table(
    "marktally",
    SQLModel.metadata,
    Column("placement_id", Integer, primary_key=True),
    Column("mark_date", Date, primary_key=True),
    Column("code", String(2), primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

PUPIL_MARK_STAMP = Table(
    "pupilmarkstamp",
    SQLModel.metadata,
    Column("pupil_id", Integer, primary_key=True),
    Column("stamp", Integer, nullable=False),
)

PLACEMENT_MARK_STAMP = Table(
    "placementmarkstamp",
    SQLModel.metadata,
    Column("placement_id", Integer, primary_key=True),  # SCHOOL_REGISTER for the school's own
    Column("stamp", Integer, nullable=False),
)

DAY_MARK_STAMP = Table(
    "daymarkstamp",
    SQLModel.metadata,
    Column("mark_date", Date, primary_key=True),
    Column("stamp", Integer, nullable=False),
)


# The rows a mark is counted in: its placement's (or the school register's) and, for a
# provider's mark, ALL_PROVIDERS (a NULL in an IN list matches nothing).
_PLACES = (
    "placement_id IN (coalesce({r}.placement_id, 0), "
    "CASE WHEN {r}.placement_id IS NOT NULL THEN -1 END)"
)


def _add(row: str) -> str:
    upsert = "ON CONFLICT (placement_id, mark_date, code) DO UPDATE SET n = n + 1;"
    return (
        "INSERT INTO marktally (placement_id, mark_date, code, n) "
        f"VALUES (coalesce({row}.placement_id, 0), {row}.mark_date, {row}.code, 1) {upsert} "
        "INSERT INTO marktally (placement_id, mark_date, code, n) "
        f"SELECT -1, {row}.mark_date, {row}.code, 1 WHERE {row}.placement_id IS NOT NULL {upsert}"
    )


def _remove(row: str) -> str:
    key = f"mark_date = {row}.mark_date AND code = {row}.code AND {_PLACES.format(r=row)}"
    return (
        f"UPDATE marktally SET n = n - 1 WHERE {key}; DELETE FROM marktally WHERE {key} AND n <= 0;"
    )


_WATCHED = "mark_date, placement_id, code, superseded_by"

TRIGGERS = {
    "marktally_mark_added": (
        "CREATE TRIGGER marktally_mark_added AFTER INSERT ON attendancemark "
        f"WHEN NEW.superseded_by IS NULL BEGIN {_add('NEW')} END"
    ),
    "marktally_mark_removed": (
        "CREATE TRIGGER marktally_mark_removed AFTER DELETE ON attendancemark "
        f"WHEN OLD.superseded_by IS NULL BEGIN {_remove('OLD')} END"
    ),
    "marktally_mark_left": (
        f"CREATE TRIGGER marktally_mark_left AFTER UPDATE OF {_WATCHED} ON attendancemark "
        f"WHEN OLD.superseded_by IS NULL BEGIN {_remove('OLD')} END"
    ),
    "marktally_mark_entered": (
        f"CREATE TRIGGER marktally_mark_entered AFTER UPDATE OF {_WATCHED} ON attendancemark "
        f"WHEN NEW.superseded_by IS NULL BEGIN {_add('NEW')} END"
    ),
}
"""An update that changes a counted column leaves its old rows and enters its new ones."""


def _stamp(row: str) -> str:
    """Move on the stamps of the mark's pupil, placement (the school register's, if none) and
    day: whatever was counted by any of them may have changed."""
    return (
        f"INSERT INTO pupilmarkstamp (pupil_id, stamp) VALUES ({row}.pupil_id, 1) "
        "ON CONFLICT (pupil_id) DO UPDATE SET stamp = stamp + 1; "
        "INSERT INTO placementmarkstamp (placement_id, stamp) "
        f"VALUES (coalesce({row}.placement_id, {SCHOOL_REGISTER}), 1) "
        "ON CONFLICT (placement_id) DO UPDATE SET stamp = stamp + 1; "
        f"INSERT INTO daymarkstamp (mark_date, stamp) VALUES ({row}.mark_date, 1) "
        "ON CONFLICT (mark_date) DO UPDATE SET stamp = stamp + 1;"
    )


STAMP_TRIGGERS = {
    "pupilmarkstamp_mark_added": (
        "CREATE TRIGGER pupilmarkstamp_mark_added AFTER INSERT ON attendancemark "
        f"BEGIN {_stamp('NEW')} END"
    ),
    "pupilmarkstamp_mark_removed": (
        "CREATE TRIGGER pupilmarkstamp_mark_removed AFTER DELETE ON attendancemark "
        f"BEGIN {_stamp('OLD')} END"
    ),
    "pupilmarkstamp_mark_changed": (
        "CREATE TRIGGER pupilmarkstamp_mark_changed AFTER UPDATE ON attendancemark "
        f"BEGIN {_stamp('OLD')} {_stamp('NEW')} END"
    ),
}
"""Any write to a mark moves its pupil's, placement's and day's stamps (the old and the new
ones, if an update moved the mark)."""

COUNTED = (
    "SELECT coalesce(placement_id, 0), mark_date, code, count(*) FROM attendancemark "
    "WHERE superseded_by IS NULL GROUP BY 1, 2, 3 "
    "UNION ALL "
    "SELECT -1, mark_date, code, count(*) FROM attendancemark "
    "WHERE superseded_by IS NULL AND placement_id IS NOT NULL GROUP BY 2, 3"
)
"""The tally's rows counted from the marks themselves: (placement, day, code, count)."""

REBUILD = (
    "DELETE FROM marktally",
    f"INSERT INTO marktally (placement_id, mark_date, code, n) {COUNTED}",
)
"""The tally counted again from every mark: what the triggers keep, made from scratch."""
