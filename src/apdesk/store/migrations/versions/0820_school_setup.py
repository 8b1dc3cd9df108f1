"""What a school needs to set itself up and keep its records whole.

The calendar: terms (with terms set for a school year, the days outside them are holidays),
bank holidays and unexpected closures with their reason. Pupils who leave: the last day on
roll, the destination and the reason (the record stays under the retention rules). Suspensions:
the last day, the sessions, and whether education was arranged from the sixth day. Subject
access requests with their one-month deadline. IAP groups: their staff with roles.

Revision ID: 0820
Revises: 0710
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0820"
down_revision: str | Sequence[str] | None = "0710"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT = {"server_default": "", "nullable": False}


def upgrade() -> None:
    op.create_table(
        "term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_term_start_date", "term", ["start_date"])
    op.create_table(
        "subjectaccessrequest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("respond_by", sa.Date(), nullable=False),
        sa.Column("requested_by", sa.String(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["pupil_id"], ["pupil.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_subjectaccessrequest_pupil_id", "subjectaccessrequest", ["pupil_id"])
    with op.batch_alter_table("closure") as batch:
        batch.add_column(sa.Column("reason", sa.String(), **_TEXT))  # type: ignore[arg-type]
    with op.batch_alter_table("pupil") as batch:
        batch.add_column(sa.Column("left_on", sa.Date(), nullable=True))
        for name in ("leaving_destination", "leaving_reason"):
            batch.add_column(sa.Column(name, sa.String(), **_TEXT))  # type: ignore[arg-type]
    with op.batch_alter_table("suspension") as batch:
        batch.add_column(sa.Column("end_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("sessions", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(
            sa.Column("first_session", sa.String(), server_default="AM", nullable=False)
        )
        batch.add_column(
            sa.Column("ap_arranged", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("ap_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("ap_details", sa.String(), **_TEXT))  # type: ignore[arg-type]
    with op.batch_alter_table("iapgroup") as batch:
        batch.add_column(sa.Column("staff", sa.JSON(), server_default="[]", nullable=False))
    # Groups made before staff had roles: the teacher, then each support worker.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, teacher, support_staff FROM iapgroup")).all()
    for group_id, teacher, support in rows:
        staff = []
        if str(teacher or "").strip():
            staff.append({"name": str(teacher).strip(), "role": "teacher"})
        for name in str(support or "").replace(";", ",").split(","):
            if name.strip():
                staff.append({"name": name.strip(), "role": "support"})
        if staff:
            connection.execute(
                sa.text("UPDATE iapgroup SET staff = :staff WHERE id = :id"),
                {"staff": json.dumps(staff), "id": group_id},
            )


def downgrade() -> None:
    with op.batch_alter_table("iapgroup") as batch:
        batch.drop_column("staff")
    with op.batch_alter_table("suspension") as batch:
        for name in ("end_date", "sessions", "first_session", "ap_arranged", "ap_from"):
            batch.drop_column(name)
        batch.drop_column("ap_details")
    with op.batch_alter_table("pupil") as batch:
        for name in ("left_on", "leaving_destination", "leaving_reason"):
            batch.drop_column(name)
    with op.batch_alter_table("closure") as batch:
        batch.drop_column("reason")
    op.drop_index("ix_subjectaccessrequest_pupil_id", table_name="subjectaccessrequest")
    op.drop_table("subjectaccessrequest")
    op.drop_index("ix_term_start_date", table_name="term")
    op.drop_table("term")
