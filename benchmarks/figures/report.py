"""The year's attendance statistics for AP pupils, and the cost of the cipher on a workload."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, text
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Pupil
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import attendance_report
from apdesk.store import Store
from benchmarks import floors
from benchmarks.generate import REPORT_YEAR, STAMP
from benchmarks.stats import ratio, time_ms

WORKLOAD_NOTE = "cipher workload"


def year_report(session: Session, start: date, end: date) -> int:
    """What `apdesk report attendance --ap-only` does for the year's AP cohort."""
    return len(attendance_report(session, start, end, today=end, ap_only=True)["pupils"])


def _plain_engine(db: Path) -> Engine:
    """Plain SQLite with the store's own pragmas, so only the cipher differs."""
    engine = create_engine(f"sqlite:///{db}")

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    event.listen(engine, "connect", on_connect)
    return engine


def workload(engine: Engine, start: date, end: date) -> None:
    """A fixed mix: 200 pupil reads, one pupil's year of marks, 200 writes undone, the report."""
    with Session(engine) as session:
        for pupil_id in range(1, 201):
            session.get(Pupil, pupil_id)
        session.exec(
            select(AttendanceMark).where(
                AttendanceMark.pupil_id == 1, AttendanceMark.mark_date >= start
            )
        ).all()
        marks = [
            AttendanceMark(
                pupil_id=1 + i % 50,
                mark_date=date(2020, 1, 6),
                session=AmPm.AM,
                code="/",
                recorded_at=STAMP,
                note=WORKLOAD_NOTE,
            )
            for i in range(200)
        ]
        session.add_all(marks)
        session.flush()
        written = [mark.id for mark in marks]
        session.commit()
        # Undone by id, as an undo does (by the unindexed note it was a scan of every mark).
        session.exec(delete(AttendanceMark).where(col(AttendanceMark.id).in_(written)))
        session.commit()
        year_report(session, start, end)


def measure(store: Store, runs: int) -> dict[str, Any]:
    start, end = REPORT_YEAR

    def app_report() -> None:
        with store.session() as session:
            year_report(session, start, end)

    report_ms = time_ms(app_report, runs)
    with floors.plain_copy(store) as db:
        iso = (start.isoformat(), end.isoformat())
        floor_ms = time_ms(lambda: floors.report_floor(db, *iso), runs)
        plain = _plain_engine(db)
        try:
            encrypted_ms = _workload_ms(lambda: workload(store.engine, start, end), runs)
            plain_ms = _workload_ms(lambda: workload(plain, start, end), runs)
        finally:
            plain.dispose()
    return {
        "attendance_report_ms": round(report_ms, 1),
        "attendance_report_floor_ms": round(floor_ms, 1),
        "attendance_report_ratio": ratio(report_ms, floor_ms),
        "cipher_overhead": ratio(encrypted_ms, plain_ms),
    }


def _workload_ms(fn: Callable[[], None], runs: int) -> float:
    fn()  # warm the page cache the same way for both
    return time_ms(fn, runs)


def count_marks(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM attendancemark")).scalar() or 0)
