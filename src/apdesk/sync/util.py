"""Small pieces every part of sync shares: hashes, key ids and canonical JSON."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

PublicKey = Ed25519PublicKey | X25519PublicKey


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def raw_public(key: PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: PublicKey) -> str:
    """First 16 hex characters of SHA-256 over the raw public key: short, stable, checkable."""
    return sha256_hex(raw_public(key))[:16]


def public_pem(key: PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def canonical_json(data: Any) -> bytes:
    """One byte form for a JSON value, so a signature over it can be checked anywhere."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def load_public_keys(pem: bytes) -> tuple[Ed25519PublicKey | None, X25519PublicKey | None]:
    """Every public key in a PEM file: the LA publishes an Ed25519 and an X25519 key."""
    ed: Ed25519PublicKey | None = None
    x: X25519PublicKey | None = None
    marker = b"-----END PUBLIC KEY-----"
    for chunk in pem.split(marker):
        if b"-----BEGIN PUBLIC KEY-----" not in chunk:
            continue
        key = serialization.load_pem_public_key(chunk.strip() + b"\n" + marker + b"\n")
        if isinstance(key, Ed25519PublicKey):
            ed = key
        elif isinstance(key, X25519PublicKey):
            x = key
    return ed, x
