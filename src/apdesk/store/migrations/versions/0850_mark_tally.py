"""The mark tally: current marks counted by placement, day and code, kept by triggers.

The home page's whole-school rate, its weekly trend and each placement's figures summed every
mark of the year (hundreds of thousands of rows) on every visit; they now sum this tally. It is
counted here from the marks once (`apdesk.store.summaries.rebuild`, which also installs the
triggers that keep it in every transaction that writes marks). It is derived: never shared,
never audited, and rebuilt rather than repaired.

Revision ID: 0850
Revises: 0830
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0850"
down_revision: str | Sequence[str] | None = "0845"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = (
    "marktally_mark_added",
    "marktally_mark_removed",
    "marktally_mark_left",
    "marktally_mark_entered",
)


def upgrade() -> None:
    from apdesk.store.summaries import rebuild

    op.create_table(
        "marktally",
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("mark_date", sa.Date(), nullable=False),
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("placement_id", "mark_date", "code"),
        sqlite_with_rowid=False,
    )
    rebuild(op.get_bind())


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table("marktally")
