"""Index current marks by date for reports; keep the amendments index to amendments only.

Two single-column indexes go: both are the leading column of a composite index, and every
index slows the import of a provider's return.

Without statistics SQLite answered "current marks in a date range" through the
superseded_by index, walking every mark: on two million marks the home page took about a
minute. ANALYZE gives the planner the table sizes it needs.

Revision ID: 0500
Revises: 0400
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0500"
down_revision: str | Sequence[str] | None = "0400"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.drop_index("ix_attendancemark_superseded_by")
        batch_op.drop_index("ix_attendancemark_pupil_id")
        batch_op.drop_index("ix_attendancemark_mark_date")
        batch_op.create_index(
            "ix_attendancemark_superseded_by",
            ["superseded_by"],
            unique=False,
            sqlite_where=sa.text("superseded_by IS NOT NULL"),
        )
        batch_op.create_index(
            "ix_attendancemark_current_day",
            ["mark_date", "pupil_id", "session", "code"],
            unique=False,
            sqlite_where=sa.text("superseded_by IS NULL"),
        )
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.drop_index("ix_attendancemark_current_day")
        batch_op.drop_index("ix_attendancemark_superseded_by")
        batch_op.create_index("ix_attendancemark_pupil_id", ["pupil_id"], unique=False)
        batch_op.create_index("ix_attendancemark_mark_date", ["mark_date"], unique=False)
        batch_op.create_index("ix_attendancemark_superseded_by", ["superseded_by"], unique=False)
