"""Attacks on the LA inbox and on delivery, each against the real inbox over loopback (on SQLite
and on PostgreSQL): pre-empting a pack with a copy of it, claiming its id with other content,
reading the list without the LA's token, plain-http endpoints, and a database left readable."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.helpers.attacks import members_of, resigned, rewrappings
from tests.helpers.sync_data import TOKEN, URN
from tests.helpers.sync_harness import ADMIN_TOKEN, CliErr, Inbox, run_inbox

from apdesk.models import OutboxItem, Setting
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.inbox.app import create_app
from apdesk.sync.inbox.db import InboxError, list_packs, register_school
from apdesk.sync.notification import build_notification
from apdesk.sync.pack import assemble, build_pack, manifest_bytes
from apdesk.sync.sender import SendPolicy
from apdesk.sync.util import public_pem


def _queue(store: Store, placement_id: int) -> tuple[str, bytes]:
    with store.session() as session:
        built = build_pack(
            session, placement_id, "placement-start", referral_pdf=b"%PDF-1.4", created_at=utcnow()
        )
        outbox.queue_pack(session, built, placement_id)
    return built.pack_id, built.zip_bytes


def _post(inbox: Inbox, pack_id: str, body: bytes, token: str = TOKEN) -> httpx.Response:
    headers = {"Idempotency-Key": pack_id, "Authorization": f"Bearer {token}"}
    return httpx.post(f"{inbox.url}/v1/packs", content=body, headers=headers)


def _status(store: Store, pack_id: str) -> OutboxItem:
    with store.session() as session:
        item = session.get(OutboxItem, pack_id)
        assert item is not None
        return item


def test_a_rezipped_copy_posted_first_does_not_stop_the_genuine_pack(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    pack_id, genuine = _queue(connected, placement_id)
    copies = rewrappings(genuine)
    first = _post(inbox, pack_id, copies.pop("comment added"))
    assert first.status_code == 201  # a copy is the same pack: the LA now holds it
    for name, copy in copies.items():
        again = _post(inbox, pack_id, copy)
        assert (again.status_code, again.json()) == (200, first.json()), name

    report = sender.drain(connected, policy)

    assert [o.state for o in report.outcomes] == ["delivered"]
    item = _status(connected, pack_id)
    assert item.status is OutboxStatus.DELIVERED
    assert json.loads(item.receipt) == first.json()  # the receipt for the signed content
    assert [p["pack_id"] for p in list_packs(inbox.engine)] == [pack_id]


def test_another_schools_token_cannot_post_a_copy(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    other_key = public_pem(Ed25519PrivateKey.generate().public_key())
    register_school(inbox.engine, "654321", other_key, "another-schools-token-0123", "Elm")
    pack_id, genuine = _queue(connected, placement_id)
    for copy in rewrappings(genuine).values():
        refused = _post(inbox, pack_id, copy, token="another-schools-token-0123")
        assert refused.status_code == 422 and "signature" in refused.json()["error"]
    assert list_packs(inbox.engine) == []
    assert [o.state for o in sender.drain(connected, policy).outcomes] == ["delivered"]


def test_other_signed_content_under_a_known_id_is_refused_and_sync_says_so(
    connected: Store, inbox: Inbox, placement_id: int, cli_err: CliErr
) -> None:
    pack_id, _genuine = _queue(connected, placement_id)
    with connected.session() as session:  # someone with the school's key got there first
        note = build_notification(
            session, placement_id, PackKind.PLACEMENT_START, pack_id, utcnow()
        )
        payload = [("notification.json", manifest_bytes(note))]
        other = assemble(session, pack_id, PackKind.PLACEMENT_START, payload, utcnow(), None)
    assert _post(inbox, pack_id, other).status_code == 201

    code, out, err = cli_err("sync", "--once")

    assert code == 4  # not 0: a pack needs a person's attention
    assert "Needs attention" in out and "different pack under this pack's id" in out
    assert "1 pack needs attention" in err and len(err.strip().splitlines()) == 1
    assert _status(connected, pack_id).status is OutboxStatus.ATTENTION
    code, _out, err = cli_err("sync", "--once")
    assert code == 4 and "needs attention" in err  # still failing while it waits for a person


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://la.example.org/inbox", False),
        ("http://192.0.2.10:8765", False),
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8765/", True),
        ("http://[::1]:8765", True),
        ("https://la.example.org/inbox", True),
    ],
)
def test_plain_http_is_refused_except_to_this_computer(
    cli_err: CliErr, url: str, allowed: bool
) -> None:
    code, out, err = cli_err("config", "set", "la-endpoint", url)
    if allowed:
        assert code == 0 and "LA endpoint set" in out
        return
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "plain http://" in err and "https://" in err and "Traceback" not in err
    code, out, err = cli_err("config", "set", "la-endpoint", url, "--insecure-http")
    assert code == 0 and "LA endpoint set" in out and "warning" in err


def test_an_insecure_endpoint_stored_without_a_choice_is_not_used(
    store: Store, placement_id: int, policy: SendPolicy
) -> None:
    with store.session() as session:  # as an earlier version would have kept it
        session.add(Setting(key=connection.ENDPOINT, value="http://la.example.org"))
    store.run(set_la_token, connection.token_account(store), TOKEN)
    pack_id, _ = _queue(store, placement_id)
    report = sender.drain(store, policy)
    assert report.exit_code == 3 and "plain http://" in report.unreachable
    assert _status(store, pack_id).status is OutboxStatus.QUEUED
    with store.session() as session, pytest.raises(ValidationError, match="plain http"):
        connection.set_endpoint(session, "http://la.example.org")


def test_every_page_and_listing_needs_the_admin_token(
    connected: Store, inbox: Inbox, placement_id: int, policy: SendPolicy
) -> None:
    _queue(connected, placement_id)
    sender.drain(connected, policy)
    private = ["/", "/v1/packs", f"/v1/receipts?urn={URN}"]
    wrong = [
        {},
        {"Authorization": f"Bearer {TOKEN}"},  # a school's token opens nothing here
        {"Authorization": "Bearer " + ADMIN_TOKEN[:-1]},
        {"Authorization": "Basic bGE6bm90LXRoZS10b2tlbg=="},  # la:not-the-token
        {"Authorization": "Basic !!!"},
    ]
    for path in private:
        for headers in wrong:
            answer = httpx.get(inbox.url + path, headers=headers)
            assert answer.status_code == 401, (path, headers)
            assert "Oakfield" not in answer.text and URN not in answer.text
        assert httpx.get(inbox.url + path, auth=("la", ADMIN_TOKEN)).status_code == 200
        bearer = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
        assert httpx.get(inbox.url + path, headers=bearer).status_code == 200
    assert httpx.get(inbox.url + "/").headers["www-authenticate"].startswith("Basic")
    for public in ("/v1/keys", "/v1/keys.pem"):
        assert httpx.get(inbox.url + public).status_code == 200


def test_the_inbox_database_is_private_and_holds_no_private_key_in_the_clear(
    tmp_path: Path,
) -> None:
    os.umask(0o022)
    db = tmp_path / "inbox.db"
    with run_inbox(db) as running:
        private = [
            key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            for key in (running.keys.signing, running.keys.encryption)
        ]
    assert db.stat().st_mode & 0o777 == 0o600
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("inbox"))
    for secret in private:
        assert secret not in stored and secret.hex().encode() not in stored
    with pytest.raises(InboxError, match="does not open the LA's keys"):
        create_app(str(db), inbox_key=bytes(32), admin_token=ADMIN_TOKEN)
    with run_inbox(db) as again:  # the right key opens the same keys again
        assert again.keys.pem_bundle() == running.keys.pem_bundle()


def test_keys_an_earlier_inbox_kept_in_the_clear_are_sealed(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    plain = Ed25519PrivateKey.generate()
    raw = plain.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE inbox_la_key (name TEXT, private_hex TEXT, created_at TEXT)")
        conn.execute("INSERT INTO inbox_la_key VALUES ('ed25519', ?, '2025-01-01')", (raw.hex(),))
    with run_inbox(db) as running:
        assert running.keys.signing.public_key() == plain.public_key()  # the same LA key
    assert raw.hex().encode() not in db.read_bytes()
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "inbox_la_key" not in tables


def test_a_school_key_signing_odd_shapes_gets_4xx_never_a_500(
    store: Store, inbox: Inbox, placement_id: int
) -> None:
    """The shapes the adversarial run found answered with 500, signed by a registered key."""
    pack_id, body = _queue(store, placement_id)
    with store.session() as session:
        key = keys.signing_key(session)
        bare = assemble(session, pack_id, PackKind.PLACEMENT_START, [], utcnow(), None)
    manifest = json.loads(members_of(body)["manifest.json"])
    note = json.loads(members_of(body)["notification.json"])
    first = manifest["members"][0]
    shapes: dict[str, bytes] = {
        name: resigned(body, key, manifest=shape)  # type: ignore[arg-type]
        for name, shape in {
            "members is a string": {**manifest, "members": "notification.json"},
            "member size is text": {**manifest, "members": [{**first, "size": "12"}]},
            "encryption is a list": {**manifest, "encryption": []},
            "pack id is a number": {**manifest, "pack_id": 7},
            "pack id is a path": {**manifest, "pack_id": "../../etc"},
            "kind is unknown": {**manifest, "kind": "placement-restart"},
            "kind holds a NUL": {**manifest, "kind": "placement-start\x00"},
            "kind is 200 long": {**manifest, "kind": "k" * 200},
            "audit count is text": {**manifest, "audit": {**manifest["audit"], "count": "9"}},
            "manifest is a list": [manifest],
        }.items()
    }
    shapes["no notification at all"] = bare
    for name, changed in {
        "school is a string": {**note, "school": "Oakfield"},
        "urn holds a NUL": {**note, "school": {**note["school"], "urn": "12345\x00"}},
        "surname is 300 long": {**note, "pupil": {**note["pupil"], "surname": "S" * 300}},
        "kind differs from the manifest": {**note, "kind": "placement-end"},
        "another school's urn": {**note, "school": {**note["school"], "urn": "654321"}},
    }.items():
        shapes[name] = resigned(body, key, notification=changed)
    shapes["notification is not JSON"] = resigned(body, key, raw_notification=b"\xff{")
    for name, hostile in shapes.items():
        answer = _post(inbox, pack_id, hostile)
        assert 400 <= answer.status_code < 500, (name, answer.text)
        assert answer.json()["error"], name
    for header in ("../../etc", "x" * 200, pack_id.upper(), "", "1" * 36):
        answer = _post(inbox, header, body)
        assert answer.status_code == 400, header
    assert list_packs(inbox.engine) == []
    assert _post(inbox, pack_id, body).status_code == 201  # the genuine pack still goes in
