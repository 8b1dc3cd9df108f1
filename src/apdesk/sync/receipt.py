"""Receipts: the LA's signed word that it holds this pack (by id and signed manifest) and, when
the pack carried one, that it witnessed the school's audit head."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from apdesk.i18n import _
from apdesk.sync.util import canonical_json, key_id

SIGNED_FIELDS = ("pack_id", "manifest_sha256", "received_at", "la_key_id", "audit")


class ReceiptError(ValueError):
    """The reply does not prove delivery of this pack."""


def signed_part(receipt: dict[str, Any]) -> bytes:
    """The bytes the LA signs: the receipt's fields (minus the signature) as canonical JSON."""
    return canonical_json({name: receipt.get(name) for name in SIGNED_FIELDS})


def witnessed(audit: dict[str, Any] | None) -> dict[str, Any] | None:
    """The part of a manifest's audit block a receipt repeats: the chain's length and head, and
    which laptop's chain it is when the head names one."""
    if audit is None:
        return None
    seen = {"count": audit["count"], "head": audit["head"]}
    if audit.get("chain"):
        seen["chain"] = audit["chain"]
    return seen


def make_receipt(
    key: Ed25519PrivateKey,
    pack_id: str,
    manifest_sha256: str,
    received_at: str,
    audit: dict[str, Any] | None = None,
) -> dict[str, Any]:
    receipt: dict[str, Any] = {
        "pack_id": pack_id,
        "manifest_sha256": manifest_sha256,
        "received_at": received_at,
        "la_key_id": key_id(key.public_key()),
        "audit": witnessed(audit),
    }
    receipt["signature"] = base64.b64encode(key.sign(signed_part(receipt))).decode("ascii")
    return receipt


def check_signature(receipt: dict[str, Any], la_key: Ed25519PublicKey) -> None:
    if receipt.get("la_key_id") != key_id(la_key):
        raise ReceiptError(_("the receipt is signed by a key other than the LA's"))
    try:
        la_key.verify(base64.b64decode(str(receipt.get("signature", ""))), signed_part(receipt))
    except (InvalidSignature, ValueError):
        raise ReceiptError(_("the receipt's signature does not match the LA's key")) from None


def check_receipt(
    receipt: Any,
    pack_id: str,
    manifest_sha256: str,
    la_key: Ed25519PublicKey | None,
    audit: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the receipt if it names this pack and the audit head it carried (and, with the
    LA's key, is signed by it)."""
    required = ("pack_id", "manifest_sha256", "received_at", "la_key_id")
    if not isinstance(receipt, dict) or any(name not in receipt for name in required):
        raise ReceiptError(_("the LA's reply is not a receipt"))
    if receipt["pack_id"] != pack_id or receipt["manifest_sha256"] != manifest_sha256:
        raise ReceiptError(_("the LA's receipt names a different pack"))
    if receipt.get("audit") != witnessed(audit):
        raise ReceiptError(_("the LA's receipt does not witness the audit head the pack carried"))
    if la_key is not None:
        check_signature(receipt, la_key)
    return receipt
