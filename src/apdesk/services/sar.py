"""Subject access: everything the store holds about one pupil, with other people's details flagged.

Records are found by following the schema's foreign keys out from the pupil, so a table added
later is included without a change here. Other people's details (parents, staff, provider and
agency workers) are listed for a person to review for redaction before anything is sent.
"""

from __future__ import annotations

import hashlib
import json
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from apdesk.files import write_atomic
from apdesk.i18n import N_, _, ngettext
from apdesk.models import Provider, Pupil
from apdesk.models.errors import ValidationError
from apdesk.services import audit_log
from apdesk.services.school import SchoolDetails, school_details

SECTION_TITLES = {  # marked for translation: the PDF prints them through `_`
    "pupil": N_("Pupil"),
    "contact": N_("Contacts"),
    "placement": N_("Placements"),
    "attendancemark": N_("Attendance marks"),
    "plan": N_("Reintegration plans"),
    "plantarget": N_("Plan targets"),
    "review": N_("Reviews"),
    "voiceentry": N_("Voice of the child and family"),
    "agencyinvolvement": N_("Agencies involved"),
    "attachment": N_("Attachments (list only)"),
    "outboxitem": N_("Notification packs sent to the local authority"),
    "suspension": N_("Suspensions"),
    "subjectaccessrequest": N_("Subject access requests"),
}
THIRD_PARTY_FIELDS = {
    "contact": ("name", "phone", "email", "address"),
    "placement": ("key_contact_name", "key_contact_role", "key_contact_details", "reporting_to"),
    "review": ("attendees",),
    "agencyinvolvement": ("agency_name", "contact"),
    "attendancemark": ("recorded_by",),
    "audit": ("actor",),
}
AUDIT_TITLE = N_("Audit log")
SKIP_COLUMNS = {"content": N_("the document itself is kept in the store; list only")}
DEADLINE_RULE = N_(
    "one calendar month from receipt (a weekend moves it to the next working day; check bank "
    "holidays)"
)
THIRD_PARTY_WHY = N_("another person's details: review for redaction before disclosure")


def respond_by(requested: date) -> date:
    """One calendar month from the day the request arrived (the ICO's rule): the same date next
    month, or that month's last day when it has no such date; a weekend moves it to Monday."""
    year, month = (
        (requested.year + 1, 1)
        if requested.month == 12
        else (
            requested.year,
            requested.month + 1,
        )
    )
    due = date(year, month, min(requested.day, monthrange(year, month)[1]))
    while due.weekday() >= 5:
        due += timedelta(days=1)
    return due


@dataclass
class SubjectAccess:
    upn: str
    name: str
    requested_on: date
    respond_by: date
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    third_party: list[dict[str, Any]] = field(default_factory=list)
    audit_events: list[dict[str, Any]] = field(default_factory=list)
    generated_at: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "subject": {"upn": self.upn, "name": self.name},
            "request": {
                "requested_on": self.requested_on.isoformat(),
                "respond_by": self.respond_by.isoformat(),
                "rule": _(DEADLINE_RULE),
            },
            "generated_at": self.generated_at,
            "records": self.sections,
            "audit_events": self.audit_events,
            "third_party_for_redaction_review": self.third_party,
        }

    def section_title(self, key: str) -> str:
        """The English title of a section (a table's name), for the PDF to translate."""
        return section_title(key)


def section_title(key: str) -> str:
    """A table's section title in English (marked for translation), its name if it has none."""
    if key == "audit":
        return AUDIT_TITLE
    return SECTION_TITLES.get(key, key.replace("_", " ").capitalize())


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, bytes):
        digest = hashlib.sha256(value).hexdigest()[:16]
        size = ngettext("{n} byte", "{n} bytes", len(value)).format(n=len(value))
        note = SKIP_COLUMNS.get(name)
        return f"<{size}, sha256 {digest}; {_(note)}>" if note else f"<{size}, sha256 {digest}>"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _collect(
    session: Session, table: Table, where: ColumnElement[bool], out: dict[str, list[Any]]
) -> None:
    rows = [dict(r) for r in session.execute(select(table).where(where)).mappings()]
    if not rows:
        return
    out.setdefault(table.name, []).extend({k: _plain(k, v) for k, v in row.items()} for row in rows)
    for child in SQLModel.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and child is not table and child.name not in out:
                _collect(session, child, fk.parent.in_(select(fk.column).where(where)), out)


def _flag_third_parties(sections: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    flagged = []
    for section, names in THIRD_PARTY_FIELDS.items():
        for row in sections.get(section, []):
            for name in names:
                value = row.get(name)
                if value:
                    flagged.append(
                        {
                            "table": section,
                            "section": _(section_title(section)),
                            "record_id": row.get("id"),
                            "field": name,
                            "value": value,
                            "why": _(THIRD_PARTY_WHY),
                        }
                    )
    return flagged


def build(session: Session, upn: str, requested: date) -> SubjectAccess:
    pupil = session.execute(select(Pupil).where(Pupil.upn == upn.strip().upper())).scalar()  # type: ignore[arg-type]
    if pupil is None or pupil.id is None:
        raise ValidationError(
            "pupil",
            _("no pupil with UPN {upn}").format(upn=upn),
            _("check the UPN on the roll"),
        )
    sections: dict[str, list[dict[str, Any]]] = {}
    table: Table = Pupil.__table__  # type: ignore[attr-defined]
    _collect(session, table, table.c.id == pupil.id, sections)
    providers = {p.id: p.name for p in session.execute(select(Provider)).scalars()}
    for row in sections.get("placement", []):
        row["provider_name"] = providers.get(row.get("provider_id"), "")
    ordered = {k: sections[k] for k in SECTION_TITLES if k in sections}
    ordered.update({k: v for k, v in sections.items() if k not in ordered})
    placement_ids = {int(r["id"]) for r in ordered.get("placement", [])}
    events = [
        {
            "id": row.id,
            "at": row.at.isoformat(),
            "actor": row.actor,
            "action": row.action,
            "record": f"{row.entity} {row.entity_id}",
            "before": row.before,
            "after": row.after,
        }
        for row in audit_log.search(session, audit_log.AuditFilter(), limit=10**9)
        if audit_log.is_about(row, {pupil.id}, placement_ids)
    ]
    events.reverse()  # oldest first, as the story happened
    flagged = _flag_third_parties(ordered)
    flagged += _flag_third_parties(
        {"audit": [{"id": e["id"], "actor": e["actor"]} for e in events]}
    )
    return SubjectAccess(
        upn=pupil.upn,
        name=f"{pupil.forename} {pupil.surname}",
        requested_on=requested,
        respond_by=respond_by(requested),
        sections=ordered,
        third_party=flagged,
        audit_events=events,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def build_with_school(
    session: Session, upn: str, requested: date
) -> tuple[SubjectAccess, SchoolDetails]:
    """One read for the export and its PDF: the pupil's records and the school's details."""
    return build(session, upn, requested), school_details(session)


def write_files(access: SubjectAccess, pdf: bytes, folder: Path) -> tuple[Path, Path]:
    """The JSON and the PDF side by side; each written whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stem = f"subject-access-{access.upn}-{access.requested_on.isoformat()}"
    paths = (folder / f"{stem}.json", folder / f"{stem}.pdf")
    data = json.dumps(access.as_json(), indent=2, ensure_ascii=False).encode("utf-8")
    for path, content in zip(paths, (data, pdf), strict=True):
        write_atomic(path, content)
    return paths
