"""The pupil list's filter as someone types, on every row of the store (10,000 at scale)."""

from __future__ import annotations

import os
import time
from typing import Any

from apdesk.services.pupils import list_pupils
from apdesk.store import Store
from benchmarks.stats import median

# Typed, then rubbed out, then a UPN fragment: matches, narrows to nothing, widens again.
KEYS = ["a", "as", "ash", "ashd", "ashdo", "ashdow", "ashdo", "ashd", "ash", "as", "a", "", "8"]
TYPED = [*KEYS, "85", "855", "8554", "85540", "8554", "855", "85", "8", ""]


def measure(store: Store, runs: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from apdesk.ui.pupils.model import PupilFilterProxy, PupilTableModel

    app = QApplication.instance() or QApplication([])
    with store.session() as session:
        rows = list_pupils(session)
    model = PupilTableModel()
    model.set_rows(rows)
    proxy = PupilFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(1)
    times = []
    for _ in range(max(1, runs)):
        for text in TYPED:
            started = time.perf_counter()
            proxy.set_filter(search=text)
            proxy.rowCount()
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
    return {"filter_keystroke_ms": round(median(times), 2)}
