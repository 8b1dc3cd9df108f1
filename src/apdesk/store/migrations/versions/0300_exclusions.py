"""Suspensions recorded for pupils

Revision ID: 0300
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0300"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Float(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_suspension_pupil_id", "suspension", ["pupil_id"])
    op.create_index("ix_suspension_start_date", "suspension", ["start_date"])


def downgrade() -> None:
    op.drop_index("ix_suspension_start_date", table_name="suspension")
    op.drop_index("ix_suspension_pupil_id", table_name="suspension")
    op.drop_table("suspension")
