"""Facts about a store for IT staff: cipher, schema, and how many of each record it holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import select

from apdesk import models
from apdesk.models.enums import PlacementStatus
from apdesk.store import Store

COUNTED = {
    "pupils": models.Pupil,
    "providers": models.Provider,
    "placements": models.Placement,
    "attendance_marks": models.AttendanceMark,
    "timetable_versions": models.TimetableVersion,
    "plans": models.Plan,
    "reviews": models.Review,
    "attachments": models.Attachment,
    "outbox": models.OutboxItem,
    "audit_events": models.AuditEvent,
}


def store_info(store: Store) -> dict[str, Any]:
    counts: dict[str, int] = {}
    with store.session() as session:
        for name, table in COUNTED.items():
            counts[name] = int(session.exec(select(func.count()).select_from(table)).one())
        counts["active_placements"] = int(
            session.exec(
                select(func.count())
                .select_from(models.Placement)
                .where(models.Placement.status == PlacementStatus.ACTIVE)
            ).one()
        )
    return {
        "store": str(store.folder),
        "cipher_version": store.cipher_version(),
        "schema_version": store.schema_version(),
        "counts": counts,
    }
