"""The audit chain with a witness: packs carry the signed head, the LA's receipts keep it, and a
chain cut short or rewritten afterwards is found by `apdesk audit verify --against` and by
the inbox, while `apdesk check` alone (which only sees the chain) cannot find it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text
from tests.helpers.sync_data import URN
from tests.helpers.sync_harness import CliErr, Inbox

from apdesk.models import AuditEvent, OutboxItem, Placement
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.store.audit import _hashed_fields, chain_head, row_hash
from apdesk.sync import connection, outbox, sender
from apdesk.sync.inbox.db import list_packs
from apdesk.sync.pack import build_pack
from apdesk.sync.sender import SendPolicy


def _send_one(store: Store, placement_id: int, policy: SendPolicy) -> dict[str, object]:
    with store.session() as session:
        built = build_pack(
            session, placement_id, "placement-start", referral_pdf=None, created_at=utcnow()
        )
        outbox.queue_pack(session, built, placement_id)
    [outcome] = sender.drain(store, policy).outcomes
    assert outcome.state == "delivered" and outcome.receipt is not None
    return outcome.receipt


def _export_receipts(cli_err: CliErr, inbox_db: str, folder: Path) -> Path:
    out = folder / "receipts.json"
    code, _out, err = cli_err(
        "inbox", "receipts", "--db", inbox_db, "--urn", URN, "--out", str(out)
    )
    assert code == 0, err
    return out


def _edit_placement(store: Store, placement_id: int, note: str) -> None:
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        placement.learning_outcomes = note
        session.add(placement)


def _cut_to(store: Store, rows: int) -> None:
    """What someone holding the passphrase can do: delete the newest audit rows."""
    with store.engine.begin() as conn:
        keep = conn.execute(
            text("SELECT id FROM auditevent ORDER BY id LIMIT 1 OFFSET :n"), {"n": rows - 1}
        ).scalar_one()
        conn.execute(text("DELETE FROM auditevent WHERE id > :keep"), {"keep": keep})


def _rewrite_from(store: Store, position: int, after: str) -> None:
    """Change an old audit row and recompute every hash from there: the chain checks out."""
    with store.session() as session:
        rows = list(session.exec(select(AuditEvent).order_by(AuditEvent.id)).scalars())  # type: ignore[call-overload, arg-type]
    with store.engine.begin() as conn:
        prev = rows[position - 2].hash if position > 1 else "0" * 64
        for index, row in enumerate(rows[position - 1 :]):
            fields = _hashed_fields(row.model_dump())
            if index == 0:
                fields["after"] = after
            digest = row_hash(prev, fields)
            conn.execute(
                text("UPDATE auditevent SET after=:a, prev_hash=:p, hash=:h WHERE id=:id"),
                {"a": fields["after"], "p": prev, "h": digest, "id": row.id},
            )
            prev = digest


def test_truncating_the_audit_log_after_a_pack_was_sent_is_detected(
    connected: Store,
    inbox: Inbox,
    inbox_db: str,
    placement_id: int,
    policy: SendPolicy,
    cli_err: CliErr,
    tmp_path: Path,
) -> None:
    with connected.session() as session:
        connection.set_la_public_keys(session, inbox.keys.pem_bundle())
    receipt = _send_one(connected, placement_id, policy)
    witnessed = receipt["audit"]
    assert isinstance(witnessed, dict) and witnessed["count"] > 5
    receipts = _export_receipts(cli_err, inbox_db, tmp_path)
    code, out, _ = cli_err("audit", "verify", "--against", str(receipts))
    assert code == 0 and "signatures checked" in out and "the chain matches them" in out

    _cut_to(connected, witnessed["count"] - 3)

    code, out, _ = cli_err("check")
    assert code == 0  # the chain alone is whole: only the witness can tell
    code, out, _ = cli_err("audit", "verify", "--against", str(receipts))
    assert code == 1 and "Witness: truncated" in out and "does NOT match" in out

    _edit_placement(connected, placement_id, "Reading age up two years")  # life goes on
    _send_one(connected, placement_id, policy)
    findings = [p["audit_finding"] for p in list_packs(inbox.engine) if p["audit_finding"]]
    assert len(findings) == 1 and findings[0].startswith("truncated")
    code, out, err = cli_err("inbox", "list", "--db", inbox_db)
    assert code == 1 and "AUDIT truncated" in out and "shortened or rewritten" in err


def test_a_rewritten_chain_with_recomputed_hashes_is_detected(
    connected: Store,
    inbox: Inbox,
    inbox_db: str,
    placement_id: int,
    policy: SendPolicy,
    cli_err: CliErr,
    tmp_path: Path,
) -> None:
    first = _send_one(connected, placement_id, policy)
    _edit_placement(connected, placement_id, "Reading age up two years")
    _send_one(connected, placement_id, policy)  # carries `since`: the chain where LA saw it
    assert isinstance(first["audit"], dict)

    _rewrite_from(connected, 2, json.dumps({"safety_info": "nothing of note"}))

    code, out, _ = cli_err("check")
    assert code == 0  # every hash recomputed: the chain alone looks intact
    receipts = _export_receipts(cli_err, inbox_db, tmp_path)
    code, out, _ = cli_err("audit", "verify", "--against", str(receipts))
    assert code == 1 and "Witness: rewritten: audit row" in out

    _edit_placement(connected, placement_id, "Reading age up three years")
    _send_one(connected, placement_id, policy)
    findings = [p["audit_finding"] for p in list_packs(inbox.engine) if p["audit_finding"]]
    assert len(findings) == 1 and findings[0].startswith("rewritten")


def test_receipts_that_are_not_the_las_are_named(
    connected: Store,
    inbox: Inbox,
    placement_id: int,
    policy: SendPolicy,
    cli_err: CliErr,
    tmp_path: Path,
) -> None:
    with connected.session() as session:
        connection.set_la_public_keys(session, inbox.keys.pem_bundle())
    receipt = _send_one(connected, placement_id, policy)
    forged = {**receipt, "audit": {"count": 1, "head": "0" * 64}}
    path = tmp_path / "receipts.json"
    path.write_text(json.dumps([receipt, forged, "junk"]))
    code, out, _ = cli_err("audit", "verify", "--against", str(path))
    assert code == 1 and "signature does not match" in out and "not a receipt" in out
    path.write_text("{not json")
    code, _out, err = cli_err("audit", "verify", "--against", str(path))
    assert code == 2 and "not a JSON file of receipts" in err and len(err.splitlines()) == 1
    saved = tmp_path / "mine.json"
    code, out, _ = cli_err("audit", "receipts", "--out", str(saved))
    assert code == 0 and json.loads(saved.read_text()) == [receipt]


def test_the_outbox_sends_a_signed_audit_checkpoint_once_a_day(
    connected: Store, inbox: Inbox, policy: SendPolicy
) -> None:
    daily = SendPolicy(**{**policy.__dict__, "audit_checkpoints": True})
    report = sender.drain(connected, daily)
    assert [o.state for o in report.outcomes] == ["delivered"]
    [received] = list_packs(inbox.engine)
    assert received["kind"] == PackKind.AUDIT_CHECKPOINT.value
    with connected.session() as session:
        count, head = chain_head(session)
    assert 0 < received["audit_count"] <= count and len(received["audit_head"]) == 64
    assert sender.drain(connected, daily).outcomes == []  # one a day
    with connected.session() as session:
        item = session.exec(select(OutboxItem)).scalars().one()  # type: ignore[call-overload]
        assert item.status is OutboxStatus.DELIVERED
        item.created_at = utcnow() - timedelta(hours=25)
        session.add(item)
    assert [o.state for o in sender.drain(connected, daily).outcomes] == ["delivered"]
    assert len(list_packs(inbox.engine)) == 2
    assert head
