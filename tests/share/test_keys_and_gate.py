"""Enrolment codes, revoking a lost laptop, the schema gate and what the hub can see."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import Laptop, everyone_syncs, first_laptop, school, set_field
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.errors import ValidationError
from apdesk.share import engine, enrol, views
from apdesk.share.client import HubRefused
from apdesk.share.hub.db import enrolments
from apdesk.store import KdfParams, Store


def test_a_code_works_once(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KdfParams.fast())
    enrol.join(tmp_path / "senco", sqlite_hub.url, code, TEST_PASSPHRASE, "SENCO",
               kdf=KdfParams.fast())  # fmt: skip
    with pytest.raises(HubRefused, match="already used"):
        enrol.join(tmp_path / "third", sqlite_hub.url, code, TEST_PASSPHRASE, "Third",
                   kdf=KdfParams.fast())  # fmt: skip
    assert not Store.exists(tmp_path / "third")  # nothing made for a refused code
    office.store.lock()


def test_a_code_expires_after_24_hours(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KdfParams.fast())
    with sqlite_hub.engine.begin() as conn:
        conn.execute(update(enrolments).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    with pytest.raises(HubRefused, match="expired"):
        enrol.join(tmp_path / "late", sqlite_hub.url, code, TEST_PASSPHRASE, "Late",
                   kdf=KdfParams.fast())  # fmt: skip
    office.store.lock()


def test_a_mistyped_code_says_so_in_one_line(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KdfParams.fast())
    with pytest.raises(ValidationError, match=r"^Enrolment code: is not a code"):
        enrol.join(tmp_path / "x", sqlite_hub.url, "not-a-code", TEST_PASSPHRASE, "X")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(HubRefused, match="no enrolment with that code"):
        enrol.join(tmp_path / "y", sqlite_hub.url, wrong, TEST_PASSPHRASE, "Y")
    assert not Store.exists(tmp_path / "x") and not Store.exists(tmp_path / "y")
    office.store.lock()


def test_a_revoked_laptop_is_shut_out_and_the_others_carry_on(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    office, senco, iap = school(tmp_path, sqlite_hub.url)
    epoch = enrol.revoke(office.store, "IAP")
    assert epoch == 1
    report = iap.sync()
    assert report.state == engine.REVOKED and report.exit_code == 5
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "after the revoke")
    everyone_syncs([office, senco])
    assert senco.text("pupil", gid, "health_needs") == "after the revoke"
    devices = {d.name: d.revoked for d in office.store.read(views.devices)}
    assert devices == {"Office": False, "SENCO": False, "IAP": True}
    with pytest.raises(ValidationError, match="this laptop"):
        enrol.revoke(office.store, "Office")
    for laptop in (office, senco, iap):
        laptop.store.lock()


def test_different_schemas_hold_changes_and_say_which_laptop_must_update(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    newer = "9999"
    ahead = engine.sync_once(office.store, schema=newer)  # as if Office had upgraded first
    assert ahead.state == engine.HELD and ahead.must_update == ["SENCO"]
    gid = senco.pupil_gids()[0]
    senco.store.run(set_field, senco.local("pupil", gid), "nc_year", 11)
    held = senco.sync()
    assert held.state == engine.HELD and held.exit_code == 4
    assert held.must_update == ["SENCO (this laptop)"]
    status = senco.store.read(views.status)
    assert status.pending == 1 and status.must_update == ["SENCO (this laptop)"]
    assert office.export()["pupil"][gid]["nc_year"] != 11  # nothing crossed meanwhile
    everyone_syncs([office, senco])  # both on the same apdesk again
    assert office.export()["pupil"][gid]["nc_year"] == 11
    for laptop in (office, senco):
        laptop.store.lock()


def test_the_hub_holds_no_pupil_data(tmp_path: Path, sqlite_hub: Hub) -> None:
    laptops: list[Laptop] = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    canary = f"canary-{uuid.uuid4().hex[:10]}"
    office = laptops[0]
    office.store.run(
        set_field, office.local("pupil", office.pupil_gids()[0]), "safety_info", canary
    )
    everyone_syncs(laptops)
    assert laptops[1].export() == office.export()
    hub_file = (tmp_path / "hub.db").read_bytes() + (
        (tmp_path / "hub.db-wal").read_bytes() if (tmp_path / "hub.db-wal").exists() else b""
    )
    for needle in (canary, "Oakley", "Seed1", "Oakfield Academy", "Office", "SENCO"):
        assert needle.encode() not in hub_file, needle
    for laptop in laptops:
        laptop.store.lock()


def test_a_hub_whose_database_is_locked_answers_busy_and_the_laptop_waits(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    """Another process holding the hub's SQLite write lock past the busy timeout: the push is
    answered 503 with Retry-After (never a 500), the laptop reports the hub unreachable and
    keeps its change, and sends it once the lock is gone."""
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "Peanut allergy")
    path = sqlite_hub.engine.url.database
    assert path is not None
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the write lock, held
    try:
        with httpx.Client() as http:
            answer = http.post(f"{sqlite_hub.url}/v1/schools/x/batches", json={})
            assert answer.status_code in (401, 403)  # reads still answer while writes wait
        report = office.sync()
        assert report.state == engine.OFFLINE, report
        assert "busy (HTTP 503)" in report.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    everyone_syncs([office, senco])
    assert senco.text("pupil", gid, "health_needs") == "Peanut allergy"
    for laptop in (office, senco):
        laptop.store.lock()
