"""A hybrid logical clock: wall-clock milliseconds, a counter, and the device as tie-breaker.

A stamp is 32 hex characters, `mmmmmmmmmmmm cccc dddddddddddddddd` (milliseconds, counter,
device), so stamps compare as strings in the order the merge rules need: later wins, and two
laptops' edits in the same millisecond still order the same way on every laptop. The clock
never runs backwards, and after seeing another laptop's stamp it stays ahead of it, so an edit
made after a sync always wins over what that sync brought in, whatever the laptops' clocks say.
"""

from __future__ import annotations

import time

DEVICE_CHARS = 16
CLOCK_CHARS = 16  # milliseconds (12) and counter (4)
_MAX_COUNTER = 0xFFFF
ZERO = "0" * CLOCK_CHARS


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _split(clock: str) -> tuple[int, int]:
    return int(clock[:12], 16), int(clock[12:16], 16)


def _join(ms: int, counter: int) -> str:
    return f"{ms:012x}{counter:04x}"


def tick(clock: str, wall_ms: int | None = None) -> str:
    """The next clock value after `clock` (16 hex characters, no device)."""
    last_ms, counter = _split(clock or ZERO)
    wall = now_ms() if wall_ms is None else wall_ms
    if wall > last_ms:
        return _join(wall, 0)
    if counter >= _MAX_COUNTER:
        return _join(last_ms + 1, 0)
    return _join(last_ms, counter + 1)


def observe(clock: str, stamp: str) -> str:
    """The clock after seeing `stamp` from another laptop: never behind it."""
    seen = stamp[:CLOCK_CHARS]
    return max(clock or ZERO, seen)


def stamp(clock: str, device: str) -> str:
    return clock + device


def device_of(stamp_text: str) -> str:
    return stamp_text[CLOCK_CHARS:]


def millis_of(stamp_text: str) -> int:
    return int(stamp_text[:12], 16)
