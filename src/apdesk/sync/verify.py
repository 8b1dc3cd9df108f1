"""Checking a pack: bounded unzip, schema, signature over the manifest, every member's hash.

A pack is identified by its id and the SHA-256 of its signed manifest (which lists every other
member's hash), never by the bytes of the zip around it: re-zipping, adding a comment, storing
members uncompressed or swapping signer.pem does not make another pack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from apdesk.i18n import N_, _
from apdesk.safezip import SafeZip, UnsafeZip, ZipLimits
from apdesk.sync import envelope, schemas
from apdesk.sync.pack import MANIFEST, NOTIFICATION, SIGNATURE, SIGNER
from apdesk.sync.util import key_id, sha256_hex

MAX_MEMBERS = 16
MAX_UNPACKED = 24 * 1024 * 1024  # real bytes: a small zip must not unpack into a huge one
PACK_LIMITS = ZipLimits(max_members=MAX_MEMBERS, max_total=MAX_UNPACKED, max_ratio=100.0)
MAX_SMALL_MEMBER = 1024 * 1024  # manifest, signature and signer key are a few kB


class PackError(ValueError):
    """The pack is damaged, altered or not signed by the expected key; says which. `words`
    and `params` let whoever reads it (a laptop, from the LA's answer) word it again in its
    own language."""

    def __init__(self, words: str, **params: object) -> None:
        self.words = words
        self.params = {name: str(value) for name, value in params.items()}
        super().__init__(_(words).format(**self.params))


@dataclass
class VerifiedPack:
    pack_id: str
    manifest: dict[str, Any]
    signer_key_id: str
    members: dict[str, bytes]
    encrypted: bool
    manifest_sha256: str = ""
    notification: dict[str, Any] | None = None
    plaintext: dict[str, bytes] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """The signed kind (the notification's, for packs made before kinds were signed)."""
        signed = self.manifest.get("kind")
        if isinstance(signed, str):
            return signed
        kind = (self.notification or {}).get("kind")
        return kind if isinstance(kind, str) else ""

    @property
    def audit(self) -> dict[str, Any] | None:
        """The audit head the school signed into the manifest, if any."""
        audit = self.manifest.get("audit")
        return audit if isinstance(audit, dict) else None


def _read_zip(zip_bytes: bytes) -> dict[str, bytes]:
    try:
        with SafeZip(zip_bytes, PACK_LIMITS) as archive:
            for name in (MANIFEST, SIGNATURE, SIGNER):
                if name in archive.names() and archive.size(name) > MAX_SMALL_MEMBER:
                    raise PackError(N_("{name} is far too large"), name=name)
            return archive.read_all()
    except UnsafeZip as exc:
        raise PackError(N_("the pack is refused: {problem}"), problem=exc) from None


def _signer(members: dict[str, bytes], expected: Ed25519PublicKey | None) -> Ed25519PublicKey:
    if expected is not None:
        return expected
    try:
        key = serialization.load_pem_public_key(members[SIGNER])
    except (KeyError, ValueError, TypeError) as exc:
        raise PackError(N_("signer.pem is missing or not a public key")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise PackError(N_("signer.pem is not an Ed25519 public key"))
    return key


def _manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
    except (ValueError, RecursionError):
        raise PackError(N_("{name} is not JSON"), name=MANIFEST) from None
    wrong = schemas.problem(manifest, schemas.MANIFEST)
    if wrong is not None:
        raise PackError(
            N_("{name} does not follow its schema ({problem})"), name=MANIFEST, problem=wrong
        )
    assert isinstance(manifest, dict)
    return manifest


def verify_pack(
    zip_bytes: bytes,
    expected_public_key: Ed25519PublicKey | None = None,
    *,
    decrypt_with: X25519PrivateKey | None = None,
) -> VerifiedPack:
    """Raise PackError unless the pack is whole and signed by `expected_public_key`.

    Without an expected key the included signer.pem is used: that proves integrity only,
    not who signed; an LA must check against the school's registered key (and then ignores
    signer.pem altogether).
    """
    members = _read_zip(zip_bytes)
    required = (MANIFEST, SIGNATURE) if expected_public_key else (MANIFEST, SIGNATURE, SIGNER)
    for name in required:
        if name not in members:
            raise PackError(N_("{name} is missing"), name=name)
    signer = _signer(members, expected_public_key)
    try:
        signer.verify(members[SIGNATURE], members[MANIFEST])
    except InvalidSignature:
        raise PackError(N_("the manifest signature does not match the school's key")) from None
    manifest = _manifest(members[MANIFEST])
    pack_id = str(manifest["pack_id"])
    if manifest["signer_key_id"] != key_id(signer):
        raise PackError(N_("the manifest names a different signer key"))
    listed = {str(m["name"]): m for m in manifest["members"]}
    if len(listed) != len(manifest["members"]) or set(listed) & {MANIFEST, SIGNATURE, SIGNER}:
        raise PackError(N_("the manifest lists a member twice or lists itself"))
    extra = set(members) - set(listed) - {MANIFEST, SIGNATURE, SIGNER}
    if extra:
        raise PackError(N_("members not in the manifest: {names}"), names=", ".join(sorted(extra)))
    for name, entry in listed.items():
        data = members.get(name)
        if data is None:
            raise PackError(N_("{name} is listed in the manifest but missing"), name=name)
        if len(data) != entry["size"] or sha256_hex(data) != entry["sha256"]:
            raise PackError(
                N_("{name} does not match its size or SHA-256 in the manifest"), name=name
            )
    payload = {name: members[name] for name in listed}
    result = VerifiedPack(
        pack_id,
        manifest,
        key_id(signer),
        payload,
        manifest["encryption"] is not None,
        manifest_sha256=sha256_hex(members[MANIFEST]),
    )
    result.plaintext = _plaintext(result, decrypt_with)
    if NOTIFICATION in result.plaintext:
        result.notification = _notification(result.plaintext[NOTIFICATION], pack_id)
    return result


def _notification(raw: bytes, pack_id: str) -> dict[str, Any]:
    try:
        notification = json.loads(raw)
    except (ValueError, RecursionError):
        raise PackError(N_("{name} is not JSON"), name=NOTIFICATION) from None
    wrong = schemas.problem(notification, schemas.NOTIFICATION)
    if wrong is not None:
        raise PackError(
            N_("{name} does not follow its schema ({problem})"), name=NOTIFICATION, problem=wrong
        )
    assert isinstance(notification, dict)
    if notification["pack_id"] != pack_id:
        raise PackError(N_("{name} names a different pack id"), name=NOTIFICATION)
    return notification


def _plaintext(pack: VerifiedPack, private: X25519PrivateKey | None) -> dict[str, bytes]:
    if not pack.encrypted:
        return dict(pack.members)
    if private is None:
        return {}
    encryption = pack.manifest["encryption"]
    if encryption["recipient_key_id"] != key_id(private.public_key()):
        raise PackError(N_("the pack is encrypted to a different LA key"))
    out: dict[str, bytes] = {}
    for entry in encryption["members"]:
        sealed_name, name = str(entry["name"]), str(entry["plaintext_name"])
        try:
            out[name] = envelope.open_sealed(private, pack.pack_id, name, pack.members[sealed_name])
        except (KeyError, InvalidTag, ValueError) as exc:
            raise PackError(
                N_("{name} cannot be decrypted with the LA's key"), name=sealed_name
            ) from exc
    return out


@dataclass(frozen=True)
class PackIdentity:
    """What names a pack and what its receipt must echo: read from the school's own pack."""

    pack_id: str
    manifest_sha256: str
    audit: dict[str, Any] | None


def identity(zip_bytes: bytes) -> PackIdentity:
    """The id, signed-manifest hash and audit head of a pack, from its manifest alone."""
    raw = _read_zip(zip_bytes).get(MANIFEST)
    if raw is None:
        raise PackError(N_("{name} is missing"), name=MANIFEST)
    manifest = _manifest(raw)
    audit = manifest.get("audit")
    return PackIdentity(str(manifest["pack_id"]), sha256_hex(raw), audit)
