"""Enrolling a laptop with a one-time code, and revoking one with a new key epoch.

The hub keeps each code's sealed keyring under its lookup part and the SHA-256 of a verifier
derived from its secret part; it can check a code without learning the key it seals.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from apdesk.share import refusals
from apdesk.share.hub.db import HubDb, devices, enrolments, schools, wrapped
from apdesk.share.hub.service import (
    Answer,
    add_device,
    aware,
    b64,
    error,
    now,
    token_hash,
    unb64,
)

ENROL_HOURS = 24


# -- enrolment ---------------------------------------------------------------------------------
def create_enrolment(db: HubDb, device: RowMapping, body: dict[str, Any]) -> Answer:
    try:
        lookup, verifier = str(body["lookup"]), str(body["verifier_sha256"])
        blob = unb64(body["blob"])
    except (KeyError, ValueError):
        return error(422, refusals.INCOMPLETE, "lookup, verifier_sha256 and blob are needed")
    expires = now() + timedelta(hours=ENROL_HOURS)
    try:
        with db.writing() as conn:
            conn.execute(
                insert(enrolments).values(
                    lookup=lookup, school_id=device["school_id"], verifier_sha256=verifier,
                    blob=blob, created_by=device["id"], expires_at=expires,
                )
            )  # fmt: skip
    except IntegrityError:
        return error(409, refusals.CODE_TAKEN, "make a new code: that one is taken")
    return Answer(201, {"expires_at": expires.isoformat()})


def _usable_enrolment(conn: Connection, lookup: str, verifier: str) -> RowMapping | Answer:
    row = conn.execute(select(enrolments).where(enrolments.c.lookup == lookup)).mappings().first()
    if row is None or token_hash(verifier) != row["verifier_sha256"]:
        return error(
            404, refusals.NO_ENROLMENT, "no enrolment with that code: check it, or make a new one"
        )
    if row["used_at"] is not None:
        return error(
            410,
            refusals.CODE_USED,
            "that code was already used: make a new one on a sharing laptop",
        )
    expires = aware(row["expires_at"])
    if expires is not None and expires < now():
        return error(
            410,
            refusals.CODE_EXPIRED,
            "that code has expired (codes last 24 hours): make a new one",
        )
    return row


def read_enrolment(db: HubDb, lookup: str, verifier: str) -> Answer:
    with db.reading() as conn:
        row = _usable_enrolment(conn, lookup, verifier)
        if isinstance(row, Answer):
            return row
        epoch = conn.execute(
            select(schools.c.epoch).where(schools.c.id == row["school_id"])
        ).scalar_one()
    return Answer(200, {"school_id": row["school_id"], "blob": b64(row["blob"]), "epoch": epoch})


def use_enrolment(db: HubDb, lookup: str, body: dict[str, Any]) -> Answer:
    try:
        verifier, device_id = str(body["verifier"]), str(body["device_id"])
        card, schema, epoch = unb64(body["card"]), str(body["schema"]), int(body["card_epoch"])
    except (KeyError, ValueError, TypeError):
        return error(
            422, refusals.INCOMPLETE, "verifier, device_id, card, card_epoch and schema are needed"
        )
    token = secrets.token_urlsafe(32)
    stamp = now()
    try:
        with db.writing() as conn:
            row = _usable_enrolment(conn, lookup, verifier)
            if isinstance(row, Answer):
                return row
            done = conn.execute(
                update(enrolments)
                .where(enrolments.c.lookup == lookup, enrolments.c.used_at.is_(None))
                .values(used_at=stamp, used_by=device_id)
            )
            if done.rowcount != 1:
                return error(410, refusals.CODE_USED, "that code was already used: make a new one")
            add_device(conn, row["school_id"], device_id, token, card, epoch, schema, stamp)
    except IntegrityError:
        return error(409, refusals.LAPTOP_ENROLLED, "that device id is already enrolled")
    return Answer(201, {"token": token, "school_id": row["school_id"]})


# -- revoking ----------------------------------------------------------------------------------
def revoke(db: HubDb, device: RowMapping, target: str, body: dict[str, Any]) -> Answer:
    """Shut one laptop out and start a new key epoch, sealed for each remaining laptop."""
    try:
        epoch = int(body["epoch"])
        blobs = {str(k): unb64(v) for k, v in dict(body["wrapped"]).items()}
    except (KeyError, ValueError, TypeError):
        return error(422, refusals.INCOMPLETE, "epoch and wrapped are needed")
    school_id = device["school_id"]
    with db.writing() as conn:
        school = (
            conn.execute(select(schools).where(schools.c.id == school_id).with_for_update())
            .mappings()
            .one()
        )
        if epoch != school["epoch"] + 1:
            return error(
                409,
                refusals.KEY_CHANGED,
                "the school's key changed meanwhile: sync, then revoke again",
            )
        found = conn.execute(
            select(devices.c.id).where(devices.c.id == target, devices.c.school_id == school_id)
        ).scalar()
        if found is None:
            return error(
                404, refusals.NO_SUCH_LAPTOP, "no laptop with that id shares this school's record"
            )
        if target == device["id"]:
            return error(
                422, refusals.REVOKE_SELF, "a laptop cannot revoke itself: do it from another one"
            )
        conn.execute(update(devices).where(devices.c.id == target).values(revoked_at=now()))
        active = {
            str(d)
            for d in conn.execute(
                select(devices.c.id).where(
                    devices.c.school_id == school_id, devices.c.revoked_at.is_(None)
                )
            ).scalars()
        }
        for device_id, blob in blobs.items():
            if device_id in active:
                conn.execute(insert(wrapped).values(device_id=device_id, epoch=epoch, blob=blob))
        conn.execute(update(schools).where(schools.c.id == school_id).values(epoch=epoch))
        conn.execute(
            delete(enrolments).where(
                enrolments.c.school_id == school_id, enrolments.c.used_at.is_(None)
            )
        )
    return Answer(200, {"epoch": epoch})
