"""Documents kept inside the encrypted store (EHC plans, risk assessments, letters).

They are stored as bytes in the store, never as loose files beside it, so a copied laptop folder
or a backup never exposes them unencrypted.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy import select as sql_select
from sqlmodel import Session, col

from apdesk.i18n import _
from apdesk.models import Attachment, Placement, Pupil
from apdesk.models.enums import AttachmentKind
from apdesk.models.errors import ValidationError
from apdesk.models.records import AttachmentInfo

Filed = tuple[int | None, AttachmentKind]  # a document's placement (None: the pupil's) and kind
MAX_BYTES = 25 * 1024 * 1024
MAX_FILENAME = 200


def _too_big(size: int, filename: str) -> ValidationError:
    return ValidationError(
        "file",
        _("{name} is {size:.1f} MB, over the {limit} MB limit").format(
            name=filename, size=size / 1024 / 1024, limit=MAX_BYTES // (1024 * 1024)
        ),
        _("save a smaller copy (for example a compressed PDF) and attach that"),
    )


def _clean_filename(name: str) -> str:
    clean = PurePath(name.replace("\\", "/")).name.strip()
    if not clean or clean in {".", ".."}:
        raise ValidationError("filename", _("the file has no name"), _("give the file a name"))
    if len(clean) > MAX_FILENAME:
        stem, dot, ext = clean.rpartition(".")
        clean = (stem[: MAX_FILENAME - len(ext) - 1] + dot + ext) if dot else clean[:MAX_FILENAME]
    return clean


def _read_source(source: Path | str | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        if not filename:
            raise ValidationError("filename", _("no file name given"), _("give the file a name"))
        if len(source) > MAX_BYTES:
            raise _too_big(len(source), filename)
        return bytes(source), filename
    path = Path(source).expanduser()
    if not path.is_file():
        raise ValidationError(
            "file", _("{path} is not a file").format(path=path), _("choose an existing file")
        )
    size = path.stat().st_size
    name = filename or path.name
    if size > MAX_BYTES:
        raise _too_big(size, name)
    try:
        return path.read_bytes(), name
    except OSError as exc:
        raise ValidationError(
            "file",
            _("cannot read {path}: {error}").format(path=path, error=exc.strerror),
            _("check the file is not open elsewhere and you may read it"),
        ) from None


def add_attachment(
    session: Session,
    pupil_id: int,
    placement_id: int | None,
    kind: AttachmentKind | str,
    source: Path | str | bytes,
    filename: str | None = None,
) -> AttachmentInfo:
    """Copy a file's bytes into the store, for a pupil and (optionally) one placement."""
    if session.get(Pupil, pupil_id) is None:
        raise ValidationError(
            "pupil", _("no pupil {id}").format(id=pupil_id), _("choose a pupil on the register")
        )
    if placement_id is not None:
        placement = session.get(Placement, placement_id)
        if placement is None or placement.pupil_id != pupil_id:
            raise ValidationError(
                "placement",
                _("no placement {id} for this pupil").format(id=placement_id),
                _("choose one of the pupil's placements, or none"),
            )
    try:
        kind = AttachmentKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in AttachmentKind)
        raise ValidationError(
            "kind",
            _("'{kind}' is not a kind of document").format(kind=kind),
            _("use one of: {choices}").format(choices=choices),
        ) from None
    content, name = _read_source(source, filename)
    if not content:
        raise ValidationError(
            "file",
            _("{name} is empty").format(name=name),
            _("choose the saved document, not an empty file"),
        )
    name = _clean_filename(name)
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    row = Attachment(
        pupil_id=pupil_id,
        placement_id=placement_id,
        kind=kind,
        filename=name,
        mime_type=mime,
        content=content,
    )
    session.add(row)
    session.flush()
    return AttachmentInfo(
        row.id or 0, pupil_id, placement_id, kind, name, mime, len(content), row.added_at
    )


def _info_query() -> Any:
    """Every column but the content, plus the content's length computed by the database."""
    return sql_select(  # eight columns: beyond sqlmodel's typed select
        col(Attachment.id),
        col(Attachment.pupil_id),
        col(Attachment.placement_id),
        col(Attachment.kind),
        col(Attachment.filename),
        col(Attachment.mime_type),
        func.length(col(Attachment.content)),
        col(Attachment.added_at),
    ).order_by(col(Attachment.added_at), col(Attachment.id))


def list_attachments(
    session: Session, pupil_id: int | None = None, placement_id: int | None = None
) -> list[AttachmentInfo]:
    """Attachments of a pupil and/or a placement, oldest first, without their content."""
    query = _info_query()
    if pupil_id is not None:
        query = query.where(Attachment.pupil_id == pupil_id)
    if placement_id is not None:
        query = query.where(Attachment.placement_id == placement_id)
    return [AttachmentInfo(*row) for row in session.exec(query).all()]


def attachments_for_placement(session: Session, placement: Placement) -> list[AttachmentInfo]:
    """What goes with a referral: this placement's files, the pupil's general files, and any
    EHC plan the pupil has (an EHC plan belongs to the child, not to one placement)."""
    query = (
        _info_query()
        .where(Attachment.pupil_id == placement.pupil_id)
        .where(
            or_(
                col(Attachment.placement_id) == placement.id,
                col(Attachment.placement_id).is_(None),
                col(Attachment.kind) == AttachmentKind.EHC_PLAN,
            )
        )
    )
    return [AttachmentInfo(*row) for row in session.exec(query).all()]


def document_kinds(session: Session, pupil_id: int | None = None) -> dict[int, list[Filed]]:
    """Each pupil's documents as (placement, kind), without their content: what the
    placement checks compare with what a placement says is attached (one pupil's if given)."""
    query = sql_select(col(Attachment.pupil_id), col(Attachment.placement_id), col(Attachment.kind))
    if pupil_id is not None:
        query = query.where(col(Attachment.pupil_id) == pupil_id)
    out: dict[int, list[Filed]] = {}
    for who, placement_id, kind in session.connection().execute(query):
        out.setdefault(who, []).append((placement_id, AttachmentKind(kind)))
    return out


def kinds_with_placement(filed: list[Filed], placement_id: int | None) -> set[AttachmentKind]:
    """The kinds of document that go with a referral: as `attachments_for_placement` picks
    them (the placement's own, the pupil's general ones and any EHC plan)."""
    return {
        kind
        for on, kind in filed
        if on is None or on == placement_id or kind == AttachmentKind.EHC_PLAN
    }


def get_attachment_bytes(session: Session, attachment_id: int) -> bytes:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise ValidationError(
            "attachment",
            _("no attachment {id}").format(id=attachment_id),
            _("choose one from the list of attachments"),
        )
    return bytes(row.content)


def remove_attachment(session: Session, attachment_id: int) -> None:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise ValidationError(
            "attachment",
            _("no attachment {id}").format(id=attachment_id),
            _("choose one from the list of attachments"),
        )
    session.delete(row)
