"""Run Alembic migrations at open, after an encrypted backup of the store as it was."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> set[str]:
    """Every head: features may add migrations side by side until a merge revision joins them."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def current_revision(engine: Engine) -> str | None:
    """The schema version as one string ('0002', or '0003+0004' while heads are unmerged)."""
    revisions = current_revisions(engine)
    return "+".join(sorted(revisions)) if revisions else None


def upgrade(engine: Engine, target: str = "heads") -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)


def needs_upgrade(engine: Engine) -> bool:
    return current_revisions(engine) != head_revisions()
