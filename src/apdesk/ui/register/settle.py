"""Marks typed in a row redraw the side panels once, after the typing pauses.

Each mark is one operation; the Today panel and the pupil's chart read a day's board or a
year of weeks again after it (80-130 ms on a trust-sized store). Read after every key, those
reads would compete with the next marks for the worker threads; read once the typing settles,
the marks go in at the speed of the write alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from apdesk.models.kinds import Kind

SETTLE_MS = 500
TYPED = frozenset({Kind.MARK})  # a change set of marks alone: maybe one of several typed


def settle_timer(parent: QObject, run: Callable[[], None], ms: int = SETTLE_MS) -> QTimer:
    """A single-shot timer: `start()` it on each change; `run` once when they stop coming."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(run)
    return timer
