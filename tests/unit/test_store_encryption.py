"""The store is encrypted at rest: plain SQLite cannot read it and no pupil's name is on disk."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.store import Store

NAME = "Quillonbury"


def add_pupil(store: Store, surname: str = NAME) -> None:
    with store.session() as session:
        session.add(
            Pupil(
                upn=make_upn(855, 4001, 24, 1),
                forename="Tamsin",
                surname=surname,
                dob=date(2012, 5, 1),
            )
        )


def test_plain_sqlite_cannot_open_the_database(store: Store) -> None:
    add_pupil(store)
    plain = sqlite3.connect(store.db_path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    plain.close()


def test_cipher_is_sqlcipher_4(store: Store) -> None:
    assert store.cipher_version().startswith("4.")


def test_no_pupil_name_in_any_file_of_the_store(store: Store) -> None:
    add_pupil(store)
    store.backup(store.backups_dir / "manual.db")
    # While the store is open the WAL holds the latest pages: check it as well as the database.
    files = [p for p in store.folder.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "apdesk.db" in names and "apdesk.header.json" in names and "manual.db" in names
    assert any(name.endswith("-wal") for name in names), names
    for path in files:
        data = path.read_bytes()
        assert NAME.encode() not in data, path.name
        assert NAME.encode("utf-16-le") not in data, path.name


def test_files_are_private(store: Store) -> None:
    add_pupil(store)
    store.backup(store.backups_dir / "manual.db")
    assert store.folder.stat().st_mode & 0o777 == 0o700
    for path in store.folder.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path.name


def test_backup_is_encrypted_and_opens_with_the_same_key(store: Store, tmp_path: Path) -> None:
    add_pupil(store)
    target = store.backup(tmp_path / "copy" / "apdesk.db")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(target).execute("SELECT 1 FROM sqlite_master").fetchall()
    target.with_suffix(".header.json").rename(target.parent / "apdesk.header.json")
    copy = Store.open(target.parent, passphrase="correct horse battery staple")
    with copy.session() as session:
        assert session.get(Pupil, 1).surname == NAME  # type: ignore[union-attr]
    copy.lock()


def test_wal_and_full_sync_are_on(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert int(conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar()) == 1
