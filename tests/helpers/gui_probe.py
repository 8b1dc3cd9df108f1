"""How long the window froze: a heartbeat on the GUI thread, and a mid-size store to freeze on.

The heartbeat beats every millisecond while the event loop turns; the longest gap between two
beats is the longest the window could not repaint or take a key. It is kept twice: in wall time,
and in the GUI thread's own CPU time, which another busy process on the machine cannot inflate
(a test on a shared machine asserts on that one and prints both).
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.generate import Scale, populate
from PySide6.QtCore import Qt, QTimer
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.store import KdfParams, Store

# A big school's register, enough to show what grows with the rows; built in a few seconds.
MID = Scale("mid", pupils=3_000, providers=40, placements=600, marks=30_000)


def build_mid_store(folder: Path) -> None:
    store, _recovery = Store.create(
        folder, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    try:
        populate(store, MID, seed=7)
    finally:
        store.lock()


class Heartbeat:
    """Start it, do the work, stop it: `longest_ms` and `longest_cpu_ms` are the longest
    stretches without a beat."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.longest_ms = 0.0
        self.longest_cpu_ms = 0.0
        self._wall = self._cpu = 0.0

    def start(self) -> None:
        self.longest_ms = self.longest_cpu_ms = 0.0
        self._wall, self._cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def _beat(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        self.longest_ms = max(self.longest_ms, (wall - self._wall) * 1000)
        self.longest_cpu_ms = max(self.longest_cpu_ms, (cpu - self._cpu) * 1000)
        self._wall, self._cpu = wall, cpu

    def stop(self) -> None:
        self._beat()
        self.timer.stop()
