"""Settings operations: values a person sets once and the figures then use."""

from __future__ import annotations

from sqlmodel import Session

from apdesk.services.measures import set_national_rate as store_national_rate
from apdesk.store.operations import operation


@operation
def set_national_rate(session: Session, percent: float | str | None) -> float | None:
    """The national attendance rate the dashboard compares with, as a percentage (93.2);
    None or "" clears it. Returns the stored fraction."""
    return store_national_rate(session, percent)
