"""Sharing between laptops: a global id for every shared row, clocks, the change log, conflicts.

Every row already in the store gets a random global id (a version 4 UUID made by SQLite, so a
year of marks is mapped in one statement per table). Rows made later get theirs as they are
written. The tables to map are read from the database itself, so this script never imports
the models: every table except the audit log and the sharing tables is shared.

Revision ID: 0830
Revises: 0820
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0830"
down_revision: str | Sequence[str] | None = "0820"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL = {"auditevent", "alembic_version", "sharerow", "sharetext", "sharelog"}
LOCAL |= {"shareconflict", "sharestate"}
UUID4_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)


def upgrade() -> None:
    op.create_table(
        "sharerow",
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("lid", sa.String(), nullable=True),
        sa.Column("stamp", sa.String(), nullable=True),
        sa.Column("fstamps", sa.String(), nullable=True),
        sa.Column("dead", sa.Boolean(), nullable=False),
        sa.Column("tomb", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("gid"),
    )
    op.create_index("ix_sharerow_local", "sharerow", ["tbl", "lid"], unique=True)
    op.create_table(
        "sharetext",
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("gid", "field", "stamp"),
    )
    op.create_table(
        "sharelog",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("txn", sa.String(length=36), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("pushed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_sharelog_txn", "sharelog", ["txn"])
    op.create_index("ix_sharelog_pushed", "sharelog", ["pushed"])
    op.create_table(
        "shareconflict",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("gid", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.Column("opened", sa.String(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolution", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_shareconflict_gid", "shareconflict", ["gid"])
    op.create_table(
        "sharestate",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    backfill()


def backfill() -> None:
    """A global id for every row already in the store, one INSERT ... SELECT per table."""
    conn = op.get_bind()
    tables = [
        str(row[0])
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if row[0] not in LOCAL
    ]
    for table in sorted(tables):
        keys = [
            str(info[1])
            for info in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')
            if info[5]
        ]
        if len(keys) != 1:
            continue  # every shared table has a one-column key; anything else stays local
        conn.exec_driver_sql(
            "INSERT INTO sharerow (gid, tbl, lid, dead) "
            f'SELECT {UUID4_SQL}, \'{table}\', CAST("{keys[0]}" AS TEXT), 0 FROM "{table}" '
            "ORDER BY 1"
        )  # in global-id order: the key's index grows at its end


def downgrade() -> None:
    op.drop_table("sharestate")
    op.drop_index("ix_shareconflict_gid", table_name="shareconflict")
    op.drop_table("shareconflict")
    op.drop_index("ix_sharelog_pushed", table_name="sharelog")
    op.drop_index("ix_sharelog_txn", table_name="sharelog")
    op.drop_table("sharelog")
    op.drop_table("sharetext")
    op.drop_index("ix_sharerow_local", table_name="sharerow")
    op.drop_table("sharerow")
