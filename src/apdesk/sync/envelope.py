"""HPKE (RFC 9180) base mode to the LA's X25519 key, one sealed message per payload member.

Suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM. Each sealed member is the
32-byte encapsulated key followed by the ciphertext. The HPKE `info` binds a member to its
pack id and name, so members cannot be swapped between packs unnoticed.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from apdesk.sync.util import key_id

SUFFIX = ".hpke"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_128_GCM)


def info(pack_id: str, name: str) -> bytes:
    return f"apdesk notification pack {pack_id} {name}".encode()


def describe(recipient: X25519PublicKey) -> dict[str, Any]:
    """The manifest's `encryption` object (members are listed by the caller)."""
    return {
        "scheme": "HPKE",
        "rfc": 9180,
        "mode": "base",
        "kem": "DHKEM(X25519, HKDF-SHA256)",
        "kdf": "HKDF-SHA256",
        "aead": "AES-128-GCM",
        "recipient_key_id": key_id(recipient),
        "info": "UTF-8 of 'apdesk notification pack <pack_id> <plaintext member name>'",
        "layout": "enc (32 bytes) || ciphertext",
        "members": [],
    }


def seal(recipient: X25519PublicKey, pack_id: str, name: str, plaintext: bytes) -> bytes:
    return bytes(_SUITE.encrypt(plaintext, recipient, info=info(pack_id, name)))


def open_sealed(private: X25519PrivateKey, pack_id: str, name: str, sealed: bytes) -> bytes:
    return bytes(_SUITE.decrypt(sealed, private, info=info(pack_id, name)))
