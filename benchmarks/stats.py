"""Medians, timing and ratios shared by the figures."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def time_ms(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of `fn()` over `runs` calls, in milliseconds."""
    times = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return median(times)


def ratio(value: float | None, floor: float | None) -> float | None:
    if value is None or floor is None or floor <= 0:
        return None
    return round(value / floor, 3)
