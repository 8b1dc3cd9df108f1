"""The school's logo, printed at the left of every document's letterhead.

The address, phone, email and key contact already have their columns; the logo is the image
file's bytes (PNG or JPEG, checked and size-limited before it is kept), inside the encrypted
store like every other record.

Revision ID: 0840
Revises: 0830
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0840"
down_revision: str | Sequence[str] | None = "0830"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(
            sa.Column("logo", sa.LargeBinary(), server_default=sa.text("x''"), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_column("logo")
