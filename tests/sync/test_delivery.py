"""The real sender against the real inbox over loopback, with faults injected in between."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import httpx
from tests.helpers.sync_data import TOKEN
from tests.helpers.sync_harness import FaultProxy, Inbox, Waits

from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.kinds import Kind
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, outbox, send_errors, sender
from apdesk.sync.inbox.db import list_packs
from apdesk.sync.notification import build_notification
from apdesk.sync.pack import assemble, build_pack, manifest_bytes
from apdesk.sync.sender import SendPolicy


def _queue(
    store: Store, placement_id: int, pdf: bytes | None = None, kind: str = "placement-start"
) -> str:
    with store.session() as session:
        built = build_pack(session, placement_id, kind, referral_pdf=pdf, created_at=utcnow())
        outbox.queue_pack(session, built, placement_id)
    return built.pack_id


def _item(store: Store, pack_id: str) -> OutboxItem:
    with store.session() as session:
        item = session.get(OutboxItem, pack_id)
        assert item is not None
        return item


def test_delivers_an_encrypted_pack_with_a_signed_receipt(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    with connected.session() as session:
        connection.set_la_public_keys(session, inbox.keys.pem_bundle())
    pack_id = _queue(connected, placement_id, pdf=b"%PDF-1.4 synthetic")

    report = sender.drain(connected, policy)

    assert [o.state for o in report.outcomes] == ["delivered"]
    assert report.exit_code == 0
    assert pack_id in report.changes.ids(Kind.OUTBOX)  # open views follow the round
    item = _item(connected, pack_id)
    assert item.status is OutboxStatus.DELIVERED and item.delivered_at is not None
    assert '"la_key_id"' in item.receipt
    [stored] = list_packs(inbox.engine)
    assert stored["pack_id"] == pack_id and stored["encrypted"] is True
    assert stored["kind"] == "placement-start"  # the inbox read it with the LA's private key


def test_faults_are_retried_and_the_inbox_keeps_one_copy(
    connected: Store,
    inbox: Inbox,
    proxy: FaultProxy,
    placement_id: int,
    policy: SendPolicy,
    waits: Waits,
) -> None:
    pack_id = _queue(connected, placement_id, pdf=os.urandom(256 * 1024))
    proxy.faults = ["500", "timeout", "drop-upload", "429:7", "lose-receipt", "503"]

    report = sender.drain(connected, policy)

    assert proxy.applied == [
        "500",
        "timeout",
        "drop-upload",
        "429:7",
        "lose-receipt",
        "503",
        "pass",
    ]
    [outcome] = report.outcomes
    assert outcome.state == "delivered" and outcome.attempts == 7
    assert 7.0 in waits.calls  # Retry-After honoured
    assert all(0 <= w <= 4.0 for w in waits.calls if w != 7.0)  # full jitter under the cap
    assert [p["pack_id"] for p in list_packs(inbox.engine)] == [pack_id]
    item = _item(connected, pack_id)
    assert item.status is OutboxStatus.DELIVERED and item.attempts == 7


def test_a_lost_receipt_is_answered_with_the_first_receipt(
    connected: Store, inbox: Inbox, proxy: FaultProxy, placement_id: int, policy: SendPolicy
) -> None:
    pack_id = _queue(connected, placement_id)
    body = _item(connected, pack_id).pack
    headers = {"Idempotency-Key": pack_id, "Authorization": f"Bearer {TOKEN}"}
    first = httpx.post(f"{inbox.url}/v1/packs", content=body, headers=headers)
    assert first.status_code == 201

    report = sender.drain(connected, policy)

    assert report.outcomes[0].state == "delivered"
    assert report.outcomes[0].receipt == first.json()
    assert len(list_packs(inbox.engine)) == 1


def test_when_the_la_stays_down_packs_wait_and_keep_their_tries(
    connected: Store, proxy: FaultProxy, placement_id: int, policy: SendPolicy
) -> None:
    first = _queue(connected, placement_id)
    second = _queue(connected, placement_id, kind="placement-change")
    proxy.faults = ["503"] * policy.attempts

    report = sender.drain(connected, policy)

    assert report.exit_code == 3
    assert [o.state for o in report.outcomes] == ["waiting", "waiting"]
    assert proxy.applied == ["503"] * policy.attempts  # the second pack was not tried
    assert _item(connected, first).status is OutboxStatus.QUEUED
    assert "503" in _item(connected, first).last_error
    assert _item(connected, second).attempts == 0


def test_an_unreachable_endpoint_leaves_packs_queued(
    store: Store, placement_id: int, policy: SendPolicy
) -> None:
    with store.session() as session:
        connection.set_endpoint(session, "http://127.0.0.1:9")  # discard port: nothing listens
    store.run(set_la_token, connection.token_account(store), TOKEN)
    pack_id = _queue(store, placement_id)

    report = sender.drain(store, policy)

    assert report.exit_code == 3 and "did not answer at http" in report.unreachable
    assert _item(store, pack_id).status is OutboxStatus.QUEUED
    assert report.changes.updated == {Kind.OUTBOX: frozenset({pack_id})}  # why it waits


def test_a_rejected_token_stops_with_what_to_fix(
    connected: Store, proxy: FaultProxy, placement_id: int, policy: SendPolicy
) -> None:
    connected.run(set_la_token, connection.token_account(connected), "a-token-the-la-never-issued")
    pack_id = _queue(connected, placement_id)

    report = sender.drain(connected, policy)

    [outcome] = report.outcomes
    assert outcome.state == "attention" and outcome.attempts == 1
    assert "token" in outcome.message and "File › Settings › LA connection" in outcome.message
    item = _item(connected, pack_id)
    assert item.status is OutboxStatus.ATTENTION
    assert send_errors.error_text(item.last_error) == outcome.message  # worded for each reader
    assert report.exit_code == 0  # nothing sendable is left


def test_a_pack_signed_by_an_unregistered_key_is_refused_422(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from apdesk.sync.inbox.db import register_school
    from apdesk.sync.util import public_pem

    other = public_pem(Ed25519PrivateKey.generate().public_key())
    register_school(inbox.engine, "123456", other, TOKEN)
    pack_id = _queue(connected, placement_id)

    [outcome] = sender.drain(connected, policy).outcomes

    assert outcome.state == "attention"
    assert "refused the pack" in outcome.message and "signature" in outcome.message
    assert _item(connected, pack_id).status is OutboxStatus.ATTENTION
    assert list_packs(inbox.engine) == []


def test_the_same_pack_id_with_other_signed_content_is_refused_409(
    connected: Store, inbox: Inbox, placement_id: int
) -> None:
    first = _queue(connected, placement_id)
    with connected.session() as session:  # the school's own key signs other content, same id
        note = build_notification(session, placement_id, PackKind.PLACEMENT_START, first, utcnow())
        payload = [("notification.json", manifest_bytes(note)), ("referral.pdf", b"%PDF")]
        other = assemble(session, first, PackKind.PLACEMENT_START, payload, utcnow(), None)
    headers = {"Idempotency-Key": first, "Authorization": f"Bearer {TOKEN}"}
    ok = httpx.post(f"{inbox.url}/v1/packs", content=_item(connected, first).pack, headers=headers)
    clash = httpx.post(f"{inbox.url}/v1/packs", content=other, headers=headers)
    assert ok.status_code == 201
    assert clash.status_code == 409 and "different signed content" in clash.json()["error"]


def test_an_oversized_pack_is_refused_413(
    tmp_path: Path, store: Store, placement_id: int, policy: SendPolicy
) -> None:
    from tests.helpers.sync_harness import run_inbox

    with run_inbox(tmp_path / "small.db", max_bytes=10_000) as small:
        with store.session() as session:
            connection.set_endpoint(session, small.url)
        store.run(set_la_token, connection.token_account(store), TOKEN)
        _queue(store, placement_id, pdf=os.urandom(50_000))
        [outcome] = sender.drain(store, policy).outcomes
    assert outcome.state == "attention" and "larger than the LA accepts" in outcome.message


def test_a_receipt_not_signed_by_the_la_is_not_trusted(
    connected: Store, placement_id: int, policy: SendPolicy
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from apdesk.sync.util import public_pem

    with connected.session() as session:
        connection.set_la_public_keys(
            session, public_pem(Ed25519PrivateKey.generate().public_key())
        )
    pack_id = _queue(connected, placement_id)

    [outcome] = sender.drain(connected, policy).outcomes

    assert outcome.state == "attention" and "receipt" in outcome.message
    assert _item(connected, pack_id).status is OutboxStatus.ATTENTION


def test_a_long_retry_after_ends_the_drain_and_sets_the_next_try(
    connected: Store, proxy: FaultProxy, placement_id: int, policy: SendPolicy, waits: Waits
) -> None:
    pack_id = _queue(connected, placement_id)
    proxy.faults = ["429:3600"]

    report = sender.drain(connected, policy)

    assert report.exit_code == 3 and waits.calls == []
    item = _item(connected, pack_id)
    assert item.status is OutboxStatus.QUEUED and item.next_attempt_at is not None
    assert item.next_attempt_at >= utcnow() + timedelta(seconds=3500)
    with connected.session() as session:
        assert outbox.sendable_ids(session, utcnow()) == []  # not due yet


def test_the_inbox_checks_token_and_idempotency_key(
    connected: Store, inbox: Inbox, placement_id: int
) -> None:
    pack_id = _queue(connected, placement_id)
    body = _item(connected, pack_id).pack
    url = f"{inbox.url}/v1/packs"
    good = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(url, content=body, headers={"Idempotency-Key": pack_id}).status_code == 401
    assert httpx.post(url, content=body, headers=good).status_code == 400
    wrong_key = {**good, "Idempotency-Key": "1b4e28ba-2fa1-41d2-883f-0016d3cca427"}
    assert "differs" in httpx.post(url, content=body, headers=wrong_key).json()["error"]
    assert list_packs(inbox.engine) == []
