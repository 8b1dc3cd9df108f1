"""The pupil index also stores each mark's slot in the week and its statistics rule.

With the weekday alone in the index, the statistics still worked out per mark whether it was
a morning or an afternoon and which rule its code falls under: half the time of the year's
figures for the AP cohort. The expressions are the ones `apdesk.models.attendance.SLOT_SQL`
and `apdesk.models.codes.TALLY_SQL` hold (a test keeps them equal); a statistics query only
reads them from the index when its expressions match exactly.

Revision ID: 0700
Revises: 0600
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0700"
down_revision: str | Sequence[str] | None = "0600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "pupil_id, mark_date, session, code, placement_id, superseded_by"
WEEKDAY_SQL = "(CAST(strftime('%w', mark_date) AS INTEGER) + 6) % 7"
SLOT_SQL = "((CAST(strftime('%w', mark_date) AS INTEGER) + 6) % 7 * 2 + (session = 'PM'))"
TALLY_SQL = (
    "(1 << (16 * (((1207272580570972160 >> (unicode(code) - 32)) & 1)"
    " + ((7924626977980416 >> (unicode(code) - 32)) & 1) * 2"
    " + ((9218855243087872 >> (unicode(code) - 32)) & 1) * 3)))"
)


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_attendancemark_pupil_marks")
    op.execute(
        "CREATE INDEX ix_attendancemark_pupil_marks ON attendancemark "
        f"({COLUMNS}, {SLOT_SQL}, {TALLY_SQL})"
    )
    op.execute("ANALYZE attendancemark")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_attendancemark_pupil_marks")
    op.execute(
        f"CREATE INDEX ix_attendancemark_pupil_marks ON attendancemark ({COLUMNS}, {WEEKDAY_SQL})"
    )
