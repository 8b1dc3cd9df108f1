"""Statistics read every column they need from one pupil index, weekday included.

The year's statistics for the AP cohort read each pupil's current marks in a date range: by
code, and whether each fell on a session the placement expects. Through the old
(pupil_id, mark_date, session) index every mark cost a table lookup and a date parsed to find
its weekday; the wider index answers the whole query from the index alone. It replaces the
old index (its first three columns are the same), so the import keeps one index fewer than
a new index beside it would cost.

Revision ID: 0600
Revises: 0500
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0600"
down_revision: str | Sequence[str] | None = "0500"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEEKDAY_SQL = "(CAST(strftime('%w', mark_date) AS INTEGER) + 6) % 7"


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_attendancemark_pupil_day")
    op.execute(
        "CREATE INDEX ix_attendancemark_pupil_marks ON attendancemark "
        "(pupil_id, mark_date, session, code, placement_id, superseded_by, "
        f"{WEEKDAY_SQL})"
    )
    op.execute("ANALYZE attendancemark")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_attendancemark_pupil_marks")
    op.execute(
        "CREATE INDEX ix_attendancemark_pupil_day ON attendancemark (pupil_id, mark_date, session)"
    )
