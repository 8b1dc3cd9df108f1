"""Joining takes the record as a SQLCipher file: exported under a one-time key, sealed in
chunks, re-keyed into the joining laptop's own store, with that laptop's own state put back.
Nothing is left on disk, the hub holds ciphertext only, and a damaged download changes nothing."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import add_pupil, first_laptop
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.upn import make_upn
from apdesk.share import engine, enrol, snapshot
from apdesk.share.crypto import ShareCryptoError
from apdesk.share.export import canonical
from apdesk.store import KdfParams, Store

KDF = KdfParams.fast()


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".snapshot-")]


def facts(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return {str(k): str(v) for k, v in conn.execute(text("SELECT key, value FROM sharestate"))}


def count(store: Store, sql: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_a_joining_laptop_holds_the_record_with_its_own_keys_and_state(
    tmp_path: Path, sqlite_hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "CHUNK_BYTES", 64 * 1024)  # several chunks, even for a test
    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KDF)
    office_facts = facts(office.store)
    with sqlite_hub.engine.connect() as conn:
        parts = conn.execute(text("SELECT count(*) FROM hub_snapshot_chunk")).scalar_one()
    assert parts > 1
    joined = enrol.join(tmp_path / "senco", sqlite_hub.url, code, TEST_PASSPHRASE, "SENCO",
                        kdf=KDF)  # fmt: skip
    senco = Store.open(tmp_path / "senco", recovery_key=joined.recovery_key)  # its own key
    try:
        assert office.export() == senco.read(canonical)
        mine = facts(senco)
        assert mine["device"] == joined.device != office_facts["device"]
        for secret in ("token", "device_key"):
            assert mine[secret] != office_facts[secret]
        assert "needs_snapshot" not in mine and "pushed_seq" not in mine
        assert count(senco, "SELECT count(*) FROM sharelog") == 0
        office_audit = count(office.store, "SELECT count(*) FROM auditevent")
        assert count(senco, "SELECT count(*) FROM auditevent WHERE action = 'join'") == 1
        assert count(senco, "SELECT count(*) FROM auditevent") < office_audit
        assert senco.header.store_id != office.store.header.store_id
        # Its change log starts again: its first change is number 1 of its own.
        senco.run(add_pupil, make_upn(855, 4001, 25, 90), "Joiner")
        assert count(senco, "SELECT min(seq) FROM sharelog") == 1
        assert engine.sync_once(senco).state == engine.IN_STEP
        assert office.sync().state == engine.IN_STEP
        assert office.export() == senco.read(canonical)
        for folder in (tmp_path / "office", tmp_path / "senco"):
            assert leftovers(folder) == []
            for path in folder.rglob("*"):
                if path.is_file():
                    assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        hub_bytes = b"".join(p.read_bytes() for p in tmp_path.glob("hub.db*"))
        for needle in (office_facts["device_key"], mine["device_key"], "Seed1", "Oakley"):
            assert needle.encode() not in hub_bytes
    finally:
        senco.lock()
        office.store.lock()


def test_a_damaged_snapshot_changes_nothing_and_the_next_sync_takes_it(
    tmp_path: Path, sqlite_hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "CHUNK_BYTES", 64 * 1024)
    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KDF)
    with sqlite_hub.engine.begin() as conn:  # the hub reorders two parts
        conn.execute(text("UPDATE hub_snapshot_chunk SET idx = -1 WHERE idx = 0"))
        conn.execute(text("UPDATE hub_snapshot_chunk SET idx = 0 WHERE idx = 1"))
        conn.execute(text("UPDATE hub_snapshot_chunk SET idx = 1 WHERE idx = -1"))
    with pytest.raises(ShareCryptoError):
        enrol.join(tmp_path / "senco", sqlite_hub.url, code, TEST_PASSPHRASE, "SENCO", kdf=KDF)
    assert leftovers(tmp_path / "senco") == []
    senco = Store.open(tmp_path / "senco", passphrase=TEST_PASSPHRASE)
    try:
        assert facts(senco).get("needs_snapshot") == "1"
        assert count(senco, "SELECT count(*) FROM pupil") == 0
        with sqlite_hub.engine.begin() as conn:  # put right again
            conn.execute(text("UPDATE hub_snapshot_chunk SET idx = -1 WHERE idx = 0"))
            conn.execute(text("UPDATE hub_snapshot_chunk SET idx = 0 WHERE idx = 1"))
            conn.execute(text("UPDATE hub_snapshot_chunk SET idx = 1 WHERE idx = -1"))
        assert engine.sync_once(senco).state == engine.IN_STEP
        assert count(senco, "SELECT count(*) FROM pupil") == 2
        assert "needs_snapshot" not in facts(senco)
    finally:
        senco.lock()
        office.store.lock()
