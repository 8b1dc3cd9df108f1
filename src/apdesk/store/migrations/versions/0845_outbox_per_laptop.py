"""The outbox on several laptops: whose audit chain a checkpoint carries, and why a pack waits.

`outboxitem.device` names the laptop (its sharing device id; empty on a store that does not
share) that queued the pack: each laptop sends its own daily audit checkpoint and trims only
its own. Existing checkpoints get the device from the stamp that made them (its last 16
characters) or, for those made before sharing started, from the baseline stamp. `waiting` is a
code (no endpoint, an endpoint that must not be used, the LA out of reach) that each laptop
words in its own language, in place of English words written onto a shared row.

Revision ID: 0845
Revises: 0830
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0845"
down_revision: str | Sequence[str] | None = "0840"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEVICE_CHARS = 16  # the device id at the end of a hybrid logical clock stamp


def upgrade() -> None:
    op.add_column("outboxitem", sa.Column("device", sa.String(), server_default="", nullable=False))
    op.add_column(
        "outboxitem", sa.Column("waiting", sa.String(), server_default="", nullable=False)
    )
    start = 33 - DEVICE_CHARS
    op.execute(
        "UPDATE outboxitem SET device = coalesce(("
        f"  SELECT substr(s.stamp, {start}) FROM sharerow AS s"
        "   WHERE s.tbl = 'outboxitem' AND s.lid = outboxitem.id AND s.stamp IS NOT NULL), ("
        f"  SELECT substr(value, {start}) FROM sharestate WHERE key = 'baseline'), '') "
        "WHERE kind = 'audit-checkpoint'"
    )
    op.execute(
        "UPDATE outboxitem SET waiting = 'no-endpoint', last_error = '' "
        "WHERE last_error LIKE 'no LA endpoint is set%'"
    )


def downgrade() -> None:
    with op.batch_alter_table("outboxitem") as batch:
        batch.drop_column("waiting")
        batch.drop_column("device")
