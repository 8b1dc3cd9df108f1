"""The outbox: which change calls for which pack, same transaction, save, retry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.store import MemoryKeyring

from apdesk.models import OutboxItem, Placement
from apdesk.models.enums import OutboxStatus, PackKind, PlacementStatus
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store, keyring_slot
from apdesk.sync import connection, keys, outbox
from apdesk.sync.policy import placement_pack_kind_for_change as kind_for
from apdesk.sync.verify import verify_pack

DRAFT = {
    "status": "draft",
    "provider_id": 1,
    "hours_per_week": 10,
    "sessions": ["MON_AM"],
    "start_date": date(2025, 9, 8),
    "end_date": None,
}


def test_which_pack_a_change_calls_for() -> None:
    referred = {**DRAFT, "status": PlacementStatus.REFERRED}
    active = {**DRAFT, "status": "active"}
    assert kind_for(None, DRAFT) is None
    assert kind_for(DRAFT, referred) is PackKind.PLACEMENT_START
    assert kind_for(None, active) is PackKind.PLACEMENT_START
    assert kind_for(referred, active, start_sent=True) is None  # start only once
    assert kind_for(active, {**active, "hours_per_week": 12.5}, start_sent=True) is (
        PackKind.PLACEMENT_CHANGE
    )
    moved = {**active, "start_date": "2025-09-15"}
    assert kind_for(active, moved, start_sent=True) is PackKind.PLACEMENT_CHANGE
    same = {**active, "sessions": ["MON_AM"], "start_date": "2025-09-08", "hours_per_week": 10.0}
    assert kind_for(active, same, start_sent=True) is None  # JSON and objects compare equal
    assert (
        kind_for(active, {**active, "status": "ended"}, start_sent=True) is PackKind.PLACEMENT_END
    )
    assert kind_for({**active, "status": "ended"}, {**active, "status": "ended"}) is None
    assert kind_for(DRAFT, {**DRAFT, "status": "ended"}) is None  # never started, nothing to end
    assert kind_for(DRAFT, {**DRAFT, "hours_per_week": 3}) is None  # drafts are the school's own


def _items(store: Store) -> list[OutboxItem]:
    with store.session() as session:
        return list(session.exec(select(OutboxItem)).all())


def test_a_placement_change_queues_its_pack_in_the_same_transaction(
    store: Store, placement_id: int
) -> None:
    pdfs: list[int] = []

    def referral(_session: object, pid: int) -> bytes:
        pdfs.append(pid)
        return b"%PDF-1.4 synthetic"

    with pytest.raises(RuntimeError), store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        before = placement.model_dump()
        placement.status = PlacementStatus.REFERRED
        session.add(placement)
        assert outbox.notify_placement_change(session, placement, before, referral_pdf=referral)
        raise RuntimeError("the save failed")
    assert _items(store) == []  # rolled back together

    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        before = placement.model_dump()
        placement.status = PlacementStatus.REFERRED
        session.add(placement)
        item = outbox.notify_placement_change(session, placement, before, referral_pdf=referral)
    assert item is not None and item.kind is PackKind.PLACEMENT_START
    assert pdfs == [placement_id, placement_id]
    assert verify_pack(item.pack).plaintext["referral.pdf"] == b"%PDF-1.4 synthetic"

    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        before = placement.model_dump(mode="json")
        placement.status = PlacementStatus.ACTIVE
        assert (
            outbox.notify_placement_change(session, placement, before, referral_pdf=referral)
            is None
        )
        before = placement.model_dump()
        placement.status = PlacementStatus.ENDED
        end = outbox.notify_placement_change(session, placement, before, referral_pdf=referral)
    assert end is not None and end.kind is PackKind.PLACEMENT_END
    assert [i.kind for i in _items(store)].count(PackKind.PLACEMENT_START) == 1


def test_rows_for_the_outbox_page_save_and_retry(
    store: Store, placement_id: int, tmp_path: Path
) -> None:
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        placement.status = PlacementStatus.ACTIVE
        item = outbox.notify_placement_change(
            session, placement, None, referral_pdf=lambda s, p: None
        )
        assert item is not None
        item.status = OutboxStatus.ATTENTION
        item.last_error = "The LA rejected the school's token"
    with store.session() as session:
        [row] = outbox.list_outbox(session)
        saved = outbox.save_pack(session, row.pack_id, tmp_path)
        contents = outbox.pack_contents(session, row.pack_id)
        outbox.retry_now(session, row.pack_id)
        assert outbox.sendable_ids(session) == [row.pack_id]
        outbox.mark_delivered(session, row.pack_id, {"pack_id": row.pack_id})
        with pytest.raises(Exception, match="already delivered"):
            outbox.retry_now(session, row.pack_id)
    assert row.pupil_name == "Ada Testperson" and row.status == "attention"
    assert row.status_label == "Needs attention" and row.kind_label == "Placement start"
    assert row.as_json()["created_at"].endswith("+00:00")
    assert contents.notification is not None and contents.notification["kind"] == "placement-start"
    assert saved.name == f"{row.pack_id}.appack" and verify_pack(saved.read_bytes())


def test_the_token_goes_to_the_keyring_and_never_into_the_store(
    store: Store, memory_keyring: MemoryKeyring
) -> None:
    assert (
        store.run(set_la_token, connection.token_account(store), "token-abcdefghijklmnop").value
        == "keyring"
    )
    assert memory_keyring.secrets[("apdesk", f"la-token:{store.header.store_id}")] == (
        "token-abcdefghijklmnop"
    )
    loaded = connection.load_connection(store)
    assert (loaded.token, loaded.token_place) == ("token-abcdefghijklmnop", "keyring")
    with store.session() as session:
        assert keys.read_secret(session, connection.TOKEN) is None


def test_without_a_real_keyring_the_token_is_kept_in_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring_slot, "backend_is_real", lambda: False)
    assert (
        store.run(set_la_token, connection.token_account(store), "token-abcdefghijklmnop").value
        == "store"
    )
    assert connection.load_connection(store).token_place == "store"
    with pytest.raises(Exception, match="LA endpoint"), store.session() as session:
        connection.set_endpoint(session, "ftp:/nowhere")
