"""Receipts: the LA's signed word that it holds a pack with this id and this SHA-256."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from apdesk.sync.util import canonical_json, key_id

SIGNED_FIELDS = ("pack_id", "sha256", "received_at", "la_key_id")


class ReceiptError(ValueError):
    """The reply does not prove delivery of this pack."""


def signed_part(receipt: dict[str, Any]) -> bytes:
    """The bytes the LA signs: the receipt's fields (minus the signature) as canonical JSON."""
    return canonical_json({name: receipt[name] for name in SIGNED_FIELDS})


def make_receipt(
    key: Ed25519PrivateKey, pack_id: str, sha256: str, received_at: str
) -> dict[str, Any]:
    receipt: dict[str, Any] = {
        "pack_id": pack_id,
        "sha256": sha256,
        "received_at": received_at,
        "la_key_id": key_id(key.public_key()),
    }
    receipt["signature"] = base64.b64encode(key.sign(signed_part(receipt))).decode("ascii")
    return receipt


def check_receipt(
    receipt: Any, pack_id: str, sha256: str, la_key: Ed25519PublicKey | None
) -> dict[str, Any]:
    """Return the receipt if it echoes this pack (and, with the LA's key, is signed by it)."""
    if not isinstance(receipt, dict) or any(name not in receipt for name in SIGNED_FIELDS):
        raise ReceiptError("the LA's reply is not a receipt")
    if receipt["pack_id"] != pack_id or receipt["sha256"] != sha256:
        raise ReceiptError("the LA's receipt names a different pack or SHA-256")
    if la_key is not None:
        if receipt["la_key_id"] != key_id(la_key):
            raise ReceiptError("the receipt is signed by a key other than the LA's")
        try:
            la_key.verify(base64.b64decode(str(receipt.get("signature", ""))), signed_part(receipt))
        except (InvalidSignature, ValueError):
            raise ReceiptError("the receipt's signature does not match the LA's key") from None
    return receipt
