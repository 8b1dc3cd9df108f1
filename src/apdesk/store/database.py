"""The SQLCipher engine: raw 256-bit key, WAL, full sync, memory security, verified at open."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from weakref import WeakSet

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from apdesk.store.errors import NotEncrypted, StoreDamaged, WrongKey

DB_NAME = "apdesk.db"


def raw_key_literal(data_key: bytes) -> str:
    """SQLCipher's raw-key form: no per-connection key derivation."""
    return f"x'{data_key.hex()}'"


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    _configure(dbapi_conn, read_only=False)


def _on_connect_read_only(dbapi_conn: Any, _record: Any) -> None:
    _configure(dbapi_conn, read_only=True)


def _configure(dbapi_conn: Any, *, read_only: bool) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")  # errors reach the person as messages
        cursor.execute("PRAGMA cipher_memory_security = ON")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
        # 32 MiB of page cache: index upkeep on a large register is what slows imports.
        cursor.execute("PRAGMA cache_size = -32768")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")  # SQLite itself refuses any write
    finally:
        cursor.close()


_read_only: WeakSet[Engine] = WeakSet()


def is_read_only(engine: Engine) -> bool:
    """Whether `engine` was made `read_only`: what it reads is committed, and stays so."""
    return engine in _read_only


def make_engine(db_path: Path, data_key: bytes, *, read_only: bool = False) -> Engine:
    """Open the database with the data key; fail clearly on a wrong key or on plain SQLite.

    A `read_only` engine's connections refuse every write (`PRAGMA query_only`): reads run on
    them, beside the writer, and cannot change the record even by mistake."""
    url = URL.create(
        "sqlite+pysqlcipher", password=raw_key_literal(data_key), database=str(db_path)
    )
    # A queue of connections, each used by one thread at a time: the GUI's database worker,
    # the sender's thread and the CLI all share the engine. (The dialect's default pool keeps
    # one connection per thread and closes them behind threads that come and go.)
    engine = create_engine(
        url, poolclass=QueuePool, connect_args={"check_same_thread": False}, pool_pre_ping=False
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    if read_only:
        _read_only.add(engine)
    try:
        verify(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def verify(engine: Engine) -> None:
    """SQLCipher only fails on the first read, so read straight away."""
    try:
        with engine.connect() as conn:
            version = conn.execute(text("PRAGMA cipher_version")).scalar()
            if not version:
                raise NotEncrypted(
                    "SQLCipher is not loaded (plain SQLite answered): apdesk will not store "
                    "pupils' data unencrypted. Reinstall apdesk."
                )
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    except DatabaseError as exc:
        message = str(exc.orig) if exc.orig is not None else str(exc)
        if "not a database" in message or "encrypted" in message:
            raise WrongKey(
                "The key does not open this database (wrong key, or the file was altered)."
            ) from exc
        raise StoreDamaged(
            f"The database cannot be read ({message}): it is damaged; restore a backup with "
            "`apdesk restore`"
        ) from exc


def cipher_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA cipher_version")).scalar() or "")
