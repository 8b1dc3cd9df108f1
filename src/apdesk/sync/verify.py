"""Checking a pack: signature over the manifest, every member's size and hash, and ids."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from apdesk.sync import envelope
from apdesk.sync.pack import MANIFEST, NOTIFICATION, SIGNATURE, SIGNER
from apdesk.sync.util import key_id, sha256_hex

MAX_MEMBERS = 16
MAX_UNPACKED = 128 * 1024 * 1024  # a small zip must not unpack into a huge one


class PackError(ValueError):
    """The pack is damaged, altered or not signed by the expected key; says which."""


@dataclass
class VerifiedPack:
    pack_id: str
    manifest: dict[str, Any]
    signer_key_id: str
    members: dict[str, bytes]
    encrypted: bool
    notification: dict[str, Any] | None = None
    plaintext: dict[str, bytes] = field(default_factory=dict)


def _read_zip(zip_bytes: bytes) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise PackError(f"the pack has {len(infos)} members; at most {MAX_MEMBERS}")
            if sum(info.file_size for info in infos) > MAX_UNPACKED:
                raise PackError(f"the pack unpacks to more than {MAX_UNPACKED} bytes")
            names = [info.filename for info in infos]
            if len(set(names)) != len(names):
                raise PackError("the pack repeats a member name")
            if any("/" in name or "\\" in name or name.startswith(".") for name in names):
                raise PackError("the pack holds a member with a path in its name")
            return {name: archive.read(name) for name in names}
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise PackError(f"the pack is not a readable zip file ({exc})") from exc


def _signer(members: dict[str, bytes], expected: Ed25519PublicKey | None) -> Ed25519PublicKey:
    if expected is not None:
        return expected
    try:
        key = serialization.load_pem_public_key(members[SIGNER])
    except (KeyError, ValueError) as exc:
        raise PackError("signer.pem is missing or not a public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise PackError("signer.pem is not an Ed25519 public key")
    return key


def verify_pack(
    zip_bytes: bytes,
    expected_public_key: Ed25519PublicKey | None = None,
    *,
    decrypt_with: X25519PrivateKey | None = None,
) -> VerifiedPack:
    """Raise PackError unless the pack is whole and signed by `expected_public_key`.

    Without an expected key the included signer.pem is used: that proves integrity only,
    not who signed; an LA must check against the school's registered key.
    """
    members = _read_zip(zip_bytes)
    for required in (MANIFEST, SIGNATURE, SIGNER):
        if required not in members:
            raise PackError(f"{required} is missing")
    signer = _signer(members, expected_public_key)
    try:
        signer.verify(members[SIGNATURE], members[MANIFEST])
    except InvalidSignature:
        raise PackError("the manifest signature does not match the school's key") from None
    try:
        manifest = json.loads(members[MANIFEST])
        listed = {str(m["name"]): m for m in manifest["members"]}
        pack_id = str(manifest["pack_id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise PackError(f"manifest.json is not a pack manifest ({exc})") from exc
    if manifest.get("signer_key_id") != key_id(signer):
        raise PackError("the manifest names a different signer key")
    extra = set(members) - set(listed) - {MANIFEST, SIGNATURE, SIGNER}
    if extra:
        raise PackError(f"members not in the manifest: {', '.join(sorted(extra))}")
    for name, entry in listed.items():
        data = members.get(name)
        if data is None:
            raise PackError(f"{name} is listed in the manifest but missing")
        if len(data) != entry.get("size") or sha256_hex(data) != entry.get("sha256"):
            raise PackError(f"{name} does not match its size or SHA-256 in the manifest")
    payload = {name: members[name] for name in listed}
    result = VerifiedPack(
        pack_id, manifest, key_id(signer), payload, bool(manifest.get("encryption"))
    )
    result.plaintext = _plaintext(result, decrypt_with)
    if NOTIFICATION in result.plaintext:
        try:
            result.notification = json.loads(result.plaintext[NOTIFICATION])
        except ValueError as exc:
            raise PackError("notification.json is not JSON") from exc
        if result.notification is None or result.notification.get("pack_id") != pack_id:
            raise PackError("notification.json names a different pack id")
    return result


def _plaintext(pack: VerifiedPack, private: X25519PrivateKey | None) -> dict[str, bytes]:
    if not pack.encrypted:
        return dict(pack.members)
    if private is None:
        return {}
    encryption = pack.manifest["encryption"]
    if encryption.get("recipient_key_id") != key_id(private.public_key()):
        raise PackError("the pack is encrypted to a different LA key")
    out: dict[str, bytes] = {}
    for entry in encryption.get("members", []):
        sealed_name, name = str(entry["name"]), str(entry["plaintext_name"])
        try:
            out[name] = envelope.open_sealed(private, pack.pack_id, name, pack.members[sealed_name])
        except (KeyError, InvalidTag, ValueError) as exc:
            raise PackError(f"{sealed_name} cannot be decrypted with the LA's key") from exc
    return out
