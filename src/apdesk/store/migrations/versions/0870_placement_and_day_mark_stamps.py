"""Each placement's and each day's mark stamp, moved on with the pupil's at every mark write.

The home page sums every placement's marks of the year and the whole school's marks day by
day; with a stamp per placement and per day, a sum taken at a stamp still current is reused and
only the placements and days whose marks changed are summed again. No row is needed to start:
a placement or day with no row has stamp 0. Derived: never shared, never audited.

Revision ID: 0870
Revises: 0860
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0870"
down_revision: str | Sequence[str] | None = "0860"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from apdesk.store.summaries import install_stamp_triggers

    op.create_table(
        "placementmarkstamp",
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("placement_id"),
    )
    op.create_table(
        "daymarkstamp",
        sa.Column("mark_date", sa.Date(), nullable=False),
        sa.Column("stamp", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("mark_date"),
    )
    install_stamp_triggers(op.get_bind())  # the pupil's triggers now move all three


def downgrade() -> None:
    from apdesk.models.summaries import STAMP_TRIGGERS

    op.drop_table("daymarkstamp")
    op.drop_table("placementmarkstamp")
    for name in STAMP_TRIGGERS:  # back to moving the pupil's stamp alone
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        op.execute(
            f"CREATE TRIGGER {name} AFTER {_EVENTS[name]} ON attendancemark BEGIN "
            + " ".join(_pupil_only(row) for row in _ROWS[name])
            + " END"
        )


_EVENTS = {
    "pupilmarkstamp_mark_added": "INSERT",
    "pupilmarkstamp_mark_removed": "DELETE",
    "pupilmarkstamp_mark_changed": "UPDATE",
}
_ROWS = {
    "pupilmarkstamp_mark_added": ("NEW",),
    "pupilmarkstamp_mark_removed": ("OLD",),
    "pupilmarkstamp_mark_changed": ("OLD", "NEW"),
}


def _pupil_only(row: str) -> str:
    return (
        f"INSERT INTO pupilmarkstamp (pupil_id, stamp) VALUES ({row}.pupil_id, 1) "
        "ON CONFLICT (pupil_id) DO UPDATE SET stamp = stamp + 1;"
    )
