"""What a person does to the pupil register: add and edit pupils and their contacts, keep their
documents, import them from the MIS, record their suspensions. Each is one transaction, audited,
with its change set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from apdesk.models.enums import AttachmentKind
from apdesk.models.records import AttachmentInfo
from apdesk.services import attachments, imports
from apdesk.services import pupils as register
from apdesk.services.imports import ImportResult
from apdesk.services.measures.suspensions import SuspensionRow, record_suspension_by_upn
from apdesk.services.pupils import ContactInput, PupilInput
from apdesk.store.operations import operation


@operation
def add_pupil(session: Session, data: PupilInput, today: date | None = None) -> int:
    """A new pupil on the register (refused if the UPN, or name and birth date, exist)."""
    return register.create_pupil(session, data, today).id or 0


@operation
def edit_pupil(session: Session, pupil_id: int, data: PupilInput, today: date | None = None) -> int:
    return register.update_pupil(session, pupil_id, data, today).id or 0


@operation
def add_contact(session: Session, pupil_id: int, data: ContactInput) -> int:
    return register.add_contact(session, pupil_id, data).id or 0


@operation
def edit_contact(session: Session, contact_id: int, data: ContactInput) -> int:
    return register.update_contact(session, contact_id, data).id or 0


@operation
def add_document(
    session: Session, pupil_id: int, kind: AttachmentKind | str, source: Path | bytes,
    filename: str | None = None, placement_id: int | None = None,
) -> AttachmentInfo:  # fmt: skip
    """Copy a file into the encrypted store as one of the pupil's documents."""
    return attachments.add_attachment(session, pupil_id, placement_id, kind, source, filename)


@operation
def import_pupils(
    session: Session,
    data: bytes,
    *,
    filename: str = "",
    fmt: str | None = None,
    column_map: dict[str, str] | None = None,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    """Import a CSV or CTF file's pupils, all or nothing (check it first with the read
    `services.imports.import_pupils(..., dry_run=True)`). `accept_destination`: the person
    confirmed a CTF addressed to another school."""
    return imports.import_pupils(
        session,
        data,
        filename=filename,
        fmt=fmt,
        column_map=column_map,
        today=today,
        accept_destination=accept_destination,
    )


@operation
def import_pupils_file(
    session: Session,
    path: Path,
    *,
    column_map: dict[str, str] | None = None,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    """As `import_pupils`, reading the file first (an unreadable file is refused, not raised)."""
    return imports.import_pupils_file(
        session, path, column_map=column_map, today=today, accept_destination=accept_destination
    )


@operation
def record_suspension(
    session: Session, upn: str, start: date | None, days: float, reason: str, today: date
) -> SuspensionRow:
    """A suspension the pupil (found by UPN) was given: the LA's suspension measure counts it."""
    return record_suspension_by_upn(session, upn, start, days, reason, today)
