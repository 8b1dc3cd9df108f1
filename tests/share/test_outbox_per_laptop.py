"""The outbox on several laptops: each laptop sends and trims its own daily audit checkpoint
(its audit chain is its own), and why a pack waits travels as a code each laptop words in its
own language, so a laptop with the LA's address sends what another could not."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import Laptop, everyone_syncs, school
from tests.helpers.sync_data import TOKEN, add_placement
from tests.helpers.sync_harness import run_inbox

from apdesk import i18n
from apdesk.models import OutboxItem
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.share.engine import read_config
from apdesk.store.operations import operation
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.inbox.db import list_packs, register_school
from apdesk.sync.pack import build_pack
from apdesk.sync.sender import SendPolicy

URN = "139998"  # the school the laptops' helper makes
POLICY = SendPolicy(attempts=2, timeout=5.0, sleep=lambda _s: None)


def checkpoints(laptop: Laptop) -> dict[str, tuple[str, str]]:
    """pack id -> (device, status) of every audit checkpoint this laptop's outbox holds."""
    with laptop.store.session() as session:
        rows = session.exec(
            select(OutboxItem).where(OutboxItem.kind == PackKind.AUDIT_CHECKPOINT)
        ).all()
        return {r.id: (r.device, r.status.value) for r in rows}


def device(laptop: Laptop) -> str:
    return read_config(laptop.store).device


@operation
def queue_checkpoint_at(session: Session, now: datetime) -> str:
    return outbox.queue_checkpoint(session, now).id


def connect(laptops: list[Laptop], url: str) -> None:
    for laptop in laptops:
        with laptop.store.session() as session:
            connection.set_endpoint(session, url)
        laptop.store.run(set_la_token, connection.token_account(laptop.store), TOKEN)


def test_each_laptop_sends_and_trims_its_own_checkpoint(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    with run_inbox(tmp_path / "inbox.db") as inbox:
        with office.store.session() as session:
            pem = keys.public_key_pem(session)
        register_school(inbox.engine, URN, pem, TOKEN, "Oakfield Academy")
        connect([office, senco], inbox.url)
        everyone_syncs([office, senco])
        first = sender.drain(office.store, POLICY)
        assert [o.state for o in first.outcomes] == ["delivered"]  # the office's checkpoint
        everyone_syncs([office, senco])
        assert list(checkpoints(senco).values()) == [(device(office), "delivered")]
        second = sender.drain(senco.store, POLICY)  # the office's does not stand for SENCO's
        assert [o.state for o in second.outcomes] == ["delivered"]
        assert sender.drain(senco.store, POLICY).outcomes == []  # one a day
        everyone_syncs([office, senco])
        mine = {(device(office), "delivered"), (device(senco), "delivered")}
        assert set(checkpoints(office).values()) == set(checkpoints(senco).values()) == mine
        # A day later the office sends another, then another: it trims only its own.
        later = utcnow() + timedelta(days=1)
        office.store.run(queue_checkpoint_at, later)
        assert [o.state for o in sender.drain(office.store, POLICY).outcomes] == ["delivered"]
        office.store.run(queue_checkpoint_at, later + timedelta(days=1))
        everyone_syncs([office, senco])
        for laptop in (office, senco):
            held = sorted(checkpoints(laptop).values())
            expected = sorted(
                [(device(office), "delivered"), (device(office), "queued"),
                 (device(senco), "delivered")]
            )  # fmt: skip
            assert held == expected, laptop.name
        at_la = [p for p in list_packs(inbox.engine) if p["kind"] == PackKind.AUDIT_CHECKPOINT]
        assert len(at_la) == 3  # office, SENCO, office a day later
    for laptop in (office, senco):
        laptop.store.lock()


def test_a_laptop_without_the_la_address_leaves_a_code_another_laptop_sends(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    with run_inbox(tmp_path / "inbox.db") as inbox:
        with office.store.session() as session:
            pem = keys.public_key_pem(session)
            placement = add_placement(session, serial=41)
            assert placement.id is not None
            built = build_pack(session, placement.id, "placement-start", referral_pdf=None,
                               created_at=utcnow())  # fmt: skip
            outbox.queue_pack(session, built, placement.id)
        register_school(inbox.engine, URN, pem, TOKEN, "Oakfield Academy")
        waited = sender.drain(office.store, POLICY)  # no address on this laptop
        assert [o.state for o in waited.outcomes] == ["waiting"]
        everyone_syncs([office, senco])
        for laptop in (office, senco):  # the shared row holds a code, no English words
            with laptop.store.session() as session:
                item = outbox.get_item(session, built.pack_id)
                assert (item.waiting, item.last_error) == (outbox.NO_ENDPOINT, "")
        rows = senco.store.read(outbox.list_outbox)
        try:
            i18n.set_locale("pl_PL")
            polish = outbox.waiting_text(rows[0].waiting)
        finally:
            i18n.set_locale("en_GB")
        english = outbox.waiting_text(rows[0].waiting)
        assert polish and english and polish != english and "LA connection" not in polish
        connect([senco], inbox.url)
        report = sender.drain(senco.store, POLICY)
        states = {o.pack_id: o.state for o in report.outcomes}
        assert states[built.pack_id] == "delivered"
        everyone_syncs([office, senco])
        for laptop in (office, senco):
            with laptop.store.session() as session:
                item = outbox.get_item(session, built.pack_id)
                assert item.status is OutboxStatus.DELIVERED and built.pack_id in item.receipt
                assert (item.waiting, item.last_error) == ("", "")
        sent = [p["pack_id"] for p in list_packs(inbox.engine) if p["kind"] != "audit-checkpoint"]
        assert sent == [built.pack_id]
        with office.store.session() as session:
            left = session.exec(select(OutboxItem.id).where(col(OutboxItem.waiting) != "")).all()
        assert left == []
    for laptop in (office, senco):
        laptop.store.lock()
