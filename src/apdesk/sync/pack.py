"""Building a notification pack: a signed zip the LA can check with standard tools."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.enums import PackKind
from apdesk.models.errors import ValidationError
from apdesk.sync import connection, envelope, keys
from apdesk.sync.notification import SCHEMA_VERSION, build_notification
from apdesk.sync.util import key_id, public_pem, sha256_hex
from apdesk.sync.witness import audit_block

NOTIFICATION = "notification.json"
REFERRAL = "referral.pdf"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SIGNER = "signer.pem"
SUFFIX = ".appack"
KINDS_WITH_REFERRAL = frozenset({PackKind.PLACEMENT_START, PackKind.PLACEMENT_CHANGE})
CHECKPOINT_KIND = PackKind.AUDIT_CHECKPOINT.value


@dataclass(frozen=True)
class BuiltPack:
    pack_id: str
    kind: PackKind
    zip_bytes: bytes
    sha256: str
    notification: dict[str, Any]


def parse_kind(kind: PackKind | str) -> PackKind:
    """A notification kind (the audit checkpoint is made by the sender, not asked for)."""
    try:
        found = PackKind(kind)
    except ValueError:
        found = PackKind.AUDIT_CHECKPOINT
    if found is PackKind.AUDIT_CHECKPOINT:
        allowed = ", ".join(k.value for k in PackKind if k is not PackKind.AUDIT_CHECKPOINT)
        raise ValidationError(
            "kind",
            _("'{kind}' is not a notification pack kind").format(kind=kind),
            _("use one of {kinds}").format(kinds=allowed),
        )
    return found


def _zip(members: list[tuple[str, bytes]], stamp: datetime) -> bytes:
    """A zip with a fixed member order and timestamps, so the same pack gives the same bytes."""
    date_time = (
        max(stamp.year, 1980),
        stamp.month,
        stamp.day,
        stamp.hour,
        stamp.minute,
        stamp.second,
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def assemble(
    session: Session,
    pack_id: str,
    kind: PackKind,
    payload: list[tuple[str, bytes]],
    created_at: datetime,
    recipient: X25519PublicKey | None,
) -> bytes:
    """Encrypt (if asked), list, sign and zip the payload members with the audit head."""
    encryption: dict[str, Any] | None = None
    if recipient is not None:
        encryption = envelope.describe(recipient)
        sealed = []
        for name, data in payload:
            sealed_name = name + envelope.SUFFIX
            sealed.append((sealed_name, envelope.seal(recipient, pack_id, name, data)))
            encryption["members"].append({"name": sealed_name, "plaintext_name": name})
        payload = sealed
    signer = keys.signing_key(session)
    manifest = {
        "pack_id": pack_id,
        "kind": kind.value,
        "schema_version": SCHEMA_VERSION,
        "signer_key_id": key_id(signer.public_key()),
        "members": [
            {"name": name, "size": len(data), "sha256": sha256_hex(data)} for name, data in payload
        ],
        "encryption": encryption,
        "audit": audit_block(session, created_at),
    }
    body = manifest_bytes(manifest)
    members = [
        *payload,
        (MANIFEST, body),
        (SIGNATURE, signer.sign(body)),
        (SIGNER, public_pem(signer.public_key())),
    ]
    return _zip(members, created_at)


def build_pack(
    session: Session,
    placement_id: int,
    kind: PackKind | str,
    *,
    referral_pdf: bytes | None,
    created_at: datetime,
    encrypt: bool | None = None,
) -> BuiltPack:
    """Build (not queue) a pack; encrypted to the LA when its X25519 key is configured.

    `encrypt=None` follows the settings; False forces a clear pack (e.g. for a portal upload).
    """
    pack_kind = parse_kind(kind)
    pack_id = str(uuid.uuid4())
    notification = build_notification(session, placement_id, pack_kind, pack_id, created_at)
    payload = [(NOTIFICATION, manifest_bytes(notification))]
    if referral_pdf is not None and pack_kind in KINDS_WITH_REFERRAL:
        payload.append((REFERRAL, referral_pdf))
    recipient = connection.la_public_keys(session)[1] if encrypt is not False else None
    if encrypt and recipient is None:
        raise ValidationError(
            "LA public key",
            _("is not set, so the pack cannot be encrypted"),
            _("set it in File › Settings › LA connection"),
        )
    data = assemble(session, pack_id, pack_kind, payload, created_at, recipient)
    return BuiltPack(pack_id, pack_kind, data, sha256_hex(data), notification)


def build_checkpoint(session: Session, created_at: datetime) -> BuiltPack:
    """A pack that carries only the signed audit head: the outbox sends one a day."""
    pack_id = str(uuid.uuid4())
    kind = PackKind.AUDIT_CHECKPOINT
    data = assemble(session, pack_id, kind, [], created_at, None)
    return BuiltPack(pack_id, kind, data, sha256_hex(data), {})
