"""The outbox shared: a pack queued on one laptop is sent once, by a laptop that is online, and
every laptop shows it delivered with the LA's receipt. Global ids reach every row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import Laptop, everyone_syncs, school
from tests.helpers.sync_data import TOKEN, add_placement
from tests.helpers.sync_harness import run_inbox

from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.types import utcnow
from apdesk.services.attendance.returns_import import import_returns
from apdesk.services.imports.result import ImportResult
from apdesk.services.operations.settings import set_la_token
from apdesk.share.client import HubClient
from apdesk.store.operations import operation
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.inbox.db import list_packs, register_school
from apdesk.sync.pack import build_pack
from apdesk.sync.report import DrainReport
from apdesk.sync.sender import SendPolicy

URN = "139998"  # the school the laptops' helper makes
CHECKPOINT = PackKind.AUDIT_CHECKPOINT.value


def notifications(laptop: Laptop, report: DrainReport) -> list[tuple[str, str]]:
    """The drain's outcomes for notification packs: the day's audit checkpoint, which a drain
    adds on its own once the LA answers, is left out."""
    with laptop.store.session() as session:
        return [
            (o.pack_id, o.state)
            for o in report.outcomes
            if outbox.get_item(session, o.pack_id).kind != PackKind.AUDIT_CHECKPOINT
        ]


def test_a_pack_is_sent_once_and_every_laptop_shows_its_receipt(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    policy = SendPolicy(attempts=2, timeout=5.0, sleep=lambda _s: None)
    with run_inbox(tmp_path / "inbox.db") as inbox:
        with office.store.session() as session:
            connection.set_endpoint(session, inbox.url)
            pem = keys.public_key_pem(session)
            placement = add_placement(session, serial=40)
            assert placement.id is not None
            built = build_pack(session, placement.id, "placement-start", referral_pdf=None,
                               created_at=utcnow())  # fmt: skip
            outbox.queue_pack(session, built, placement.id)
        register_school(inbox.engine, URN, pem, TOKEN, "Oakfield Academy")
        everyone_syncs([office, senco])  # the office laptop goes offline with the pack queued
        senco.store.run(
            set_la_token, connection.token_account(senco.store), TOKEN
        )  # (a laptop that joins later gets it too)
        report = sender.drain(senco.store, policy)
        assert notifications(senco, report) == [(built.pack_id, "delivered")]
        everyone_syncs([office, senco])
        for laptop in (office, senco):
            with laptop.store.session() as session:
                item = outbox.get_item(session, built.pack_id)
                assert item.status is OutboxStatus.DELIVERED
                assert built.pack_id in item.receipt
        office.store.run(set_la_token, connection.token_account(office.store), TOKEN)
        again = sender.drain(office.store, policy)
        assert notifications(office, again) == []  # nothing to send here: it went from SENCO
        at_la = [p["pack_id"] for p in list_packs(inbox.engine) if p["kind"] != CHECKPOINT]
        assert at_la == [built.pack_id]
    for laptop in (office, senco):
        laptop.store.lock()


def test_a_provider_return_imported_in_bulk_reaches_the_other_laptop(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    """The import writes marks with one bulk statement; `note_change` names them, so they are
    logged and shared, amendments included (a second return changing a code)."""
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    upns = [office.export()["pupil"][g]["upn"] for g in office.pupil_gids()]
    days = ["2025-09-08", "2025-09-09", "2025-09-10"]
    first = "UPN,Date,Session,Code\n" + "".join(
        f"{upn},{day},{half},B\n" for upn in upns for day in days for half in ("AM", "PM")
    )
    second = f"UPN,Date,Session,Code\n{upns[0]},{days[0]},AM,N\n"
    for data in (first, second):
        result = office.store.run(bring_in, data.encode()).value
        assert not result.errors, result.errors
    everyone_syncs([office, senco])
    assert office.export() == senco.export()
    with senco.store.engine.connect() as conn:
        marks = conn.execute(text("SELECT count(*) FROM attendancemark")).scalar()
        current = conn.execute(
            text("SELECT count(*) FROM attendancemark WHERE superseded_by IS NULL")
        ).scalar()
        unmapped = conn.execute(
            text(
                "SELECT count(*) FROM attendancemark m WHERE NOT EXISTS (SELECT 1 FROM "
                "sharerow s WHERE s.tbl = 'attendancemark' AND s.lid = CAST(m.id AS TEXT))"
            )
        ).scalar()
    assert (marks, current, unmapped) == (len(upns) * 6 + 1, len(upns) * 6, 0)
    for laptop in (office, senco):
        laptop.store.lock()


@operation
def bring_in(session: Session, data: bytes) -> ImportResult:
    return import_returns(session, data, filename="return.csv", reason="provider corrected",
                          today=date(2025, 9, 12))  # fmt: skip


def test_a_laptop_that_joins_can_send_for_the_school(tmp_path: Path, sqlite_hub: Hub) -> None:
    """The snapshot carries the school's signing key and the LA token (sealed), so a pack
    queued on the new laptop is signed by the school and sent with the school's token."""
    from tests.helpers.laptops import first_laptop, join_laptop

    from apdesk.store import KdfParams

    office, code = first_laptop(tmp_path / "office", sqlite_hub.url, KdfParams.fast())
    with run_inbox(tmp_path / "inbox.db") as inbox:
        with office.store.session() as session:
            connection.set_endpoint(session, inbox.url)
            pem = keys.public_key_pem(session)
        office.store.run(set_la_token, connection.token_account(office.store), TOKEN)
        register_school(inbox.engine, URN, pem, TOKEN, "Oakfield Academy")
        office.sync()
        from apdesk.share.enrol import issue_code

        code = issue_code(office.store).code  # a fresh snapshot went up with the first sync
        from apdesk.share.engine import upload_snapshot

        with _client(office) as hub:
            upload_snapshot(office.store, hub)
        iap = join_laptop(tmp_path / "iap", sqlite_hub.url, code, "IAP", KdfParams.fast())
        with iap.store.session() as session:
            placement = add_placement(session, serial=42)
            assert placement.id is not None
            built = build_pack(session, placement.id, "placement-start", referral_pdf=None,
                               created_at=utcnow())  # fmt: skip
            outbox.queue_pack(session, built, placement.id)
        report = sender.drain(iap.store, SendPolicy(attempts=1, timeout=5.0))
        assert notifications(iap, report) == [(built.pack_id, "delivered")]
        assert [o.message for o in report.outcomes] == [""] * len(report.outcomes)
    for laptop in (office, iap):
        laptop.store.lock()


def _client(laptop: Laptop) -> HubClient:
    from apdesk.share.engine import read_config

    cfg = read_config(laptop.store)
    return HubClient(cfg.hub, cfg.school, cfg.token)
