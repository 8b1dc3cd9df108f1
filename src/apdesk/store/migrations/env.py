"""Alembic environment: always run in process on the store's own (encrypted) connection."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlmodel import SQLModel

import apdesk.models  # noqa: F401  (registers every table)
from apdesk.models.types import StrEnumType

target_metadata = SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write our column types as plain SQL types, so migrations never import the models."""
    if type_ == "type" and isinstance(obj, StrEnumType):
        return "sa.String(length=40)"
    if type_ == "type" and type(obj).__name__ == "AutoString":
        return "sa.String()"
    return False


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("apdesk migrations run only through the store (no offline mode)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
