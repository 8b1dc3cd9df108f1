"""The idle clock behind auto-lock, kept free of Qt so it can be tested with a fake clock.

It measures wall-clock time (`time.time`), not a monotonic timer: a laptop that sleeps with
the store open has been unattended for the whole sleep, and must lock on waking.
"""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


class IdleClock:
    """Time since the last sign of a person at the keyboard."""

    def __init__(self, timeout_s: float, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.timeout_s = float(timeout_s)
        self.last_input = clock()

    def touch(self) -> None:
        """A key press or mouse movement: the person is here."""
        self.last_input = self.clock()

    def idle_for(self) -> float:
        # A clock set backwards must not postpone the lock forever: treat it as fresh input.
        now = self.clock()
        if now < self.last_input:
            self.last_input = now
        return now - self.last_input

    def expired(self) -> bool:
        return self.idle_for() >= self.timeout_s

    def remaining(self) -> float:
        return max(0.0, self.timeout_s - self.idle_for())


def clamp_minutes(value: object) -> int:
    """A setting read back from disk: anything odd falls back to the default."""
    try:
        minutes = int(str(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
