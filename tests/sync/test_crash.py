"""A sender killed between sending and its receipt: the pack goes again, the LA keeps one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.sync_data import TOKEN
from tests.helpers.sync_harness import WAIT, FaultProxy, Inbox

from apdesk.cli import main
from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store, keyring_slot
from apdesk.sync import connection, outbox
from apdesk.sync.inbox.db import list_packs, packs
from apdesk.sync.pack import build_pack


def _status(store: Store, pack_id: str) -> OutboxItem:
    with store.session() as session:
        item = session.get(OutboxItem, pack_id)
        assert item is not None
        return item


def test_killed_between_send_and_receipt_sends_again_and_the_la_keeps_one_copy(
    store: Store,
    placement_id: int,
    inbox: Inbox,
    proxy: FaultProxy,
    cli_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(keyring_slot, "backend_is_real", lambda: False)
    with store.session() as session:
        connection.set_endpoint(session, proxy.url)
        built = build_pack(
            session, placement_id, "placement-start", referral_pdf=None, created_at=utcnow()
        )
        outbox.queue_pack(session, built, placement_id)
    kept = store.run(set_la_token, connection.token_account(store), TOKEN).value
    assert kept == "store"  # the subprocess has no keyring
    env = {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE}
    command = [sys.executable, "-m", "apdesk", "sync", "--once", "--store", str(store.folder)]
    proxy.faults = ["hold"]  # the inbox gets the pack; its answer is held back

    sending = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proxy.held.wait(WAIT * 3), "the sender never reached the inbox"
        os.kill(sending.pid, signal.SIGKILL)
        sending.communicate(timeout=WAIT)
    finally:
        if sending.poll() is None:
            sending.kill()
            sending.communicate()
    assert sending.returncode == -signal.SIGKILL

    assert _status(store, built.pack_id).status is OutboxStatus.SENDING  # no receipt yet
    assert [p["pack_id"] for p in list_packs(inbox.engine)] == [built.pack_id]

    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    assert main(command[3:]) == 0  # the same `apdesk sync --once`, run again in this process
    assert f"Sent {built.pack_id}" in capsys.readouterr().out

    item = _status(store, built.pack_id)
    assert item.status is OutboxStatus.DELIVERED
    assert proxy.applied == ["hold", "pass", "pass"]  # the pack again, then the day's checkpoint
    received = {p["kind"]: p["pack_id"] for p in list_packs(inbox.engine)}
    assert received["placement-start"] == built.pack_id and len(received) == 2
    with inbox.engine.connect() as conn:
        query = packs.select().where(packs.c.pack_id == built.pack_id)
        first_receipt = conn.execute(query).mappings().one()["receipt"]
    assert json.loads(item.receipt) == json.loads(first_receipt)  # the first receipt, again
