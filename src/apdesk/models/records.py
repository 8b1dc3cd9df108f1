"""Attachments, the outbox of notification packs, and the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import LargeBinary
from sqlmodel import Field, SQLModel

from apdesk.models.enums import AttachmentKind, OutboxStatus, PackKind
from apdesk.models.types import enum_field, utcnow


class Attachment(SQLModel, table=True):
    """A document kept inside the encrypted store, never as a loose file."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    kind: AttachmentKind = enum_field(AttachmentKind, default=AttachmentKind.OTHER)
    filename: str
    mime_type: str = "application/octet-stream"
    content: bytes = Field(sa_type=LargeBinary)
    added_at: datetime = Field(default_factory=utcnow)


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its content: cheap to list, and plain data to print."""

    id: int
    pupil_id: int
    placement_id: int | None
    kind: AttachmentKind
    filename: str
    mime_type: str
    size: int
    added_at: datetime

    @property
    def label(self) -> str:
        return self.kind.label


class OutboxItem(SQLModel, table=True):
    """A notification pack waiting for (or holding) its receipt from the LA."""

    id: str = Field(primary_key=True)  # the pack id (UUID)
    kind: PackKind = enum_field(PackKind)
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    created_at: datetime = Field(default_factory=utcnow)
    status: OutboxStatus = enum_field(OutboxStatus, default=OutboxStatus.QUEUED)
    pack: bytes = Field(sa_type=LargeBinary)
    sha256: str = ""
    attempts: int = 0
    last_error: str = ""
    next_attempt_at: datetime | None = None
    receipt: str = ""
    delivered_at: datetime | None = None
    device: str = ""  # the laptop (sharing device id) that queued it; "" on a store not shared
    waiting: str = ""  # why it waits, as a code each laptop words itself (sync.outbox.WAITING)


class AuditEvent(SQLModel, table=True):
    """Who changed what, when; each row's hash covers the previous row's hash."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    before: str = ""
    after: str = ""
    prev_hash: str = ""
    hash: str = ""
