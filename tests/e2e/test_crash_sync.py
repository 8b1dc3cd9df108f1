"""SIGKILL during `apdesk sync` at many points: every pack is still in the outbox or delivered,
none is lost or doubled at the LA, and the store passes its integrity checks."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.helpers.crash import assert_no_plaintext, assert_whole, run_and_kill
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.sync_data import TOKEN, URN, add_placement, add_school
from tests.helpers.sync_harness import Inbox, run_inbox

from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.store import KdfParams, Store, keyring_slot
from apdesk.sync import connection, keys, outbox
from apdesk.sync.inbox.db import list_packs, register_school
from apdesk.sync.pack import build_pack

PACKS = 6
KILLS = 10


@pytest.fixture
def la(tmp_path: Path) -> Iterator[Inbox]:
    with run_inbox(tmp_path / "inbox.db") as running:
        yield running


def _outbox(folder: Path) -> dict[str, OutboxStatus]:
    """The notification packs' states (the day's audit checkpoint, which `sync` adds on its
    own, is checked apart: at most one, and delivered at most once)."""
    store = Store.open(folder, passphrase=TEST_PASSPHRASE, use_keyring=False)
    try:
        assert_whole(store)
        with store.session() as s:
            rows = s.execute(select(OutboxItem.id, OutboxItem.status, OutboxItem.kind)).all()
        checkpoints = [row for row in rows if row[2] == PackKind.AUDIT_CHECKPOINT]
        assert len(checkpoints) <= 1
        return {
            str(pack_id): OutboxStatus(status)
            for pack_id, status, kind in rows
            if kind != PackKind.AUDIT_CHECKPOINT
        }
    finally:
        store.lock()


def _at_la(la: Inbox) -> list[str]:
    return [p["pack_id"] for p in list_packs(la.engine) if p["kind"] != "audit-checkpoint"]


def test_killed_sync_loses_no_pack(
    tmp_path: Path, la: Inbox, cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring_slot, "backend_is_real", lambda: False)
    folder = tmp_path / "store"
    store, _recovery = Store.create(
        folder, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    queued: list[str] = []
    with store.session() as s:
        add_school(s)
        connection.set_endpoint(s, la.url)
        for serial in range(1, PACKS + 1):
            placement = add_placement(s, serial=serial)
            assert placement.id is not None
            built = build_pack(
                s, placement.id, "placement-start", referral_pdf=None, created_at=utcnow()
            )
            outbox.queue_pack(s, built, placement.id)
            queued.append(built.pack_id)
        pem = keys.public_key_pem(s)
    register_school(la.engine, URN, pem, TOKEN, "Oakfield Academy")
    assert store.run(set_la_token, connection.token_account(store), TOKEN).value == "store"
    store.lock()

    env = {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE}
    args = ["sync", "--once", "--store", str(folder)]
    rng = random.Random(20260303)
    seen_partial = False
    for _ in range(KILLS):
        run_and_kill(args, env, rng.uniform(0.2, 2.5))
        states = _outbox(folder)
        assert sorted(states) == sorted(queued)  # nothing vanished from the outbox
        at_la = _at_la(la)
        assert len(at_la) == len(set(at_la))  # never twice at the LA
        assert set(at_la) <= set(queued)
        for pack_id, status in states.items():
            if status is OutboxStatus.DELIVERED:
                assert pack_id in at_la  # a receipt means the LA has it
        delivered = sum(s is OutboxStatus.DELIVERED for s in states.values())
        seen_partial = seen_partial or 0 < delivered < PACKS
        if delivered == PACKS:
            break
    assert_no_plaintext([folder], [b"Testperson", b"synthetic safeguarding note"])
    assert run_and_kill(args, env, 60) == 0
    assert set(_outbox(folder).values()) == {OutboxStatus.DELIVERED}
    assert sorted(_at_la(la)) == sorted(queued)
    assert len(list_packs(la.engine)) == PACKS + 1  # and the day's checkpoint, once
    print(f"a kill landed mid-way through the outbox: {seen_partial}", file=sys.stderr)
