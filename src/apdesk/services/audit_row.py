"""One audit event as plain values: what the log, its wording and the records it names read,
in a module of its own so none of them imports another for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any]
    after: dict[str, Any]
    # Rows of the same step shown within this one (a replaced mark's "superseded" flag).
    folded: tuple[AuditRow, ...] = field(default=(), compare=False)
