"""Each pupil's mark stamp, moved on by triggers at every write to their marks.

The home page's year of attendance counts every AP pupil's marks; with a stamp per pupil, a
count taken at a stamp still current is reused and only pupils whose marks changed are counted
again. No row is needed to start: a pupil with no row has stamp 0, and the first write makes it
1. Derived: never shared, never audited.

Revision ID: 0860
Revises: 0850
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0860"
down_revision: str | Sequence[str] | None = "0850"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    "pupilmarkstamp_mark_added",
    "pupilmarkstamp_mark_removed",
    "pupilmarkstamp_mark_changed",
)


def upgrade() -> None:
    from apdesk.store.summaries import install_stamp_triggers

    op.create_table(
        "pupilmarkstamp",
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("pupil_id"),
    )
    install_stamp_triggers(op.get_bind())


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table("pupilmarkstamp")
