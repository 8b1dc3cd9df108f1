"""A whole store as a second SQLCipher file under a one-time key, and taking one in.

How a laptop joins a shared record quickly: the sending laptop exports its database with
`sqlcipher_export` into a new file keyed with a random one-time key (pages are copied
encrypted, so no plaintext ever reaches the disk); the joining laptop opens the file with that
key, lets the caller put this laptop's own facts in it, re-keys it under its own data key
(`PRAGMA rekey`) and puts it in place of its (new, empty) database. Files are 0600 and live in
the store's own folder; a file left by a crash is removed the next time.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from apdesk.store import database, migrate
from apdesk.store.crypto import new_data_key
from apdesk.store.database import raw_key_literal
from apdesk.store.store import Store, secure_files

PREFIX = ".snapshot-"
RawConnection = Any  # a sqlcipher3 connection


def sweep(folder: Path) -> None:
    """Remove snapshot files an interrupted export or join left behind."""
    for leftover in folder.glob(f"{PREFIX}*"):
        leftover.unlink(missing_ok=True)


def new_file(folder: Path) -> Path:
    """An empty 0600 file in the store's folder (SQLite takes an empty file as a new database)."""
    path = folder / f"{PREFIX}{secrets.token_hex(8)}.db"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path


def remove(path: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


@contextmanager
def opened(path: Path, key: bytes) -> Iterator[RawConnection]:
    """A plain connection to a snapshot file, one journal file beside it at most, and freed
    pages overwritten (what is deleted from it cannot be read back by whoever holds the key)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{raw_key_literal(key)}"')
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = OFF")
        yield conn
    finally:
        conn.close()


def export(store: Store, tidy: Callable[[RawConnection], Any]) -> tuple[Path, bytes, Any]:
    """The store copied into a new file under a new one-time key, as one read transaction saw
    it; `tidy(conn)` then runs on the copy (to take out what must not travel) and its value is
    returned with the file and the key."""
    sweep(store.folder)
    key = new_data_key()
    path = new_file(store.folder)
    try:
        raw = store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            # Without foreign key checks SQLite copies each table's pages and index entries as
            # they are (as VACUUM does), rather than row by row with index upkeep.
            cursor.execute("PRAGMA foreign_keys = OFF")
            cursor.execute(f'ATTACH DATABASE ? AS snap KEY "{raw_key_literal(key)}"', (str(path),))
            try:
                cursor.execute("BEGIN")  # one snapshot of the store, whatever commits meanwhile
                try:
                    cursor.execute("SELECT sqlcipher_export('snap')").fetchall()
                    cursor.execute("COMMIT")
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
            finally:
                cursor.execute("DETACH DATABASE snap")
                cursor.execute("PRAGMA foreign_keys = ON")
                cursor.close()
        finally:
            raw.close()
        with opened(path, key) as conn:
            value = tidy(conn)
        os.chmod(path, 0o600)
        return path, key, value
    except BaseException:
        remove(path)
        raise


def adopt(
    store: Store, source: Path, source_key: bytes, fill: Callable[[RawConnection], Any]
) -> Any:
    """Put the snapshot file `source` in place of this store's database.

    `fill(conn)` runs on the file first (this laptop's own facts go in); then the file is
    re-keyed under this store's data key and moved over the database, and the store reopens
    on it (migrated if the sending laptop ran an older schema). The store's header, and with it
    its passphrase, recovery key and keyring entry, stay this laptop's own."""
    with opened(source, source_key) as conn:
        value = fill(conn)
        conn.execute(f'PRAGMA rekey = "{raw_key_literal(store._data_key())}"')
    with open(source, "rb") as written:
        os.fsync(written.fileno())
    if store._reader is not None:
        store._reader.dispose()
        store._reader = None
    store.engine.dispose()
    with store.engine.connect() as check:  # the old file's write-ahead log folded in, closed
        check.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    store._engine = None
    for extra in ("-wal", "-shm"):
        Path(f"{store.db_path}{extra}").unlink(missing_ok=True)
    os.replace(source, store.db_path)
    store._engine = database.make_engine(store.db_path, store._data_key())
    if migrate.needs_upgrade(store.engine):
        migrate.upgrade(store.engine)
    secure_files(store.folder)
    return value
