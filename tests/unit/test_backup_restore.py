"""Backups stay encrypted; a restore checks before it replaces and keeps what it replaced."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Pupil
from apdesk.store import Store, StoreDamaged
from apdesk.store.backup_file import restore_backup, write_backup
from apdesk.store.checks import check_store


def add_pupil(store: Store, surname: str) -> None:
    with store.session() as session:
        count = len(session.exec(select(Pupil)).all())
        session.add(
            Pupil(upn=f"T{count:012d}", forename="Rowan", surname=surname, dob=date(2011, 3, 4))
        )


def surnames(folder: Path) -> set[str]:
    store = Store.open(folder, passphrase=TEST_PASSPHRASE)
    try:
        with store.session() as session:
            return {p.surname for p in session.exec(select(Pupil)).all()}
    finally:
        store.lock()


def test_backup_round_trip_into_a_new_folder(store: Store, tmp_path: Path) -> None:
    add_pupil(store, "Beckwith")
    backup = write_backup(store, tmp_path / "usb" / "school.apbackup")
    with zipfile.ZipFile(backup) as archive:
        names = set(archive.namelist())
        db_bytes = archive.read("apdesk.db")
    assert names == {"backup.json", "apdesk.db", "apdesk.header.json"}
    assert b"Beckwith" not in backup.read_bytes()
    (tmp_path / "raw.db").write_bytes(db_bytes)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "raw.db").execute("SELECT 1 FROM sqlite_master").fetchall()
    result = restore_backup(backup, tmp_path / "restored", passphrase=TEST_PASSPHRASE)
    assert result.kept is None
    assert surnames(tmp_path / "restored") == {"Beckwith"}


def test_restore_over_a_store_keeps_the_replaced_one(store: Store, tmp_path: Path) -> None:
    add_pupil(store, "Before")
    backup = write_backup(store, tmp_path / "b.apbackup")
    add_pupil(store, "After")
    store.lock()
    result = restore_backup(backup, store.folder, passphrase=TEST_PASSPHRASE)
    assert surnames(store.folder) == {"Before"}
    assert result.kept is not None and surnames(result.kept) == {"Before", "After"}


def test_a_damaged_backup_replaces_nothing(store: Store, tmp_path: Path) -> None:
    add_pupil(store, "Keep")
    backup = write_backup(store, tmp_path / "b.apbackup")
    store.lock()
    data = bytearray(backup.read_bytes())
    offset = data.find(b"apdesk.db") + 5000
    data[offset] ^= 0xFF
    broken = tmp_path / "broken.apbackup"
    broken.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged, match="damaged"):
        restore_backup(broken, store.folder, passphrase=TEST_PASSPHRASE)
    assert surnames(store.folder) == {"Keep"}
    assert not list(tmp_path.glob("*.replaced-*"))
    assert not [p for p in store.folder.parent.iterdir() if ".restoring-" in p.name]


def test_tampered_database_is_refused_at_open_with_a_clear_message(store: Store) -> None:
    add_pupil(store, "Tamper")
    folder = store.folder
    store.lock()
    db = folder / "apdesk.db"
    data = bytearray(db.read_bytes())
    data[100] ^= 0x01  # inside page 1, covered by its HMAC
    db.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged, match="altered or damaged"):
        Store.open(folder, passphrase=TEST_PASSPHRASE)


def test_check_reports_a_healthy_store(store: Store) -> None:
    add_pupil(store, "Healthy")
    report = check_store(store)
    assert report.ok, report


def test_rotate_key_keeps_data_and_retires_the_old_recovery_key(store_dir: Path) -> None:
    from apdesk.store import KdfParams, WrongKey

    store, old_recovery = Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())
    add_pupil(store, "Rotated")
    old_key = store._data_key()
    new_recovery = store.rotate_key(TEST_PASSPHRASE)
    assert store._data_key() != old_key
    assert list(store.backups_dir.glob("before-key-rotation-*.db"))
    store.lock()
    assert surnames(store_dir) == {"Rotated"}
    with pytest.raises(WrongKey):
        Store.open(store_dir, recovery_key=old_recovery)
    Store.open(store_dir, recovery_key=new_recovery).lock()
    assert Store.open(store_dir).unlocked_by.method == "keyring"


def test_rotation_interrupted_after_rekey_still_opens(store_dir: Path) -> None:
    """Simulate a crash after the rekey but before the header was rewritten."""
    from apdesk.store import KdfParams, database
    from apdesk.store.crypto import new_data_key

    store, _ = Store.create(store_dir, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast())
    add_pupil(store, "Interrupted")
    new_key = new_data_key()
    store.header.set_pending(new_key, TEST_PASSPHRASE)
    store.header.save(store_dir)
    store.engine.dispose()
    raw = store.engine.raw_connection()
    raw.cursor().execute(f'PRAGMA rekey = "{database.raw_key_literal(new_key)}"')
    raw.close()
    store.lock()
    reopened = Store.open(store_dir, passphrase=TEST_PASSPHRASE)
    assert reopened.unlocked_by.needs_recovery_key
    reopened.lock()
    assert surnames(store_dir) == {"Interrupted"}
