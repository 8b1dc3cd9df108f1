"""Facts about a store for IT staff: cipher, schema, and how many of each record it holds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from apdesk import models
from apdesk.i18n import N_
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


ACTIVE_PLACEMENTS = "active_placements"
# Each count's words for `apdesk info` (the JSON keeps the names above).
COUNT_LABELS = {
    "pupils": N_("Pupils:"),
    "providers": N_("Providers:"),
    "placements": N_("Placements:"),
    "attendance_marks": N_("Attendance marks:"),
    "timetable_versions": N_("Timetable versions:"),
    "plans": N_("Plans:"),
    "reviews": N_("Reviews:"),
    "attachments": N_("Attachments:"),
    "outbox": N_("Packs in the outbox:"),
    "audit_events": N_("Audit events:"),
    ACTIVE_PLACEMENTS: N_("Active placements:"),
}


def record_counts(session: Session, names: Iterable[str] | None = None) -> dict[str, int]:
    """How many of each record (all of COUNTED, plus active placements, by default). Ask only
    for the ones you show: counting millions of attendance marks takes a while."""
    counts: dict[str, int] = {}
    for name in [*COUNTED, ACTIVE_PLACEMENTS] if names is None else names:
        if name == ACTIVE_PLACEMENTS:
            query = (
                select(func.count())
                .select_from(models.Placement)
                .where(models.Placement.status == PlacementStatus.ACTIVE)
            )
        else:
            query = select(func.count()).select_from(COUNTED[name])
        counts[name] = int(session.exec(query).one())
    return counts


def store_info(store: Store) -> dict[str, Any]:
    counts = store.read(record_counts)
    return {
        "store": str(store.folder),
        "cipher_version": store.cipher_version(),
        "schema_version": store.schema_version(),
        "counts": counts,
    }
