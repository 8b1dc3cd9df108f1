"""The inbox's own database (plain SQLAlchemy: SQLite by default, any URL incl. PostgreSQL)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from apdesk.models.errors import ValidationError
from apdesk.sync.util import key_id, public_pem

metadata = MetaData()

schools = Table(
    "inbox_school",
    metadata,
    Column("urn", String(6), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("public_key_pem", Text, nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("registered_at", DateTime(timezone=True), nullable=False),
)

packs = Table(
    "inbox_pack",
    metadata,
    Column("pack_id", String(36), primary_key=True),
    Column("school_urn", String(6), ForeignKey("inbox_school.urn"), nullable=False, index=True),
    Column("kind", String(40), nullable=False, default=""),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("encrypted", Integer, nullable=False, default=0),
    Column("body", LargeBinary, nullable=False),
    Column("receipt", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

la_keys = Table(
    "inbox_la_key",
    metadata,
    Column("name", String(20), primary_key=True),
    Column("private_hex", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def open_db(url: str) -> Engine:
    """Connect and create the tables if they are missing."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    engine = create_engine(url)
    metadata.create_all(engine)
    return engine


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class LaKeys:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    def published(self) -> dict[str, Any]:
        return {
            name: {"key_id": key_id(pub), "pem": public_pem(pub).decode("ascii")}
            for name, pub in (
                ("ed25519", self.signing.public_key()),
                ("x25519", self.encryption.public_key()),
            )
        }

    def pem_bundle(self) -> bytes:
        return public_pem(self.signing.public_key()) + public_pem(self.encryption.public_key())


def _raw(key: Ed25519PrivateKey | X25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    ).hex()


def la_keys_for(engine: Engine) -> LaKeys:
    """The LA's key pairs, generated and stored on first start."""
    found: dict[str, str] = {}
    for name, maker in (("ed25519", Ed25519PrivateKey), ("x25519", X25519PrivateKey)):
        query = select(la_keys.c.private_hex).where(la_keys.c.name == name)
        with engine.connect() as conn:
            stored = conn.execute(query).scalar()
        if stored is None:
            fresh = _raw(maker.generate())
            try:
                with engine.begin() as conn:
                    conn.execute(
                        insert(la_keys).values(
                            name=name, private_hex=fresh, created_at=datetime.now(UTC)
                        )
                    )
                stored = fresh
            except IntegrityError:  # another worker made it first: use theirs
                with engine.connect() as conn:
                    stored = conn.execute(query).scalar_one()
        found[name] = str(stored)
    return LaKeys(
        Ed25519PrivateKey.from_private_bytes(bytes.fromhex(found["ed25519"])),
        X25519PrivateKey.from_private_bytes(bytes.fromhex(found["x25519"])),
    )


def register_school(engine: Engine, urn: str, pem: bytes, token: str, name: str = "") -> str:
    """Add or replace a school's key and token; returns the key id."""
    if not (urn.isdigit() and len(urn) == 6):
        raise ValidationError("URN", f"'{urn}' is not a URN", "a URN has 6 digits")
    if len(token) < 16:
        raise ValidationError("token", "is shorter than 16 characters", "use a long random token")
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise ValidationError("PEM", "is not a public key", "export it with apdesk") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValidationError("PEM", "is not an Ed25519 public key", "export it with apdesk")
    values = {
        "name": name,
        "public_key_pem": public_pem(key).decode("ascii"),
        "key_id": key_id(key),
        "token_sha256": token_hash(token),
        "registered_at": datetime.now(UTC),
    }
    with engine.begin() as conn:
        existing = conn.execute(select(schools.c.urn).where(schools.c.urn == urn)).first()
        if existing:
            conn.execute(schools.update().where(schools.c.urn == urn).values(**values))
        else:
            conn.execute(insert(schools).values(urn=urn, **values))
    return str(values["key_id"])


def list_packs(engine: Engine) -> list[dict[str, Any]]:
    cols = [c for c in packs.c if c.name not in ("body", "receipt")]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(packs.c.school_urn, packs.c.received_at))
        result = []
        for row in rows.mappings():
            item = dict(row)
            item["encrypted"] = bool(item["encrypted"])
            item["received_at"] = _aware(item["received_at"]).isoformat()
            result.append(item)
    return result


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
