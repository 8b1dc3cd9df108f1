"""Each laptop of a school keeps its own audit chain and the LA witnesses each chain apart: heads
of different laptops are never compared (no false 'truncated' or 'rewritten'), while a chain cut
short on one laptop is still found at the LA and by that laptop's own check, naming the chain."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import Laptop, everyone_syncs, school
from tests.helpers.sync_data import TOKEN
from tests.helpers.sync_harness import run_inbox

from apdesk.models.enums import PackKind
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.share.engine import read_config
from apdesk.store.audit import chain_head
from apdesk.store.operations import operation
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.inbox.db import list_packs, receipts_of, register_school
from apdesk.sync.sender import SendPolicy
from apdesk.sync.witness import check_against

URN = "139998"  # the school the laptops' helper makes
POLICY = SendPolicy(attempts=2, timeout=5.0, sleep=lambda _s: None)


@operation
def queue_checkpoint_at(session: Session, now: datetime) -> str:
    return outbox.queue_checkpoint(session, now).id


def _connect(laptops: list[Laptop], url: str) -> None:
    for laptop in laptops:
        with laptop.store.session() as session:
            connection.set_endpoint(session, url)
        laptop.store.run(set_la_token, connection.token_account(laptop.store), TOKEN)


def _send_checkpoint(laptop: Laptop, at: datetime) -> None:
    laptop.store.run(queue_checkpoint_at, at)
    outcomes = sender.drain(laptop.store, POLICY).outcomes
    assert {o.state for o in outcomes} == {"delivered"}, (laptop.name, outcomes)


def _rows(laptop: Laptop) -> int:
    with laptop.store.session() as session:
        return chain_head(session)[0]


def _cut_to(laptop: Laptop, rows: int) -> None:
    """What someone holding the passphrase can do: delete the newest audit rows."""
    with laptop.store.engine.begin() as conn:
        keep = conn.execute(
            text("SELECT id FROM auditevent ORDER BY id LIMIT 1 OFFSET :n"), {"n": rows - 1}
        ).scalar_one()
        conn.execute(text("DELETE FROM auditevent WHERE id > :keep"), {"keep": keep})


def test_two_laptops_chains_are_witnessed_apart(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    office_chain = read_config(office.store).device
    senco_chain = read_config(senco.store).device
    with run_inbox(tmp_path / "inbox.db") as inbox:
        with office.store.session() as session:
            pem = keys.public_key_pem(session)
        register_school(inbox.engine, URN, pem, TOKEN, "Oakfield Academy")
        _connect([office, senco], inbox.url)
        assert _rows(office) > _rows(senco)  # the office's chain is the longer one
        day = utcnow()
        for step in range(3):  # a checkpoint a day from each, both outboxes shared
            at = day + timedelta(days=step)
            _send_checkpoint(office, at)
            everyone_syncs([office, senco])
            _send_checkpoint(senco, at + timedelta(minutes=1))
            everyone_syncs([office, senco])
        at_la = [p for p in list_packs(inbox.engine) if p["kind"] == PackKind.AUDIT_CHECKPOINT]
        assert len(at_la) == 6
        assert {p["audit_chain"] for p in at_la} == {office_chain, senco_chain}
        assert [p["audit_finding"] for p in at_la] == [None] * 6  # no false finding
        receipts = receipts_of(inbox.engine, URN)
        for laptop in (office, senco):
            report = laptop.store.read(check_against, receipts, inbox.keys.signing.public_key())
            assert report.ok and (report.receipts, report.other_chains) == (3, 3), laptop.name

        witnessed = max(p["audit_count"] for p in at_la if p["audit_chain"] == office_chain)
        _cut_to(office, witnessed - 3)  # the office's chain loses rows the LA witnessed
        _send_checkpoint(office, day + timedelta(days=4))
        _send_checkpoint(senco, day + timedelta(days=4, minutes=1))
        findings = [p["audit_finding"] for p in list_packs(inbox.engine) if p["audit_finding"]]
        assert len(findings) == 1
        assert findings[0].startswith(f"truncated: laptop {office_chain}'s chain holds")
        receipts = receipts_of(inbox.engine, URN)
        la_key = inbox.keys.signing.public_key()
        cut = office.store.read(check_against, receipts, la_key)
        # cut, then grown again by the checkpoint: the rows the LA witnessed are not there
        assert not cut.ok and any(p.startswith(("truncated", "rewritten")) for p in cut.problems)
        assert senco.store.read(check_against, receipts, la_key).ok
    for laptop in (office, senco):
        laptop.store.lock()
