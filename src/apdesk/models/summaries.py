"""Summaries derived from the marks and kept by the store itself, never typed or shared.

`marktally` counts the current marks (those not superseded) by day, placement and code: the
school's own register under placement 0, each provider's marks under their placement. A year
of the school's register is a few thousand rows here instead of hundreds of thousands of
marks, so the whole school's rate, the weekly trend and each placement's figures for any range
of days are sums over a small table. Triggers on `attendancemark` keep it in the transaction
that writes the marks, whoever writes them (an operation, a provider's return in one
statement, an undo, a merge of another laptop's changes), as SQLite keeps an index.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table
from sqlmodel import SQLModel

SCHOOL_REGISTER = 0
"""The placement id the tally files the school's own marks under (they have none)."""

MARK_TALLY = Table(
    "marktally",
    SQLModel.metadata,
    Column("mark_date", Date, primary_key=True),
    Column("placement_id", Integer, primary_key=True),  # SCHOOL_REGISTER for the school's
    Column("code", String(2), primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

_KEY = (
    "mark_date = {r}.mark_date AND placement_id = coalesce({r}.placement_id, 0) AND code = {r}.code"
)


def _add(row: str) -> str:
    return (
        "INSERT INTO marktally (mark_date, placement_id, code, n) "
        f"VALUES ({row}.mark_date, coalesce({row}.placement_id, 0), {row}.code, 1) "
        "ON CONFLICT (mark_date, placement_id, code) DO UPDATE SET n = n + 1;"
    )


def _remove(row: str) -> str:
    key = _KEY.format(r=row)
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
"""An update that changes a counted column leaves its old row and enters its new one."""

REBUILD = (
    "DELETE FROM marktally",
    "INSERT INTO marktally (mark_date, placement_id, code, n) "
    "SELECT mark_date, coalesce(placement_id, 0), code, count(*) FROM attendancemark "
    "WHERE superseded_by IS NULL GROUP BY 1, 2, 3",
)
"""The tally counted again from every mark: what the triggers keep, made from scratch."""
