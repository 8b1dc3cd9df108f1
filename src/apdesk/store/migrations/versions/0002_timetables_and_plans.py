"""Timetables, plans, reviews, voice and agencies

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 16:29:58.104087
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "iapgroup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("room", sa.String(), nullable=False),
        sa.Column("teacher", sa.String(), nullable=False),
        sa.Column("support_staff", sa.String(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "timetableversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["iapgroup.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("timetableversion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timetableversion_pupil_id"), ["pupil_id"], unique=False
        )
    op.create_table(
        "agencyinvolvement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("agency_name", sa.String(), nullable=False),
        sa.Column("contact", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agencyinvolvement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agencyinvolvement_pupil_id"), ["pupil_id"], unique=False
        )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("exit_strategy", sa.String(), nullable=False),
        sa.Column("transition_plan", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_placement_id"), ["placement_id"], unique=True)
    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("scheduled_for", sa.Date(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("attendees", sa.String(), nullable=False),
        sa.Column("decisions", sa.String(), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_placement_id"), ["placement_id"], unique=False)
    op.create_table(
        "timetableslot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("class_code", sa.String(), nullable=False),
        sa.Column("teacher", sa.String(), nullable=False),
        sa.Column("activity", sa.String(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["timetableversion.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("timetableslot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timetableslot_version_id"), ["version_id"], unique=False
        )
    op.create_table(
        "voiceentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("voice_of", sa.String(length=40), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=False),
        sa.Column("how_gathered", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("voiceentry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_voiceentry_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "plantarget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("measure", sa.String(), nullable=False),
        sa.Column("baseline", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("by_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plantarget", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plantarget_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plantarget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plantarget_plan_id"))
    op.drop_table("plantarget")
    with op.batch_alter_table("voiceentry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voiceentry_pupil_id"))
    op.drop_table("voiceentry")
    with op.batch_alter_table("timetableslot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timetableslot_version_id"))
    op.drop_table("timetableslot")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_placement_id"))
    op.drop_table("review")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_placement_id"))
    op.drop_table("plan")
    with op.batch_alter_table("agencyinvolvement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agencyinvolvement_pupil_id"))
    op.drop_table("agencyinvolvement")
    with op.batch_alter_table("timetableversion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timetableversion_pupil_id"))
    op.drop_table("timetableversion")
    op.drop_table("iapgroup")
