"""Initial schema: school, pupils, providers, placements, attendance, outbox, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-22 16:29:58.104087
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auditevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("before", sa.String(), nullable=False),
        sa.Column("after", sa.String(), nullable=False),
        sa.Column("prev_hash", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "provider",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("setting_type", sa.String(length=40), nullable=False),
        sa.Column("registration", sa.String(length=40), nullable=False),
        sa.Column("ofsted_urn", sa.String(), nullable=False),
        sa.Column("ukprn", sa.String(), nullable=False),
        sa.Column("la_approval", sa.String(length=40), nullable=False),
        sa.Column("regulated", sa.Boolean(), nullable=False),
        sa.Column("quality_assured", sa.Boolean(), nullable=False),
        sa.Column("dps_lots", sa.JSON(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("delivery", sa.String(length=40), nullable=False),
        sa.Column("courses", sa.JSON(), nullable=False),
        sa.Column("accreditations", sa.String(), nullable=False),
        sa.Column("age_min", sa.Integer(), nullable=False),
        sa.Column("age_max", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("rate_pence", sa.Integer(), nullable=False),
        sa.Column("rate_unit", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("postcode", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("contact_name", sa.String(), nullable=False),
        sa.Column("safeguarding_lead", sa.String(), nullable=False),
        sa.Column("staff_checks_confirmed", sa.Boolean(), nullable=False),
        sa.Column("staff_checks_date", sa.Date(), nullable=True),
        sa.Column("insurance_expiry", sa.Date(), nullable=True),
        sa.Column("distance_band", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_provider_name"), ["name"], unique=False)
    op.create_table(
        "pupil",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upn", sa.String(), nullable=False),
        sa.Column("forename", sa.String(), nullable=False),
        sa.Column("surname", sa.String(), nullable=False),
        sa.Column("preferred_name", sa.String(), nullable=False),
        sa.Column("dob", sa.Date(), nullable=False),
        sa.Column("gender", sa.String(length=40), nullable=False),
        sa.Column("nc_year", sa.Integer(), nullable=False),
        sa.Column("sen_status", sa.String(length=40), nullable=False),
        sa.Column("looked_after", sa.Boolean(), nullable=False),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("health_needs", sa.String(), nullable=False),
        sa.Column("family_support", sa.String(), nullable=False),
        sa.Column("safety_info", sa.String(), nullable=False),
        sa.Column("on_roll", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pupil_surname"), ["surname"], unique=False)
        batch_op.create_index(batch_op.f("ix_pupil_upn"), ["upn"], unique=True)
    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("urn", sa.String(), nullable=False),
        sa.Column("la_code", sa.String(), nullable=False),
        sa.Column("estab", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("key_contact_name", sa.String(), nullable=False),
        sa.Column("key_contact_role", sa.String(), nullable=False),
        sa.Column("key_contact_phone", sa.String(), nullable=False),
        sa.Column("key_contact_email", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("relationship", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("outcome_notes", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("commissioner", sa.String(length=40), nullable=False),
        sa.Column("funding_stream", sa.String(length=40), nullable=False),
        sa.Column("registration_code", sa.String(length=40), nullable=False),
        sa.Column("key_contact_name", sa.String(), nullable=False),
        sa.Column("key_contact_role", sa.String(), nullable=False),
        sa.Column("key_contact_details", sa.String(), nullable=False),
        sa.Column("attendance_at_referral", sa.Float(), nullable=True),
        sa.Column("interventions_tried", sa.String(), nullable=False),
        sa.Column("send_needs", sa.String(), nullable=False),
        sa.Column("health_needs", sa.String(), nullable=False),
        sa.Column("family_support", sa.String(), nullable=False),
        sa.Column("safety_info", sa.String(), nullable=False),
        sa.Column("risk_assessment_date", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=False),
        sa.Column("sessions", sa.JSON(), nullable=False),
        sa.Column("session_times", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("learning_outcomes", sa.String(), nullable=False),
        sa.Column("success_measures", sa.String(), nullable=False),
        sa.Column("exit_strategy", sa.String(), nullable=False),
        sa.Column("child_voice", sa.String(), nullable=False),
        sa.Column("child_voice_date", sa.Date(), nullable=True),
        sa.Column("family_voice", sa.String(), nullable=False),
        sa.Column("family_voice_date", sa.Date(), nullable=True),
        sa.Column("other_ap", sa.String(), nullable=False),
        sa.Column("english_maths", sa.Boolean(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("transport", sa.String(), nullable=False),
        sa.Column("transport_cost_pence", sa.Integer(), nullable=False),
        sa.Column("out_of_area", sa.Boolean(), nullable=False),
        sa.Column("family_preference", sa.String(), nullable=False),
        sa.Column("ehcp_attached", sa.Boolean(), nullable=False),
        sa.Column("caseworker_told_on", sa.Date(), nullable=True),
        sa.Column("qa_override_reason", sa.String(), nullable=False),
        sa.Column("destination", sa.String(), nullable=False),
        sa.Column("off_site_direction", sa.Boolean(), nullable=False),
        sa.Column("parent_notice_date", sa.Date(), nullable=True),
        sa.Column("reporting_to", sa.String(), nullable=False),
        sa.Column("direction_days", sa.Integer(), nullable=False),
        sa.Column("last_direction_review", sa.Date(), nullable=True),
        sa.Column("review_requested_on", sa.Date(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_provider_id"), ["provider_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_placement_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "provideraudit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("audit_date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("provideraudit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_provideraudit_provider_id"), ["provider_id"], unique=False
        )
    op.create_table(
        "qualityconcern",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("concern", sa.String(), nullable=False),
        sa.Column("told", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["provider.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("qualityconcern", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qualityconcern_provider_id"), ["provider_id"], unique=False
        )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("mime_type", sa.String(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
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
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "attendancemark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("mark_date", sa.Date(), nullable=False),
        sa.Column("session", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("minutes_late", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("amendment_reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pupil_id"],
            ["pupil.id"],
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["attendancemark.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendancemark_mark_date"), ["mark_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attendancemark_pupil_id"), ["pupil_id"], unique=False)
    op.create_table(
        "outboxitem",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("pack", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("receipt", sa.String(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("outboxitem")
    with op.batch_alter_table("attendancemark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendancemark_pupil_id"))
        batch_op.drop_index(batch_op.f("ix_attendancemark_mark_date"))
    op.drop_table("attendancemark")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_pupil_id"))
    op.drop_table("attachment")
    with op.batch_alter_table("qualityconcern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qualityconcern_provider_id"))
    op.drop_table("qualityconcern")
    with op.batch_alter_table("provideraudit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provideraudit_provider_id"))
    op.drop_table("provideraudit")
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_pupil_id"))
        batch_op.drop_index(batch_op.f("ix_placement_provider_id"))
    op.drop_table("placement")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_pupil_id"))
    op.drop_table("contact")
    op.drop_table("setting")
    op.drop_table("school")
    with op.batch_alter_table("pupil", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pupil_upn"))
        batch_op.drop_index(batch_op.f("ix_pupil_surname"))
    op.drop_table("pupil")
    with op.batch_alter_table("provider", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_provider_name"))
    op.drop_table("provider")
    op.drop_table("closure")
    op.drop_table("auditevent")
