"""Plan progress: target ratings, review details, transition steps, follow-ups

Revision ID: 0100
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0100"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "targetprogress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"]),
        sa.ForeignKeyConstraint(["target_id"], ["plantarget.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_targetprogress_review_id", "targetprogress", ["review_id"])
    op.create_index("ix_targetprogress_target_id", "targetprogress", ["target_id"])
    op.create_table(
        "reviewdetail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("child_voice", sa.String(), nullable=False),
        sa.Column("family_voice", sa.String(), nullable=False),
        sa.Column("provider_report", sa.String(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("attended_sessions", sa.Integer(), nullable=True),
        sa.Column("possible_sessions", sa.Integer(), nullable=True),
        sa.Column("placement_ending", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["review.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reviewdetail_review_id", "reviewdetail", ["review_id"], unique=True)
    op.create_table(
        "transitionstep",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("by_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_transitionstep_plan_id", "transitionstep", ["plan_id"])
    op.create_table(
        "followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("still_attending", sa.Boolean(), nullable=True),
        sa.Column("attended_sessions", sa.Integer(), nullable=True),
        sa.Column("possible_sessions", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["placement_id"], ["placement.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_followup_placement_id", "followup", ["placement_id"])


def downgrade() -> None:
    op.drop_index("ix_followup_placement_id", table_name="followup")
    op.drop_table("followup")
    op.drop_index("ix_transitionstep_plan_id", table_name="transitionstep")
    op.drop_table("transitionstep")
    op.drop_index("ix_reviewdetail_review_id", table_name="reviewdetail")
    op.drop_table("reviewdetail")
    op.drop_index("ix_targetprogress_target_id", table_name="targetprogress")
    op.drop_index("ix_targetprogress_review_id", table_name="targetprogress")
    op.drop_table("targetprogress")
