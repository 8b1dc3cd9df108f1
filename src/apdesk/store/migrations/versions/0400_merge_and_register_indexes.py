"""Join the plan, timetable and exclusion branches; index the register for reads and amendments.

Revision ID: 0400
Revises: 0100, 0200, 0300
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0400"
down_revision: str | Sequence[str] | None = ("0100", "0200", "0300")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attendancemark_pupil_day", ["pupil_id", "mark_date", "session"], unique=False
        )
        batch_op.create_index("ix_attendancemark_superseded_by", ["superseded_by"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.drop_index("ix_attendancemark_superseded_by")
        batch_op.drop_index("ix_attendancemark_pupil_day")
