"""Data protection as a person does it: how long each kind of record is kept, and purging the
records past it. (Keys, passphrases and backups change the store's files, not its records.)"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from apdesk.services import retention
from apdesk.services.retention import DueItem
from apdesk.store.operations import operation


@operation
def set_retention_period(session: Session, record_type: str, years: int) -> None:
    """How many years a kind of record is kept (one of `retention.DEFAULT_RULES`' keys)."""
    retention.set_period(session, record_type, years)


@operation
def purge_records(session: Session, items: Sequence[DueItem]) -> dict[str, int]:
    """Delete the records listed, and everything that hangs off them, for good; returns the
    count per table. Then run `retention.vacuum(store)` so no free page keeps them."""
    return retention.purge(session, items)
