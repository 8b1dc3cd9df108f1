"""The school's side of the audit witness: the chain's head goes out in every signed pack, and
the LA's signed receipts come back as proof of what the chain looked like then.

With receipts kept somewhere the store's holder cannot reach (the LA's inbox, or an exported
copy), `apdesk audit verify --against RECEIPTS` finds a chain that has since been shortened or
rewritten. It cannot find a change made and hashed into the chain before a head was witnessed,
nor a change made without an audit row by someone holding the passphrase: see docs/security.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models import AuditEvent, OutboxItem
from apdesk.models.enums import OutboxStatus
from apdesk.store.audit import chain_head, hash_at
from apdesk.store.share_rows import state_get
from apdesk.sync.receipt import ReceiptError, check_signature


def stamp(at: datetime) -> str:
    # Milliseconds: two packs built within one second must still be told apart in time.
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def own_chain(session: Session) -> str:
    """This laptop's audit chain id: its sharing device id, or '' for a store that does not
    share (its one chain, as packs made before chains were named meant)."""
    return state_get(session.connection(), "device").get("device", "")


def chain_of(audit: dict[str, Any]) -> str:
    """The chain an audit head belongs to ('' for a head that names none: the store's one)."""
    chain = audit.get("chain")
    return chain if isinstance(chain, str) else ""


def latest_witnessed(session: Session) -> int | None:
    """The longest of this laptop's chain an LA receipt in the outbox witnessed, if any.

    The outbox is shared: other laptops' receipts witness their own chains, not this one.
    """
    table = OutboxItem.__table__  # type: ignore[attr-defined]
    count = func.json_extract(table.c.receipt, "$.audit.count")
    chain = func.coalesce(func.json_extract(table.c.receipt, "$.audit.chain"), "")
    query = select(func.max(count)).where(
        table.c.status == OutboxStatus.DELIVERED.value,
        table.c.receipt != "",
        chain == own_chain(session),
    )
    found = session.connection().execute(query).scalar()
    return int(found) if found is not None else None


def audit_block(session: Session, at: datetime) -> dict[str, Any]:
    """The manifest's `audit`: the head now, and the chain's hash where the LA last witnessed it."""
    count, head = chain_head(session)
    block: dict[str, Any] = {"count": count, "head": head, "at": stamp(at)}
    chain = own_chain(session)
    if chain:
        block["chain"] = chain
    seen = latest_witnessed(session)
    if seen:
        now_there = hash_at(session, seen)
        if now_there is not None:
            block["since"] = {"count": seen, "hash": now_there}
    return block


@dataclass
class WitnessReport:
    receipts: int = 0  # receipts that carried an audit head of this laptop's chain
    other_chains: int = 0  # receipts witnessing another laptop's chain (not compared)
    signatures_checked: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _positions(session: Session, wanted: set[int]) -> tuple[int, dict[int, str]]:
    """(rows in the chain, hash at each wanted position): one pass in chain order."""
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    found: dict[int, str] = {}
    rows = 0
    for rows, (digest,) in enumerate(
        session.connection().execute(select(table.c.hash).order_by(table.c.id)), start=1
    ):
        if rows in wanted:
            found[rows] = str(digest)
    return rows, found


def check_against(
    session: Session, receipts: list[Any], la_key: Ed25519PublicKey | None
) -> WitnessReport:
    """Compare the chain with every audit head the LA's receipts witnessed."""
    report = WitnessReport(signatures_checked=la_key is not None)
    heads: list[tuple[str, str, int, str]] = []
    mine = own_chain(session)
    for index, receipt in enumerate(receipts, start=1):
        if not isinstance(receipt, dict):
            report.problems.append(_("receipt {n} is not a receipt").format(n=index))
            continue
        name = str(receipt.get("pack_id", f"#{index}"))
        if la_key is not None:
            try:
                check_signature(receipt, la_key)
            except ReceiptError as exc:
                report.problems.append(
                    _("receipt for pack {pack}: {problem}").format(pack=name, problem=exc)
                )
                continue
        audit = receipt.get("audit")
        if not isinstance(audit, dict):
            continue
        count, head = audit.get("count"), audit.get("head")
        if not isinstance(count, int) or not isinstance(head, str):
            report.problems.append(
                _("receipt for pack {pack} has a damaged audit head").format(pack=name)
            )
            continue
        if chain_of(audit) != mine:
            report.other_chains += 1
            continue
        heads.append((name, str(receipt.get("received_at", "")), count, head))
    report.receipts = len(heads)
    rows, hashes = _positions(session, {count for _n, _w, count, _h in heads})
    for name, when, count, head in heads:
        if count > rows:
            report.problems.append(
                ngettext(
                    "truncated: the LA witnessed {count} audit row with pack {pack} ({when}); "
                    "the chain now holds {rows}",
                    "truncated: the LA witnessed {count} audit rows with pack {pack} ({when}); "
                    "the chain now holds {rows}",
                    count,
                ).format(count=count, pack=name, when=when, rows=rows)
            )
        elif count and hashes.get(count) != head:
            report.problems.append(
                _(
                    "rewritten: audit row {count} is not the one the LA witnessed with pack "
                    "{pack} ({when})"
                ).format(count=count, pack=name, when=when)
            )
    return report
