"""One referral form rendered in process, against platypus laying out the same text bare."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from apdesk.documents import referral
from apdesk.models import Placement
from apdesk.services.placement_record import load_placement_record
from apdesk.store import Store
from benchmarks import floors
from benchmarks.stats import ratio, time_ms


def _text_rows(record: Any) -> list[tuple[str, str]]:
    """The form's label/value pairs as plain text (the floor lays out the same words)."""
    parts = (
        referral._form_rows,
        referral._pupil_rows,
        referral._provision_rows,
    )
    rows = []
    for part in parts:
        for label, value in part(record):
            rows.append((str(label), value if isinstance(value, str) else ""))
    return rows


def measure(store: Store, runs: int) -> dict[str, Any]:
    with store.session() as session:
        placement_id = session.exec(select(Placement.id).order_by(col(Placement.id))).first()
        assert placement_id is not None
        record = load_placement_record(session, placement_id)
    referral.render_referral(record)  # fonts and imports loaded once, as in a running app
    rows = _text_rows(record)
    floors.pdf_floor(rows)
    pdf_ms = time_ms(lambda: referral.render_referral(record), runs)
    floor_ms = time_ms(lambda: floors.pdf_floor(rows), runs)
    return {
        "referral_pdf_ms": round(pdf_ms, 1),
        "referral_pdf_floor_ms": round(floor_ms, 1),
        "referral_pdf_ratio": ratio(pdf_ms, floor_ms),
    }
