"""The hub's database: sealed blobs, device ids and ordering metadata, nothing else.

Plain SQLAlchemy Core on SQLite (a file) or PostgreSQL (a URL). Batches are numbered per
school from a counter in the school's row, taken under `SELECT ... FOR UPDATE`: two laptops
pushing at once get consecutive numbers in commit order, so a laptop that has read up to
number N has seen every batch numbered N or less, on PostgreSQL as on SQLite.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    event,
)

metadata = MetaData()

schools = Table(
    "hub_school",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_seq", BigInteger, nullable=False, default=1),
    Column("epoch", Integer, nullable=False, default=0),
)

devices = Table(
    "hub_device",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("school_id", String(36), ForeignKey("hub_school.id"), nullable=False, index=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("card", LargeBinary, nullable=False),  # sealed: name and public key
    Column("card_epoch", Integer, nullable=False, default=0),
    Column("schema", String(64), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=True),
    Column("pulled_seq", BigInteger, nullable=False, default=0),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

wrapped = Table(
    "hub_wrapped_key",
    metadata,
    Column("device_id", String(36), ForeignKey("hub_device.id"), primary_key=True),
    Column("epoch", Integer, primary_key=True),
    Column("blob", LargeBinary, nullable=False),  # the keyring sealed to the device's key
)

batches = Table(
    "hub_batch",
    metadata,
    Column("school_id", String(36), ForeignKey("hub_school.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("id", String(36), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("schema", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("school_id", "id", name="uq_hub_batch_id"),
)

snapshots = Table(
    "hub_snapshot",
    metadata,
    Column("school_id", String(36), ForeignKey("hub_school.id"), primary_key=True),
    Column("seq", BigInteger, nullable=False),  # every batch up to this is in it
    Column("device_id", String(36), nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("schema", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("made_at", DateTime(timezone=True), nullable=False),
)

snapshot_chunks = Table(
    "hub_snapshot_chunk",
    metadata,
    Column("school_id", String(36), ForeignKey("hub_school.id"), primary_key=True),
    Column("snapshot_id", String(64), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("body", LargeBinary, nullable=False),  # sealed: a piece of an encrypted database
    Column("made_at", DateTime(timezone=True), nullable=False),
)

enrolments = Table(
    "hub_enrolment",
    metadata,
    Column("lookup", String(16), primary_key=True),
    Column("school_id", String(36), ForeignKey("hub_school.id"), nullable=False),
    Column("verifier_sha256", String(64), nullable=False),
    Column("blob", LargeBinary, nullable=False),  # the keyring sealed under the code's key
    Column("created_by", String(36), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
    Column("used_by", String(36), nullable=True),
)

Index("ix_hub_batch_device", batches.c.school_id, batches.c.device_id)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


@dataclass(frozen=True)
class HubDb:
    """Reads and writes. On SQLite, writes take the write lock when they begin (BEGIN
    IMMEDIATE): a transaction that read first and wrote later would fail at once, not wait,
    when another laptop's push held the lock. On PostgreSQL both are one engine."""

    read: Engine
    write: Engine

    def reading(self) -> Connection:
        return self.read.connect()

    def writing(self) -> AbstractContextManager[Connection]:
        return self.write.begin()

    def dispose(self) -> None:
        self.read.dispose()
        self.write.dispose()


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    if immediate:

        @event.listens_for(engine, "connect")
        def _own_transactions(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # the driver leaves BEGIN to us

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def open_db(url: str) -> HubDb:
    """Connect (a bare path means a SQLite file) and create the tables if they are missing."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        db = HubDb(_sqlite_engine(url, immediate=False), _sqlite_engine(url, immediate=True))
    else:
        engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
        db = HubDb(engine, engine)
    metadata.create_all(db.write)
    return db
