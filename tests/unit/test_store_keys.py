"""Three ways to unwrap the data key: keyring, passphrase, recovery key. None can lock you out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.store import TEST_PASSPHRASE, MemoryKeyring

from apdesk.models import Pupil, School
from apdesk.models.errors import ValidationError
from apdesk.store import KdfParams, Store, StoreExists, StoreNotFound, WrongKey


def make(folder: Path, use_keyring: bool = True) -> tuple[Store, str]:
    store, recovery = Store.create(
        folder, TEST_PASSPHRASE, use_keyring=use_keyring, kdf=KdfParams.fast()
    )
    with store.session() as session:
        session.add(School(name="Testing Academy"))
        session.add(
            Pupil(upn="H801200001001", forename="Ana", surname="Mirren", dob=date(2012, 2, 2))
        )
    return store, recovery


def pupil_count(store: Store) -> int:
    with store.session() as session:
        return len(session.exec(select(Pupil)).all())


def test_keyring_opens_without_a_passphrase(store_dir: Path, memory_keyring: MemoryKeyring) -> None:
    store, _ = make(store_dir)
    store.lock()
    assert memory_keyring.secrets, "the keyring holds a wrapping key"
    reopened = Store.open(store_dir)
    assert reopened.unlocked_by.method == "keyring"
    assert pupil_count(reopened) == 1
    reopened.lock()


def test_wrong_passphrase_is_refused_and_changes_nothing(store_dir: Path) -> None:
    store, _ = make(store_dir)
    store.lock()
    before = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    with pytest.raises(WrongKey, match="passphrase does not open"):
        Store.open(store_dir, passphrase="not the passphrase at all")
    after = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    assert after == before
    assert pupil_count(Store.open(store_dir, passphrase=TEST_PASSPHRASE)) == 1


def test_emptied_keyring_falls_back_to_the_passphrase(
    store_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store, _ = make(store_dir)
    store.lock()
    memory_keyring.secrets.clear()
    with pytest.raises(WrongKey, match="locked"):
        Store.open(store_dir)
    reopened = Store.open(store_dir, passphrase=TEST_PASSPHRASE)
    assert reopened.unlocked_by.keyring_missing
    assert pupil_count(reopened) == 1
    reopened.lock()


def test_forgotten_passphrase_recovery_key_opens_and_sets_a_new_one(store_dir: Path) -> None:
    store, recovery = make(store_dir, use_keyring=False)
    store.lock()
    typed = recovery.lower().replace("-", " ")  # as a person might type it
    reopened = Store.open(store_dir, recovery_key=typed)
    assert reopened.unlocked_by.method == "recovery"
    reopened.change_passphrase("a brand new passphrase")
    reopened.lock()
    with pytest.raises(WrongKey):
        Store.open(store_dir, passphrase=TEST_PASSPHRASE)
    assert pupil_count(Store.open(store_dir, passphrase="a brand new passphrase")) == 1


def test_wrong_recovery_key_is_refused(store_dir: Path) -> None:
    store, recovery = make(store_dir, use_keyring=False)
    store.lock()
    other = "ABCD-" + recovery[5:] if not recovery.startswith("ABCD") else "EFGH-" + recovery[5:]
    with pytest.raises(WrongKey):
        Store.open(store_dir, recovery_key=other)
    with pytest.raises(WrongKey, match="32 letters"):
        Store.open(store_dir, recovery_key="too short")


def test_new_recovery_key_retires_the_old_one(store_dir: Path) -> None:
    store, old = make(store_dir, use_keyring=False)
    new = store.new_recovery_key()
    store.lock()
    with pytest.raises(WrongKey):
        Store.open(store_dir, recovery_key=old)
    Store.open(store_dir, recovery_key=new).lock()


def test_header_holds_no_key_in_the_clear(store_dir: Path) -> None:
    store, recovery = make(store_dir)
    key_hex = store._data_key().hex()
    store.lock()
    header = (store_dir / "apdesk.header.json").read_text()
    assert key_hex not in header
    assert recovery.replace("-", "") not in header.replace("-", "")
    assert TEST_PASSPHRASE not in header


def test_short_passphrase_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 10"):
        Store.create(tmp_path / "s", "short", kdf=KdfParams.fast())
    assert not Store.exists(tmp_path / "s")


def test_missing_and_existing_store_messages(store_dir: Path) -> None:
    with pytest.raises(StoreNotFound, match="apdesk init"):
        Store.open(store_dir / "nowhere", passphrase=TEST_PASSPHRASE)
    make(store_dir)[0].lock()
    with pytest.raises(StoreExists):
        Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())


def test_lock_drops_the_engine(store_dir: Path) -> None:
    store, _ = make(store_dir)
    store.lock()
    assert store.is_locked
    from apdesk.store import StoreLocked

    with pytest.raises(StoreLocked):
        store.engine  # noqa: B018


def test_check_fails_loudly_without_a_recovery_key_until_a_new_one_is_made(
    store_dir: Path,
) -> None:
    from apdesk.commands.check_words import check_lines
    from apdesk.store.checks import check_store
    from apdesk.store.header import KeyHeader

    store, _ = Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())
    store.header.slots.pop("recovery")
    store.header.save(store_dir)
    store.lock()
    reopened = Store.open(store_dir, passphrase=TEST_PASSPHRASE)
    assert reopened.unlocked_by.needs_recovery_key
    report = check_store(reopened)
    assert not report.ok
    lines = check_lines(report)
    assert any("Keys:" in line and "apdesk recovery-key" in line for line in lines)
    recovery = reopened.new_recovery_key(TEST_PASSPHRASE)
    assert check_store(reopened).ok
    reopened.lock()
    assert "recovery" in KeyHeader.load(store_dir).slots
    Store.open(store_dir, recovery_key=recovery).lock()


def test_a_new_recovery_key_retires_the_old_one_from_the_stores_backups(store_dir: Path) -> None:
    import json

    from apdesk.store.header import KeyHeader

    store, old = Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())
    backup = store.backup(store.backups_dir / "before-migration-x.db")
    copy = backup.with_suffix(".header.json")
    assert KeyHeader.from_json(json.loads(copy.read_text())).unlock_with_recovery(old)
    store.new_recovery_key()
    with pytest.raises(WrongKey):
        KeyHeader.from_json(json.loads(copy.read_text())).unlock_with_recovery(old)
    store.lock()
