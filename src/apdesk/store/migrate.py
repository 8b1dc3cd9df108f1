"""Run Alembic migrations at open, after an encrypted backup of the store as it was.

Alembic and its scripts are loaded only when a store needs migrating (or is being made): a
store already at `HEADS` is recognised from its version table alone, which spares every
ordinary start the cost of importing Alembic and reading the migration scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from apdesk.i18n import _
from apdesk.store.errors import StoreTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps

# The heads of the migration scripts. Add a migration, update this; a test compares it with
# the heads Alembic finds, so a store at an older head can never be taken for a current one.
HEADS = frozenset({"0870"})


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> set[str]:
    """Every head: features may add migrations side by side until a merge revision joins them."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The revisions recorded in the store's version table (none for an empty database)."""
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
        ).first()
        if found is None:
            return set()
        rows = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
    return {str(row[0]) for row in rows}


def current_revision(engine: Engine) -> str | None:
    """The schema version as one string ('0002', or '0003+0004' while heads are unmerged)."""
    revisions = current_revisions(engine)
    return "+".join(sorted(revisions)) if revisions else None


def refuse_newer(engine: Engine) -> None:
    """Raise `StoreTooNew`, before anything is written, if the store records a revision this
    apdesk has no script for: a newer apdesk wrote it, and migrating "up" would fail half way
    with Alembic's words."""
    from alembic.script import ScriptDirectory

    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    unknown = current_revisions(engine) - known
    if unknown:
        raise StoreTooNew(
            _(
                "This store was saved by a newer version of apdesk (its schema is {found}). "
                "Install the newer apdesk to open it; nothing in it was changed."
            ).format(found=", ".join(sorted(unknown)))
        )


def upgrade(engine: Engine, target: str = "heads") -> None:
    from alembic import command

    refuse_newer(engine)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)


def needs_upgrade(engine: Engine) -> bool:
    current = current_revisions(engine)
    return current != HEADS and current != head_revisions()
