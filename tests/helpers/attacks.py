"""Hostile packs: genuine content in other wrappings, re-signed shapes, zips that lie."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
import zlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from apdesk.sync.pack import MANIFEST, NOTIFICATION, SIGNATURE, SIGNER
from apdesk.sync.util import public_pem


def members_of(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(
    members: dict[str, bytes],
    *,
    compression: int = zipfile.ZIP_DEFLATED,
    comment: bytes = b"",
    order: list[str] | None = None,
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name in order or list(members):
            archive.writestr(name, members[name])
        archive.comment = comment
    return out.getvalue()


def rewrappings(body: bytes) -> dict[str, bytes]:
    """The same signed content in other zips: what anyone holding a copy can make."""
    members = members_of(body)
    stranger = public_pem(Ed25519PrivateKey.generate().public_key())
    return {
        "comment added": zipped(members, comment=b"re-wrapped by someone else"),
        "stored uncompressed": zipped(members, compression=zipfile.ZIP_STORED),
        "signer.pem swapped": zipped({**members, SIGNER: stranger}),
        "members reordered": zipped(members, order=sorted(members, reverse=True)),
        "bytes appended": body + b"\x00" * 7,
    }


def resigned(
    body: bytes,
    key: Ed25519PrivateKey,
    *,
    manifest: dict[str, Any] | None = None,
    notification: Any = None,
    raw_notification: bytes | None = None,
) -> bytes:
    """The pack with its manifest (or its notification, re-listed) changed and signed again by
    `key`: what a school holding its own key (or one that stole it) can send."""
    members = members_of(body)
    listed = json.loads(members[MANIFEST])
    if notification is not None or raw_notification is not None:
        data = (
            raw_notification
            if raw_notification is not None
            else json.dumps(notification, ensure_ascii=False).encode("utf-8", "surrogatepass")
        )
        members[NOTIFICATION] = data
        for entry in listed["members"]:
            if entry["name"] == NOTIFICATION:
                entry["size"] = len(data)
                entry["sha256"] = hashlib.sha256(data).hexdigest()
    if manifest is not None:
        listed = manifest
    raw = json.dumps(listed, ensure_ascii=False).encode("utf-8", "surrogatepass")
    members[MANIFEST] = raw
    members[SIGNATURE] = key.sign(raw)
    return zipped(members)


def lying_zip(name: str, real_size: int, declared_size: int) -> bytes:
    """One deflated member of `real_size` zeros whose headers declare `declared_size` bytes
    (about 1 MB of upload per GiB of real content)."""
    # After a full flush the compressor starts afresh, so one MiB of zeros always comes out as
    # the same bytes: repeat them rather than compress a GiB.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    mebibyte = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = mebibyte * (real_size >> 20) + compressor.flush()
    raw_name = name.encode()
    crc = 0  # a lie too: the reader must give up long before it could check
    local = struct.pack(
        "<4s5H3L2H",
        b"PK\x03\x04",
        20,
        0,
        8,
        0,
        0x21,
        crc,
        len(data),
        declared_size,
        len(raw_name),
        0,
    )
    central = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0x21,
        crc,
        len(data),
        declared_size,
        len(raw_name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    directory = central + raw_name
    offset = len(local) + len(raw_name) + len(data)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), offset, 0)
    return local + raw_name + data + directory + end
