"""A provider's return of 100,000 marks through the returns import, undone afterwards.

The import runs in a transaction that is rolled back (so every run imports the same file into
the same store); the commit itself is therefore not in the figure.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from apdesk.models import Pupil
from apdesk.services.attendance import import_returns
from apdesk.services.attendance.statistics import marked_keys
from apdesk.store import Store
from apdesk.store.audit import install as install_audit
from benchmarks.stats import median

MARKS = 100_000
TERM = (date(2026, 9, 2), date(2026, 11, 20))  # after the generated history, before today
TODAY = date(2026, 11, 20)


def return_csv(session: Session, marks: int = MARKS) -> bytes:
    """A provider's return: pupils on roll, every weekday session of the term, one file."""
    days, day = [], TERM[0]
    while day <= TERM[1]:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    taken = marked_keys(session, *TERM)
    upns = session.exec(select(Pupil.id, Pupil.upn).where(Pupil.on_roll)).all()
    lines = ["UPN,Date,Session,Code"]
    codes = ["B"] * 9 + ["N"]
    count = 0
    for pid, upn in upns:
        assert pid is not None
        for i, day in enumerate(days):
            for half in ("AM", "PM"):
                if count >= marks:
                    break
                if (pid, day, half) in taken:
                    continue
                lines.append(f"{upn},{day.isoformat()},{half},{codes[(pid + i) % 10]}")
                count += 1
    return ("\n".join(lines) + "\n").encode()


def measure(store: Store, runs: int, marks: int = MARKS) -> dict[str, Any]:
    with store.session() as session:
        data = return_csv(session, marks)
    times = []
    for _ in range(max(1, runs)):
        with Session(store.engine, expire_on_commit=False) as session:
            install_audit(session, store.actor)
            started = time.perf_counter()
            result = import_returns(session, data, filename="return.csv", today=TODAY)
            session.flush()
            times.append(time.perf_counter() - started)
            session.rollback()
        if not result.ok:
            raise RuntimeError(f"the generated return was refused: {result.errors[:3]}")
    # Scaled to 100,000 marks when a smaller store cannot hold that many (small scale).
    return {"import_100k_s": round(median(times) * MARKS / max(1, result.imported), 3)}
