"""The floors: a plaintext copy of the store for plain sqlite3, and reportlab's bare table.

The plaintext copy is made with `sqlcipher_export` into a temporary folder that is always
removed afterwards (synthetic data, but the habit matters).
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from apdesk.store import Store


@contextmanager
def plain_copy(store: Store) -> Iterator[Path]:
    """A plaintext SQLite copy of the store's database, deleted when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="apdesk-bench-"))
    target = folder / "plain.db"
    try:
        raw = store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
            cursor.execute("SELECT sqlcipher_export('plain')")
            cursor.execute("DETACH DATABASE plain")
            cursor.close()
        finally:
            raw.close()
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


REPORT_SQL = """
SELECT m.pupil_id, m.code, count(*)
FROM attendancemark AS m
WHERE m.superseded_by IS NULL AND m.mark_date >= ? AND m.mark_date <= ?
  AND m.pupil_id IN (
    SELECT pupil_id FROM placement
    WHERE status IN ('active', 'ended')
      AND coalesce(started_on, start_date) <= ?
      AND (coalesce(ended_on, end_date) IS NULL OR coalesce(ended_on, end_date) >= ?))
GROUP BY m.pupil_id, m.code
"""


def report_floor(db: Path, start: str, end: str) -> int:
    """The year's attendance aggregate for the AP pupils, by plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(REPORT_SQL, (start, end, end, start)).fetchall()
    finally:
        conn.close()
    return len(rows)


def pdf_floor(rows: list[tuple[str, str]]) -> bytes:
    """The same label/value text laid out by platypus as one plain two-column table."""
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(label, style), Paragraph(value, style)] for label, value in rows]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    doc.build([Table(data, colWidths=[150, 330], repeatRows=0)])
    return out.getvalue()
