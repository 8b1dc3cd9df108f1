"""What the hub does, as plain functions over its database (the HTTP layer is app.py).

Every function returns an `Answer` (status and JSON body) and never raises for a client's
mistake. Nothing here can open a blob: the hub checks tokens, orders batches, remembers which
laptop read how far, and hands blobs back.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from apdesk.share import refusals
from apdesk.share.hub.db import (
    HubDb,
    batches,
    devices,
    schools,
    snapshot_chunks,
    snapshots,
    wrapped,
)

PULL_BYTES = 8 * 1024 * 1024  # a pull answer stops growing past this (one batch always fits)
PULL_LIMIT = 500
STAGED_KEEP = timedelta(hours=1)  # chunks of a snapshot not (yet) the school's: an upload's time
MAX_CHUNKS = 4096
SEEN_EVERY = timedelta(seconds=60)  # "last sync" on the Sharing page is kept to the minute


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any] = field(default_factory=dict)
    blob: bytes | None = None  # a raw answer (the snapshot), with `body` as headers


def now() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def error(status: int, code: str, message: str) -> Answer:
    """A refusal: the code each laptop words in its user's language, and the hub's sentence."""
    return Answer(status, {"error": message, "code": code})


def aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


# -- who is asking -----------------------------------------------------------------------------
def authenticate(db: HubDb, school_id: str, authorization: str) -> RowMapping | Answer:
    scheme, _sep, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return error(401, refusals.NO_TOKEN, "send this laptop's sharing token as a Bearer token")
    with db.reading() as conn:
        row = (
            conn.execute(select(devices).where(devices.c.token_sha256 == token_hash(token)))
            .mappings()
            .first()
        )
    if row is None or row["school_id"] != school_id:
        return error(
            401, refusals.UNKNOWN_LAPTOP, "this hub does not know that laptop: enrol it again"
        )
    if row["revoked_at"] is not None:
        return error(403, refusals.REMOVED, "this laptop was removed from the school's sharing")
    return row


# -- schools and devices -----------------------------------------------------------------------
def register_school(db: HubDb, body: dict[str, Any]) -> Answer:
    """The first laptop: the school's id, its own device id and sealed card."""
    try:
        school_id, device_id = str(body["school_id"]), str(body["device_id"])
        card, schema = unb64(body["card"]), str(body["schema"])
    except (KeyError, ValueError):
        return error(422, refusals.INCOMPLETE, "school_id, device_id, card and schema are needed")
    token = secrets.token_urlsafe(32)
    stamp = now()
    try:
        with db.writing() as conn:
            conn.execute(
                insert(schools).values(id=school_id, created_at=stamp, next_seq=1, epoch=0)
            )
            add_device(conn, school_id, device_id, token, card, 0, schema, stamp)
    except IntegrityError:
        return error(409, refusals.SCHOOL_TAKEN, "that school is already registered on this hub")
    return Answer(201, {"token": token})


def add_device(
    conn: Connection, school_id: str, device_id: str, token: str, card: bytes, epoch: int,
    schema: str, stamp: datetime,
) -> None:  # fmt: skip
    conn.execute(
        insert(devices).values(
            id=device_id, school_id=school_id, token_sha256=token_hash(token), card=card,
            card_epoch=epoch, schema=schema, created_at=stamp, last_seen=stamp, pulled_seq=0,
        )
    )  # fmt: skip


def hello(db: HubDb, device: RowMapping, body: dict[str, Any]) -> Answer:
    """Each sync starts here: report schema and progress; learn devices, keys and the head."""
    schema = str(body.get("schema", "")) or device["schema"]
    pulled = body.get("pulled_seq")
    pulled = pulled if isinstance(pulled, int) and pulled >= 0 else device["pulled_seq"]
    school_id = device["school_id"]
    seen = aware(device["last_seen"])
    if schema != device["schema"] or seen is None or now() - seen > SEEN_EVERY:
        # Written at most once a minute unless the schema changed: writes queue on SQLite.
        with db.writing() as conn:
            conn.execute(
                update(devices)
                .where(devices.c.id == device["id"])
                .values(last_seen=now(), schema=schema, pulled_seq=pulled)
            )
    with db.reading() as conn:
        school = conn.execute(select(schools).where(schools.c.id == school_id)).mappings().one()
        rows = conn.execute(select(devices).where(devices.c.school_id == school_id)).mappings()
        listed = [
            {
                "id": row["id"],
                "card": b64(row["card"]),
                "card_epoch": row["card_epoch"],
                "schema": row["schema"],
                "created_at": _iso(row["created_at"]),
                "last_seen": _iso(row["last_seen"]),
                "pulled_seq": row["pulled_seq"],
                "revoked": row["revoked_at"] is not None,
            }
            for row in rows
        ]
        keys = {
            str(epoch): b64(blob)
            for epoch, blob in conn.execute(
                select(wrapped.c.epoch, wrapped.c.blob).where(wrapped.c.device_id == device["id"])
            )
        }
        snap = conn.execute(
            select(snapshots.c.seq, snapshots.c.epoch).where(snapshots.c.school_id == school_id)
        ).first()
    return Answer(
        200,
        {
            "epoch": school["epoch"],
            "last_seq": school["next_seq"] - 1,
            "snapshot_seq": snap[0] if snap else None,
            "devices": listed,
            "keys": keys,
        },
    )


def _iso(value: datetime | None) -> str | None:
    value = aware(value)
    return value.isoformat() if value is not None else None


# -- batches -----------------------------------------------------------------------------------
def push(db: HubDb, device: RowMapping, body: dict[str, Any]) -> Answer:
    """Append batches in order; a batch id already here is answered with its number."""
    items = body.get("batches")
    if not isinstance(items, list):
        return error(422, refusals.INCOMPLETE, "batches must be a list")
    school_id = device["school_id"]
    seqs: list[int] = []
    with db.writing() as conn:
        school = (
            conn.execute(select(schools).where(schools.c.id == school_id).with_for_update())
            .mappings()
            .one()
        )
        next_seq = int(school["next_seq"])
        for item in items:
            try:
                batch_id, epoch = str(item["id"]), int(item["epoch"])
                schema, blob = str(item["schema"]), unb64(item["body"])
            except (KeyError, ValueError, TypeError):
                return error(
                    422, refusals.INCOMPLETE, "each batch needs id, epoch, schema and body"
                )
            if epoch < school["epoch"]:
                return error(
                    409,
                    refusals.KEY_CHANGED,
                    "the school's sharing key has changed: sync to fetch it",
                )
            known = conn.execute(
                select(batches.c.seq).where(
                    batches.c.school_id == school_id, batches.c.id == batch_id
                )
            ).scalar()
            if known is not None:
                seqs.append(int(known))
                continue
            conn.execute(
                insert(batches).values(
                    school_id=school_id, seq=next_seq, id=batch_id, device_id=device["id"],
                    epoch=epoch, schema=schema, body=blob, received_at=now(),
                )
            )  # fmt: skip
            seqs.append(next_seq)
            next_seq += 1
        conn.execute(update(schools).where(schools.c.id == school_id).values(next_seq=next_seq))
    return Answer(200, {"seqs": seqs, "last_seq": next_seq - 1})


def pull(db: HubDb, device: RowMapping, after: int, limit: int) -> Answer:
    limit = max(1, min(limit, PULL_LIMIT))
    query = (
        select(batches)
        .where(batches.c.school_id == device["school_id"], batches.c.seq > after)
        .order_by(batches.c.seq)
        .limit(limit)
    )
    out: list[dict[str, Any]] = []
    size = 0
    with db.reading() as conn:
        for row in conn.execute(query).mappings():
            if out and size + len(row["body"]) > PULL_BYTES:
                break
            size += len(row["body"])
            out.append(
                {
                    "seq": row["seq"], "id": row["id"], "device": row["device_id"],
                    "epoch": row["epoch"], "schema": row["schema"], "body": b64(row["body"]),
                }
            )  # fmt: skip
        last = conn.execute(
            select(schools.c.next_seq).where(schools.c.id == device["school_id"])
        ).scalar_one()
    return Answer(200, {"batches": out, "last_seq": int(last) - 1})


# -- snapshots ---------------------------------------------------------------------------------
def put_snapshot(db: HubDb, device: RowMapping, headers: dict[str, str], blob: bytes) -> Answer:
    """The school's snapshot: a sealed manifest, and (X-Snapshot, X-Chunks) the chunks already
    uploaded under that id, which it makes current; older chunks are dropped."""
    try:
        seq, epoch = int(headers["x-seq"]), int(headers["x-epoch"])
        schema = headers["x-schema"]
        snap, count = headers.get("x-snapshot", ""), int(headers.get("x-chunks", "0"))
    except (KeyError, ValueError):
        return error(422, refusals.INCOMPLETE, "X-Seq, X-Epoch and X-Schema headers are needed")
    values = {
        "seq": seq, "device_id": device["id"], "epoch": epoch, "schema": schema, "body": blob,
        "made_at": now(),
    }  # fmt: skip
    school_id = device["school_id"]
    with db.writing() as conn:
        if snap:
            held = conn.execute(
                select(func.count()).where(
                    snapshot_chunks.c.school_id == school_id,
                    snapshot_chunks.c.snapshot_id == snap,
                    snapshot_chunks.c.idx < count,
                )
            ).scalar_one()
            if held != count:
                return error(
                    409,
                    refusals.SNAPSHOT_PARTS,
                    f"the snapshot has {held} of its {count} parts: upload them",
                )
        current = conn.execute(
            select(snapshots.c.seq).where(snapshots.c.school_id == school_id)
        ).scalar()
        if current is None:
            conn.execute(insert(snapshots).values(school_id=school_id, **values))
        elif seq >= current:
            conn.execute(
                update(snapshots).where(snapshots.c.school_id == school_id).values(**values)
            )
        else:
            return Answer(200, {"seq": current})
        conn.execute(
            delete(snapshot_chunks).where(
                snapshot_chunks.c.school_id == school_id,
                snapshot_chunks.c.snapshot_id != snap,
                snapshot_chunks.c.made_at < now() - STAGED_KEEP,
            )
        )
    return Answer(200, {"seq": seq})


def _chunk_place(snapshot: str, index: str) -> tuple[str, int] | Answer:
    if not (0 < len(snapshot) <= 64 and snapshot.isalnum() and index.isdigit()):
        return error(
            422, refusals.INCOMPLETE, "a snapshot part is named by the snapshot's id and its number"
        )
    if int(index) >= MAX_CHUNKS:
        return error(413, refusals.TOO_LARGE, f"a snapshot has at most {MAX_CHUNKS} parts")
    return snapshot, int(index)


def put_snapshot_chunk(
    db: HubDb, device: RowMapping, snapshot: str, index: str, blob: bytes
) -> Answer:
    """One sealed part of a snapshot being uploaded (again: the part is replaced)."""
    place = _chunk_place(snapshot, index)
    if isinstance(place, Answer):
        return place
    key = {"school_id": device["school_id"], "snapshot_id": place[0], "idx": place[1]}
    with db.writing() as conn:
        conn.execute(
            delete(snapshot_chunks).where(
                *(getattr(snapshot_chunks.c, k) == v for k, v in key.items())
            )
        )
        conn.execute(insert(snapshot_chunks).values(**key, body=blob, made_at=now()))
    return Answer(200, {"index": place[1]})


def get_snapshot_chunk(db: HubDb, device: RowMapping, snapshot: str, index: str) -> Answer:
    place = _chunk_place(snapshot, index)
    if isinstance(place, Answer):
        return place
    with db.reading() as conn:
        body = conn.execute(
            select(snapshot_chunks.c.body).where(
                snapshot_chunks.c.school_id == device["school_id"],
                snapshot_chunks.c.snapshot_id == place[0],
                snapshot_chunks.c.idx == place[1],
            )
        ).scalar()
    if body is None:
        return error(
            404,
            refusals.SNAPSHOT_REPLACED,
            "that part of the snapshot is not here (a newer one replaced it)",
        )
    return Answer(200, {}, bytes(body))


def get_snapshot(db: HubDb, device: RowMapping) -> Answer:
    with db.reading() as conn:
        row = (
            conn.execute(select(snapshots).where(snapshots.c.school_id == device["school_id"]))
            .mappings()
            .first()
        )
    if row is None:
        return error(
            404, refusals.NO_SNAPSHOT, "no snapshot of this school's record has been uploaded yet"
        )
    headers = {
        "x-seq": str(row["seq"]), "x-epoch": str(row["epoch"]), "x-schema": row["schema"],
        "x-device": row["device_id"],
    }  # fmt: skip
    return Answer(200, headers, bytes(row["body"]))


def stats(db: HubDb) -> dict[str, int]:
    """Counts for the hub's own page: schools, laptops, batches (no content)."""
    with db.reading() as conn:
        return {
            "schools": int(conn.execute(select(func.count()).select_from(schools)).scalar_one()),
            "devices": int(conn.execute(select(func.count()).select_from(devices)).scalar_one()),
            "batches": int(conn.execute(select(func.count()).select_from(batches)).scalar_one()),
        }
