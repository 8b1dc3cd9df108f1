"""The inbox's own database: a SQLite file (made 0600) by default, or PostgreSQL by URL.

`postgresql://user@host/db` uses psycopg 3 (the `postgres` extra). Every problem opening the
database is an `InboxError` with one line saying what to do.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import (
    BigInteger,
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
    inspect,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from apdesk.i18n import _
from apdesk.models.errors import ApdeskError, ValidationError
from apdesk.sync.util import key_id, public_pem

metadata = MetaData()
MIN_TOKEN = 16
MAX_NAME = 200

schools = Table(
    "inbox_school",
    metadata,
    Column("urn", String(6), primary_key=True),
    Column("name", String(MAX_NAME), nullable=False, default=""),
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
    Column("sha256", String(64), nullable=False),  # of the body first received
    Column("manifest_sha256", String(64), nullable=True),  # what identifies the pack
    Column("size", Integer, nullable=False),
    Column("encrypted", Integer, nullable=False, default=0),
    Column("body", LargeBinary, nullable=False),
    Column("receipt", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # The school's audit head signed into the manifest, and what the inbox made of it.
    Column("audit_count", BigInteger, nullable=True),
    Column("audit_head", String(64), nullable=True),
    Column("audit_at", String(40), nullable=True),
    # Whose chain the head is (a laptop's device id); NULL for a store's one, unnamed chain.
    Column("audit_chain", String(64), nullable=True),
    Column("audit_finding", Text, nullable=True),
)

# The LA's private keys, each sealed with the inbox key (never in the database in the clear).
la_keys = Table(
    "inbox_la_sealed_key",
    metadata,
    Column("name", String(20), primary_key=True),
    Column("sealed", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

_ADDED_LATER = (
    "manifest_sha256",
    "audit_count",
    "audit_head",
    "audit_at",
    "audit_finding",
    "audit_chain",
)


class InboxError(ApdeskError):
    """The inbox cannot start or run as asked; the message says what to do."""


def database_url(text: str) -> URL:
    """A SQLAlchemy URL from a URL or a SQLite file name; PostgreSQL goes through psycopg 3."""
    if "://" not in text:
        return URL.create("sqlite", database=text)
    try:
        url = make_url(text)
    except ArgumentError:
        raise InboxError("--db: " + _("'{text}' is not a database URL").format(text=text)) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise InboxError(
            "--db: "
            + _(
                "'{name}' is not a database the inbox uses: give a SQLite file name or "
                "postgresql://user@host/database"
            ).format(name=url.get_backend_name())
        )
    return url


def _private_sqlite_file(url: URL) -> None:
    """Create the SQLite file 0600 before SQLite does (its journals copy the file's mode)."""
    name = url.database or ""
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    if path.parent and not path.parent.is_dir():
        raise InboxError(
            "--db: "
            + _("there is no folder {folder} for {name}").format(folder=path.parent, name=path.name)
        )
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def open_db(text: str) -> Engine:
    """Connect, create the tables if they are missing, and bring older tables up to date."""
    url = database_url(text)
    if url.get_backend_name() == "sqlite":
        _private_sqlite_file(url)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError):
        raise InboxError(
            _(
                "PostgreSQL needs the psycopg driver: install apdesk with the postgres extra "
                "(pip install 'apdesk[postgres]')"
            )
        ) from None
    except ArgumentError as exc:
        raise InboxError(f"--db: {exc}") from None
    try:
        metadata.create_all(engine)
        _add_missing_columns(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise InboxError(
            _("the inbox database cannot be used: {problem}").format(problem=first_line(exc))
        ) from None
    return engine


def first_line(exc: BaseException) -> str:
    """The driver's own first line of an error, without SQLAlchemy's SQL and links."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0][:200] if text else type(original).__name__


def _add_missing_columns(engine: Engine) -> None:
    """Databases made by an earlier apdesk lack the pack's signed identity and audit columns."""
    present = {column["name"] for column in inspect(engine).get_columns(packs.name)}
    missing = [packs.c[name] for name in _ADDED_LATER if name not in present]
    if not missing:
        return
    with engine.begin() as conn:
        for column in missing:
            kind = column.type.compile(dialect=engine.dialect)
            conn.exec_driver_sql(f"ALTER TABLE {packs.name} ADD COLUMN {column.name} {kind}")
    _backfill_manifest_hashes(engine)


def _backfill_manifest_hashes(engine: Engine) -> None:
    """Packs received before packs were identified by their signed manifest get its hash."""
    from apdesk.safezip import SafeZip, UnsafeZip
    from apdesk.sync.verify import PACK_LIMITS

    query = select(packs.c.pack_id, packs.c.body).where(packs.c.manifest_sha256.is_(None))
    with engine.begin() as conn:
        for pack_id, body in conn.execute(query).all():
            try:
                with SafeZip(bytes(body), PACK_LIMITS) as archive:
                    digest = hashlib.sha256(archive.read("manifest.json")).hexdigest()
            except UnsafeZip:
                continue
            conn.execute(
                packs.update().where(packs.c.pack_id == pack_id).values(manifest_sha256=digest)
            )


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def register_school(engine: Engine, urn: str, pem: bytes, token: str, name: str = "") -> str:
    """Add or replace a school's key and token; returns the key id."""
    if not (urn.isdigit() and len(urn) == 6):
        raise ValidationError(
            "URN", _("'{urn}' is not a URN").format(urn=urn[:20]), _("a URN has 6 digits")
        )
    if len(token) < MIN_TOKEN:
        raise ValidationError(
            "token",
            _("is shorter than {n} characters").format(n=MIN_TOKEN),
            _("use a long random token"),
        )
    if len(name) > MAX_NAME or "\x00" in name:
        raise ValidationError(
            "name", _("is longer than {n} characters").format(n=MAX_NAME), _("shorten it")
        )
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise ValidationError("PEM", _("is not a public key"), _("export it with apdesk")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValidationError("PEM", _("is not an Ed25519 public key"), _("export it with apdesk"))
    values = {
        "name": name,
        "public_key_pem": public_pem(key).decode("ascii"),
        "key_id": key_id(key),
        "token_sha256": token_hash(token),
        "registered_at": datetime.now(UTC),
    }
    with engine.begin() as conn:
        clash = conn.execute(
            select(schools.c.urn).where(
                schools.c.token_sha256 == values["token_sha256"], schools.c.urn != urn
            )
        ).first()
        if clash:
            raise ValidationError(
                "token",
                _("is already another school's token"),
                _("give each school its own token"),
            )
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


def receipts_of(engine: Engine, urn: str) -> list[dict[str, Any]]:
    """The signed receipts the inbox gave a school, oldest first: its witness of the audit chain."""
    import json

    query = (
        select(packs.c.receipt)
        .where(packs.c.school_urn == urn)
        .order_by(packs.c.received_at, packs.c.pack_id)
    )
    with engine.connect() as conn:
        return [json.loads(text) for text in conn.execute(query).scalars()]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
