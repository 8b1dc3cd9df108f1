"""The school's Ed25519 signing key, kept only inside the encrypted store.

Secret settings are written with a plain INSERT/UPDATE rather than through the ORM, so the
audit log (which records every ORM change with its values) never holds a copy of a secret.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from apdesk.models import Setting
from apdesk.sync.util import key_id, public_pem

SIGNING_KEY = "school_signing_key"

_TABLE = Setting.__table__  # type: ignore[attr-defined]


def read_secret(session: Session, key: str) -> str | None:
    value = session.connection().execute(select(_TABLE.c.value).where(_TABLE.c.key == key))
    found = value.scalar()
    return None if found is None else str(found)


def write_secret(session: Session, key: str, value: str) -> None:
    """Upsert a secret setting without an audit row carrying its value."""
    conn = session.connection()
    if read_secret(session, key) is None:
        conn.execute(insert(_TABLE).values(key=key, value=value))
    else:
        conn.execute(update(_TABLE).where(_TABLE.c.key == key).values(value=value))


def delete_secret(session: Session, key: str) -> None:
    session.connection().execute(delete(_TABLE).where(_TABLE.c.key == key))


def signing_key(session: Session) -> Ed25519PrivateKey:
    """The school's signing key, made on first use in the caller's transaction."""
    stored = read_secret(session, SIGNING_KEY)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    write_secret(session, SIGNING_KEY, raw.hex())
    return key


def public_key(session: Session) -> Ed25519PublicKey:
    return signing_key(session).public_key()


def public_key_pem(session: Session) -> bytes:
    """SubjectPublicKeyInfo PEM: what the LA registers to check this school's packs."""
    return public_pem(public_key(session))


def signer_key_id(session: Session) -> str:
    return key_id(public_key(session))
