"""What one drain of the outbox is asked to do and what it reports: plain data, kept apart
from the sender so the window can hold them without loading the HTTP and retry libraries."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from apdesk.store.changes import Changes

DELIVERED, ATTENTION, WAITING = "delivered", "attention", "waiting"


@dataclass(frozen=True)
class SendPolicy:
    """How hard one drain tries. Tests shrink the waits and pass a recording `sleep`."""

    attempts: int = 5
    wait_base: float = 1.0
    wait_max: float = 60.0
    retry_after_max: float = 300.0
    timeout: float = 30.0
    connect_timeout: float = 10.0
    requeue_after: float = 300.0
    audit_checkpoints: bool = True  # queue the day's signed audit head if none went today
    sleep: Callable[[float], None] = time.sleep


@dataclass
class Outcome:
    pack_id: str
    state: str
    message: str = ""
    attempts: int = 0
    receipt: dict[str, Any] | None = None
    retry_after: float = 0.0
    stored: str = ""  # what the outbox row keeps (a code: see send_errors); else `message`


@dataclass
class DrainReport:
    outcomes: list[Outcome] = field(default_factory=list)
    unreachable: str = ""  # why the LA could not be reached, if it could not
    changes: Changes = field(default_factory=Changes)  # what the round's bookkeeping changed

    def of(self, state: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == state]

    @property
    def exit_code(self) -> int:
        """0 when nothing sendable is left; 3 when packs wait for the LA to be reachable."""
        return 3 if self.of(WAITING) else 0
