"""The wire format of a batch: one transaction's changes, compressed, then sealed.

Plaintext (JSON, then zlib):
    {"v": 1, "school": id, "device": id, "txn": id, "n": the device's log number of its
     last flush, "schema": revision, "parts": [{"a": actor, "c": [change, ...]}, ...]}
Sealed with AES-256-GCM under the epoch's sharing key; the associated data is
    apdesk-share-v1|batch|school|device|txn|epoch|schema
so the hub (which sees the school, device, txn id, epoch and schema beside the blob) cannot
move a batch or relabel it without the seal failing. `n` lets every laptop apply each of
another laptop's transactions exactly once, whether it came in a snapshot or a batch.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

from apdesk.i18n import _
from apdesk.share.crypto import ShareCryptoError, aad, open_sealed, seal

VERSION = 1
MAX_PLAIN = 1 << 30  # a batch never opens to more than 1 GiB


@dataclass(frozen=True)
class LogTxn:
    """One local transaction's log rows, ready to seal."""

    txn: str
    last_seq: int
    bodies: list[str]  # each a JSON object {"a": actor, "c": [...]}


def batch_aad(school: str, device: str, txn: str, epoch: int, schema: str) -> bytes:
    return aad("batch", school, device, txn, epoch, schema)


def seal_batch(
    key: bytes, epoch: int, school: str, device: str, schema: str, txn: LogTxn
) -> dict[str, Any]:
    head = json.dumps(
        {
            "v": VERSION,
            "school": school,
            "device": device,
            "txn": txn.txn,
            "n": txn.last_seq,
            "schema": schema,
        }
    )
    plain = head[:-1] + ',"parts":[' + ",".join(txn.bodies) + "]}"
    body = seal(
        key,
        zlib.compress(plain.encode("utf-8"), 6),
        batch_aad(school, device, txn.txn, epoch, schema),
    )
    return {"id": txn.txn, "epoch": epoch, "schema": schema, "body": body}


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_PLAIN)
    if inflater.unconsumed_tail:
        raise ShareCryptoError(_("A shared batch is larger than apdesk accepts."))
    return out


def open_batch(keys: dict[int, bytes], school: str, item: dict[str, Any]) -> dict[str, Any]:
    """A pulled batch's plaintext; checks that it says what the hub said about it."""
    epoch = int(item["epoch"])
    key = keys.get(epoch)
    if key is None:
        raise ShareCryptoError(
            _("This laptop lacks the sharing key of epoch {epoch}: sync again to fetch it.").format(
                epoch=epoch
            )
        )
    associated = batch_aad(school, str(item["device"]), str(item["id"]), epoch, str(item["schema"]))
    plain = json.loads(_inflate(open_sealed(key, item["body"], associated)))
    if plain.get("school") != school or plain.get("device") != item["device"]:
        raise ShareCryptoError(_("A shared batch does not belong to this school."))
    return dict(plain)


def seal_blob(key: bytes, associated: bytes, data: Any) -> bytes:
    return seal(key, zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1), associated)


def open_blob(key: bytes, associated: bytes, blob: bytes) -> Any:
    return json.loads(_inflate(open_sealed(key, blob, associated)))
