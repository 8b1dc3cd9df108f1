"""School day periods, IAP sessions, subject ratings, reintegration goals, version status

Revision ID: 0200
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0200"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_period_number"), ["number"], unique=True)
    op.create_table(
        "iapactivity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("activity_type", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("iapactivity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_iapactivity_name"), ["name"], unique=True)
    op.create_table(
        "subjectrating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"]),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("subjectrating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subjectrating_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "reintegrationgoal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("step_size", sa.Integer(), nullable=False),
        sa.Column("target_share", sa.Float(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reintegrationgoal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reintegrationgoal_pupil_id"), ["pupil_id"], unique=True
        )
    op.create_table(
        "timetableversionstate",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("part_time_reason", sa.String(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["timetableversion.id"]),
        sa.PrimaryKeyConstraint("version_id"),
    )


def downgrade() -> None:
    op.drop_table("timetableversionstate")
    with op.batch_alter_table("reintegrationgoal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reintegrationgoal_pupil_id"))
    op.drop_table("reintegrationgoal")
    with op.batch_alter_table("subjectrating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subjectrating_pupil_id"))
    op.drop_table("subjectrating")
    with op.batch_alter_table("iapactivity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_iapactivity_name"))
    op.drop_table("iapactivity")
    with op.batch_alter_table("period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_period_number"))
    op.drop_table("period")
