"""Receiving one pack: who sent it, is it theirs and whole, and have we seen it before."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from apdesk.sync.inbox.db import LaKeys, packs, schools, token_hash
from apdesk.sync.receipt import make_receipt
from apdesk.sync.util import sha256_hex
from apdesk.sync.verify import PackError, verify_pack


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


def _error(status: int, message: str) -> Answer:
    return Answer(status, {"error": message})


def _school(engine: Engine, authorization: str) -> Any:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    with engine.connect() as conn:
        query = select(schools).where(schools.c.token_sha256 == token_hash(token.strip()))
        return conn.execute(query).mappings().first()


def _earlier(engine: Engine, pack_id: str, urn: str, digest: str) -> Answer | None:
    """The first receipt for a repeat; 422 when the id was used for different content."""
    with engine.connect() as conn:
        query = select(packs.c.school_urn, packs.c.sha256, packs.c.receipt)
        row = conn.execute(query.where(packs.c.pack_id == pack_id)).first()
    if row is None:
        return None
    if row.school_urn != urn or row.sha256 != digest:
        return _error(422, "this pack id was already received with different content")
    return Answer(200, json.loads(row.receipt))


def receive(
    engine: Engine, keys: LaKeys, authorization: str, idempotency_key: str, body: bytes
) -> Answer:
    school = _school(engine, authorization)
    if school is None:
        return _error(401, "the token is missing or not registered for any school")
    pack_id = idempotency_key.strip()
    if not pack_id:
        return _error(400, "the Idempotency-Key header (the pack id) is missing")
    digest = sha256_hex(body)
    earlier = _earlier(engine, pack_id, school["urn"], digest)
    if earlier is not None:
        return earlier
    registered = serialization.load_pem_public_key(school["public_key_pem"].encode("ascii"))
    assert isinstance(registered, Ed25519PublicKey)
    try:
        pack = verify_pack(body, registered, decrypt_with=keys.encryption)
    except PackError as exc:
        return _error(422, str(exc))
    if pack.pack_id != pack_id:
        return _error(400, "the Idempotency-Key header differs from the pack id in the manifest")
    note = pack.notification or {}
    if note and note.get("school", {}).get("urn") != school["urn"]:
        return _error(422, "the notification names a different school from the token's")
    received_at = datetime.now(UTC)
    receipt = make_receipt(keys.signing, pack_id, digest, received_at.isoformat(timespec="seconds"))
    row = {
        "pack_id": pack_id,
        "school_urn": school["urn"],
        "kind": str(note.get("kind", "")),
        "sha256": digest,
        "size": len(body),
        "encrypted": int(pack.encrypted),
        "body": body,
        "receipt": json.dumps(receipt, sort_keys=True),
        "received_at": received_at,
    }
    try:
        with engine.begin() as conn:
            conn.execute(insert(packs).values(**row))
    except IntegrityError:  # the same pack arrived twice at once: the first one stands
        again = _earlier(engine, pack_id, school["urn"], digest)
        if again is not None:
            return again
        raise
    return Answer(201, receipt)
