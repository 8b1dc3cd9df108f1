"""What the CTF, the off-site direction regulations and the 2025 AP guide ask apdesk to keep.

Pupils: middle names, former UPN, care authority, ranked SEN need types, the medical flag, the
pupil's own address, phone and email (all read from a common transfer file). Contacts: title,
forename, surname and the MIS's contact order. Placements: the session times as clock times
(read from the old free-text note where it holds them), the date a copy of an off-site
direction notice went to the LA, the date of the written agreement with the provider, and the
date the LA was told of the placement by its own form or email (where no pack was sent).

The pupil marks index is rebuilt with the statistics rule that tells one-character codes from
two-character ones (J, a retired approved educational activity, from J1, leave for an
interview): its expression is `apdesk.models.codes.TALLY_SQL` (a test keeps them equal).

Revision ID: 0710
Revises: 0700
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0710"
down_revision: str | Sequence[str] | None = "0700"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "pupil_id, mark_date, session, code, placement_id, superseded_by"
SLOT_SQL = "((CAST(strftime('%w', mark_date) AS INTEGER) + 6) % 7 * 2 + (session = 'PM'))"
TALLY_SQL = (
    "(1 << (16 * (CASE length(code) WHEN 1 THEN "
    "((1207276978617483264 >> (unicode(code) - 32)) & 1)"
    " + ((7920228931469312 >> (unicode(code) - 32)) & 1) * 2"
    " + ((9218855243087872 >> (unicode(code) - 32)) & 1) * 3 ELSE "
    "((0 >> (unicode(code) - 32)) & 1)"
    " + ((4432406249472 >> (unicode(code) - 32)) & 1) * 2"
    " + ((0 >> (unicode(code) - 32)) & 1) * 3 END)))"
)
OLD_TALLY_SQL = (
    "(1 << (16 * (((1207272580570972160 >> (unicode(code) - 32)) & 1)"
    " + ((7924626977980416 >> (unicode(code) - 32)) & 1) * 2"
    " + ((9218855243087872 >> (unicode(code) - 32)) & 1) * 3)))"
)
_TEXT = {"server_default": "", "nullable": False}
PUPIL_TEXT = ("middle_names", "former_upn", "care_authority", "address", "phone", "email")
CONTACT_TEXT = ("title", "forename", "surname")
TIMES = ("session_start", "session_end", "break_start", "break_end")
_SPAN = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|to)\s*(\d{1,2})[:.](\d{2})")


def _index(tally: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_attendancemark_pupil_marks")
    op.execute(
        "CREATE INDEX ix_attendancemark_pupil_marks ON attendancemark "
        f"({COLUMNS}, {SLOT_SQL}, {tally})"
    )


def _clock(hour: str, minute: str) -> str | None:
    h, m = int(hour), int(minute)
    return f"{h:02d}:{m:02d}:00.000000" if h < 24 and m < 60 else None


def times_from_note(note: str) -> dict[str, str | None]:
    """'09:15-12:00 and 12:45-15:00' -> start, break and end; one span -> start and end."""
    spans = [(_clock(a, b), _clock(c, d)) for a, b, c, d in _SPAN.findall(note)]
    spans = [s for s in spans if s[0] and s[1]]
    if not spans or len(spans) > 2:
        return {}
    found: dict[str, str | None] = {"session_start": spans[0][0], "session_end": spans[-1][1]}
    if len(spans) == 2:
        found |= {"break_start": spans[0][1], "break_end": spans[1][0]}
    return found


def upgrade() -> None:
    with op.batch_alter_table("pupil") as batch:
        for name in PUPIL_TEXT:
            batch.add_column(sa.Column(name, sa.String(), **_TEXT))  # type: ignore[arg-type]
        batch.add_column(sa.Column("sen_types", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(
            sa.Column("medical_flag", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("contact") as batch:
        for name in CONTACT_TEXT:
            batch.add_column(sa.Column(name, sa.String(), **_TEXT))  # type: ignore[arg-type]
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))
    with op.batch_alter_table("placement") as batch:
        for name in TIMES:
            batch.add_column(sa.Column(name, sa.Time(), nullable=True))
        batch.add_column(sa.Column("agreement_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("la_told_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("la_notice_date", sa.Date(), nullable=True))
    connection = op.get_bind()
    notes = connection.execute(
        sa.text("SELECT id, session_times FROM placement WHERE session_times != ''")
    ).all()
    for placement_id, note in notes:
        found = times_from_note(str(note))
        if found:
            sets = ", ".join(f"{name} = :{name}" for name in found)
            connection.execute(
                sa.text(f"UPDATE placement SET {sets} WHERE id = :id"),
                {**found, "id": placement_id},
            )
    _index(TALLY_SQL)
    op.execute("ANALYZE attendancemark")


def downgrade() -> None:
    _index(OLD_TALLY_SQL)
    with op.batch_alter_table("placement") as batch:
        for name in (*TIMES, "agreement_date", "la_told_on", "la_notice_date"):
            batch.drop_column(name)
    with op.batch_alter_table("contact") as batch:
        for name in (*CONTACT_TEXT, "priority"):
            batch.drop_column(name)
    with op.batch_alter_table("pupil") as batch:
        for name in (*PUPIL_TEXT, "sen_types", "medical_flag"):
            batch.drop_column(name)
