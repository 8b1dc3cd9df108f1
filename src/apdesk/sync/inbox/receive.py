"""Receiving one pack: who sent it, is it theirs and whole, and have we seen it before.

A pack is the same pack when its id and the SHA-256 of its signed manifest match: a re-zipped
copy gets the first receipt again (200); different signed content under a known id is refused
(409), so nobody can pre-empt a school's pack with a copy of it.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from apdesk.i18n import N_
from apdesk.sync.inbox.db import packs, schools, token_hash
from apdesk.sync.inbox.la_keys import LaKeys
from apdesk.sync.inbox.witness import finding
from apdesk.sync.inbox_refusals import (
    NO_PACK_ID,
    NOT_A_PACK_ID,
    PACK_CHECK,
    PACK_ID_DIFFERS,
    PACK_ID_TAKEN,
    UNKNOWN_TOKEN,
    refusal,
)
from apdesk.sync.pack import CHECKPOINT_KIND
from apdesk.sync.receipt import make_receipt
from apdesk.sync.util import sha256_hex
from apdesk.sync.verify import PackError, VerifiedPack, verify_pack
from apdesk.sync.witness import chain_of

# At most this many packs are unpacked at once, so the memory unpacking takes stays bounded
# however many requests arrive together (each is bounded by verify.MAX_UNPACKED).
UNPACKING = threading.BoundedSemaphore(2)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_TOKEN = 512


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


def _error(status: int, code: str, message: str) -> Answer:
    """A refusal: the inbox's sentence and the code a school's laptop words it from."""
    return Answer(status, refusal(message, code))


def _check_failed(problem: PackError) -> Answer:
    """A pack that failed a check: the sentence (in English, whatever this process's language),
    and its words and values for the laptop to word in its own."""
    said = problem.words.format(**problem.params)
    body = refusal(said, PACK_CHECK, words=problem.words, params=problem.params)
    return Answer(422, body)


def _school(engine: Engine, authorization: str) -> Any:
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN:
        return None
    with engine.connect() as conn:
        query = select(schools).where(schools.c.token_sha256 == token_hash(token))
        return conn.execute(query).mappings().first()


def _earlier(engine: Engine, pack_id: str, urn: str, manifest_sha256: str) -> Answer | None:
    """The first receipt for a repeat; 409 when the id was used for different signed content."""
    with engine.connect() as conn:
        query = select(packs.c.school_urn, packs.c.manifest_sha256, packs.c.receipt)
        row = conn.execute(query.where(packs.c.pack_id == pack_id)).first()
    if row is None:
        return None
    if row.school_urn != urn or row.manifest_sha256 != manifest_sha256:
        return _error(
            409, PACK_ID_TAKEN, "this pack id was already received with different signed content"
        )
    return Answer(200, json.loads(row.receipt))


def _shape_problem(pack: VerifiedPack, urn: str) -> PackError | None:
    """What makes a verified pack unacceptable to this school's inbox, if anything."""
    kind, note = pack.kind, pack.notification
    if not kind:
        return PackError(N_("the pack names no kind: build it again with this version of apdesk"))
    if kind == CHECKPOINT_KIND:
        if pack.members:
            return PackError(N_("an audit checkpoint carries no other members"))
        if pack.audit is None:
            return PackError(N_("an audit checkpoint carries no audit head"))
        return None
    if note is None:
        return PackError(N_("a {kind} pack must carry notification.json"), kind=kind)
    if note["kind"] != kind:
        return PackError(N_("notification.json names a different kind from the signed manifest"))
    if note["school"]["urn"] != urn:
        return PackError(N_("the notification names a different school from the token's"))
    return None


def receive(
    engine: Engine, keys: LaKeys, authorization: str, idempotency_key: str, body: bytes
) -> Answer:
    school = _school(engine, authorization)
    if school is None:
        return _error(401, UNKNOWN_TOKEN, "the token is missing or not registered for any school")
    pack_id = idempotency_key.strip()
    if not pack_id:
        return _error(400, NO_PACK_ID, "the Idempotency-Key header (the pack id) is missing")
    if not UUID.match(pack_id):
        return _error(
            400, NOT_A_PACK_ID, "the Idempotency-Key header is not a pack id (a lower-case UUID)"
        )
    registered = serialization.load_pem_public_key(school["public_key_pem"].encode("ascii"))
    assert isinstance(registered, Ed25519PublicKey)
    try:
        with UNPACKING:
            pack = verify_pack(body, registered, decrypt_with=keys.encryption)
    except PackError as exc:
        return _check_failed(exc)
    if pack.pack_id != pack_id:
        return _error(
            400,
            PACK_ID_DIFFERS,
            "the Idempotency-Key header differs from the pack id in the manifest",
        )
    wrong = _shape_problem(pack, school["urn"])
    if wrong is not None:
        return _check_failed(wrong)
    earlier = _earlier(engine, pack_id, school["urn"], pack.manifest_sha256)
    if earlier is not None:
        return earlier
    return _store(engine, keys, school["urn"], pack, body)


def _store(engine: Engine, keys: LaKeys, urn: str, pack: VerifiedPack, body: bytes) -> Answer:
    received_at = datetime.now(UTC)
    audit = pack.audit
    receipt = make_receipt(
        keys.signing,
        pack.pack_id,
        pack.manifest_sha256,
        received_at.isoformat(timespec="seconds"),
        audit,
    )
    row = {
        "pack_id": pack.pack_id,
        "school_urn": urn,
        "kind": pack.kind,
        "sha256": sha256_hex(body),
        "manifest_sha256": pack.manifest_sha256,
        "size": len(body),
        "encrypted": int(pack.encrypted),
        "body": body,
        "receipt": json.dumps(receipt, sort_keys=True),
        "received_at": received_at,
        "audit_count": audit["count"] if audit else None,
        "audit_head": audit["head"] if audit else None,
        "audit_at": audit["at"] if audit else None,
        "audit_chain": (chain_of(audit) or None) if audit else None,
    }
    try:
        with engine.begin() as conn:
            row["audit_finding"] = finding(conn, urn, audit) or None
            conn.execute(insert(packs).values(**row))
    except IntegrityError:  # the same pack arrived twice at once: the first one stands
        again = _earlier(engine, pack.pack_id, urn, pack.manifest_sha256)
        if again is not None:
            return again
        raise
    return Answer(201, receipt)
