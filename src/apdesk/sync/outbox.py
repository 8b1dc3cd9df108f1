"""The outbox: packs waiting for a receipt. A pack leaves it only with a receipt."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from apdesk.files import write_atomic
from apdesk.i18n import N_, _
from apdesk.models import OutboxItem, Placement, Pupil
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow
from apdesk.sync.policy import placement_pack_kind_for_change
from apdesk.sync.send_errors import error_text

if TYPE_CHECKING:  # building and checking packs load the crypto: imported when used
    from apdesk.sync.pack import BuiltPack
    from apdesk.sync.verify import VerifiedPack

ReferralPdf = Callable[[Session, int], bytes | None]
SENDABLE = (OutboxStatus.QUEUED, OutboxStatus.SENDING)
CHECKPOINT_INTERVAL = timedelta(days=1)

# Why a pack waits, kept on the (shared) row as a code: each laptop words it in its own language.
NO_ENDPOINT = "no-endpoint"
ENDPOINT_PROBLEM = "endpoint-problem"
UNREACHABLE = "unreachable"
WAITING: dict[str, str] = {
    NO_ENDPOINT: N_("Waiting for the LA's address: set it in File › Settings › LA connection"),
    ENDPOINT_PROBLEM: N_(
        "Waiting: the LA's address in File › Settings › LA connection cannot be used as it is"
    ),
    UNREACHABLE: N_("Waiting: the LA could not be reached; it goes when the LA answers"),
}


def waiting_text(code: str) -> str:
    """The words for a waiting code, in this laptop's language ('' for no code)."""
    if not code:
        return ""
    return _(WAITING[code]) if code in WAITING else _("Waiting to be sent")


def own_device(session: Session) -> str:
    """This laptop's sharing device id ('' on a store that does not share)."""
    from apdesk.store.share_rows import state_get

    return state_get(session.connection(), "device").get("device", "")


@dataclass(frozen=True)
class OutboxRow:
    """One outbox line as a page or `apdesk outbox --json` shows it (no session attached)."""

    pack_id: str
    kind: str
    kind_label: str
    placement_id: int | None
    pupil_name: str
    upn: str
    created_at: datetime
    status: str
    status_label: str
    attempts: int
    last_error: str
    waiting: str  # a code (see WAITING): words for it come from `waiting_text`
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    receipt: dict[str, Any] | None
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        for name in ("created_at", "next_attempt_at", "delivered_at"):
            value = data[name]
            data[name] = value.isoformat() if value is not None else None
        return data


def queue_pack(session: Session, built: BuiltPack, placement_id: int | None) -> OutboxItem:
    """Add the pack to the outbox in the caller's transaction (it commits with the change)."""
    item = OutboxItem(
        id=built.pack_id,
        kind=built.kind,
        placement_id=placement_id,
        status=OutboxStatus.QUEUED,
        pack=built.zip_bytes,
        sha256=built.sha256,
        device=own_device(session),
    )
    session.add(item)
    return item


def _start_sent(session: Session, placement_id: int) -> bool:
    query = select(OutboxItem.id).where(
        OutboxItem.placement_id == placement_id, OutboxItem.kind == PackKind.PLACEMENT_START
    )
    return session.exec(query).first() is not None


def notify_placement_change(
    session: Session,
    placement: Placement,
    before: Mapping[str, Any] | None,
    *,
    referral_pdf: ReferralPdf,
    created_at: datetime | None = None,
) -> OutboxItem | None:
    """Build and queue the pack a placement change calls for, in the caller's transaction.

    `before` is the placement's fields before the change (`placement.model_dump()` taken
    before editing), or None for a new placement. `referral_pdf` renders the referral form
    when the pack carries one (the services pass theirs: sync never imports the documents).
    Returns the queued item, or None.
    """
    if placement.id is None:
        session.flush()
    assert placement.id is not None
    kind = placement_pack_kind_for_change(
        before, placement.model_dump(), start_sent=_start_sent(session, placement.id)
    )
    if kind is None:
        return None
    pdf: bytes | None = None
    if kind in (PackKind.PLACEMENT_START, PackKind.PLACEMENT_CHANGE):
        pdf = referral_pdf(session, placement.id)
    from apdesk.sync.pack import build_pack

    built = build_pack(
        session, placement.id, kind, referral_pdf=pdf, created_at=created_at or utcnow()
    )
    return queue_pack(session, built, placement.id)


def _row(item: OutboxItem, pupil: Pupil | None) -> OutboxRow:
    receipt = json.loads(item.receipt) if item.receipt else None
    return OutboxRow(
        pack_id=item.id,
        kind=item.kind.value,
        kind_label=item.kind.label,
        placement_id=item.placement_id,
        pupil_name=pupil.display_name if pupil else "",
        upn=pupil.upn if pupil else "",
        created_at=item.created_at,
        status=item.status.value,
        status_label=item.status.label,
        attempts=item.attempts,
        last_error=error_text(item.last_error),  # worded in this laptop's language
        waiting=item.waiting,
        next_attempt_at=item.next_attempt_at,
        delivered_at=item.delivered_at,
        receipt=receipt,
        sha256=item.sha256,
        size=len(item.pack),
    )


def list_outbox(session: Session, status: OutboxStatus | None = None) -> list[OutboxRow]:
    """Newest first, with the pupil's name for the list (the pack bytes are not kept)."""
    query = (
        select(OutboxItem, Pupil)
        .join(Placement, col(Placement.id) == col(OutboxItem.placement_id), isouter=True)
        .join(Pupil, col(Pupil.id) == col(Placement.pupil_id), isouter=True)
        .order_by(col(OutboxItem.created_at).desc())
    )
    if status is not None:
        query = query.where(OutboxItem.status == status)
    return [_row(item, pupil) for item, pupil in session.exec(query).all()]


def get_item(session: Session, pack_id: str) -> OutboxItem:
    item = session.get(OutboxItem, pack_id)
    if item is None:
        raise ValidationError(
            "pack",
            _("there is no pack {pack_id} in the outbox").format(pack_id=pack_id),
            _("pick one from the outbox list"),
        )
    return item


def save_pack(session: Session, pack_id: str, path: Path) -> Path:
    """Write the pack to a file (for an LA that takes email or portal uploads)."""
    item = get_item(session, pack_id)
    path = Path(path)
    if path.is_dir():
        from apdesk.sync.pack import SUFFIX

        path = path / f"{pack_id}{SUFFIX}"
    return write_atomic(path, item.pack)


def pack_contents(session: Session, pack_id: str) -> VerifiedPack:
    """What a queued pack holds, checked (an encrypted payload only the LA can open)."""
    from apdesk.sync.verify import verify_pack

    return verify_pack(get_item(session, pack_id).pack)


def mark_delivered(session: Session, pack_id: str, receipt: Mapping[str, Any]) -> None:
    item = get_item(session, pack_id)
    item.status = OutboxStatus.DELIVERED
    item.receipt = json.dumps(dict(receipt), sort_keys=True)
    item.delivered_at = utcnow()
    item.last_error = ""
    item.waiting = ""
    item.next_attempt_at = None
    session.add(item)


def retry_now(session: Session, pack_id: str) -> None:
    """Put a pack that needs attention (or is waiting) back at the front of the queue."""
    item = get_item(session, pack_id)
    if item.status is OutboxStatus.DELIVERED:
        raise ValidationError("pack", _("was already delivered"), _("nothing needs sending"))
    item.status = OutboxStatus.QUEUED
    item.next_attempt_at = None
    session.add(item)


def sendable_ids(session: Session, now: datetime | None = None) -> list[str]:
    """Queued packs (and any left 'sending' by a crash), oldest first; due ones if `now`."""
    query = (
        select(OutboxItem.id)
        .where(col(OutboxItem.status).in_(SENDABLE))
        .order_by(col(OutboxItem.created_at))
    )
    ids = list(session.exec(query).all())
    if now is None:
        return ids
    due = []
    for pack_id in ids:
        item = session.get(OutboxItem, pack_id)
        if item is not None and (item.next_attempt_at is None or item.next_attempt_at <= now):
            due.append(pack_id)
    return due


def attention_count(session: Session) -> int:
    """Packs the LA refused or that cannot be sent as they are: a person must act on them."""
    query = select(OutboxItem.id).where(OutboxItem.status == OutboxStatus.ATTENTION)
    return len(session.exec(query).all())


def checkpoint_due(session: Session, now: datetime) -> bool:
    """Whether the day's audit checkpoint (the signed audit head alone) should go: none was made
    in the last day and none is still waiting. The LA then witnesses the chain even on days
    without a placement change. Each laptop's chain is its own, so is its checkpoint: another
    laptop's (which arrive through sharing) do not count."""
    query = (
        select(OutboxItem.created_at, OutboxItem.status)
        .where(
            OutboxItem.kind == PackKind.AUDIT_CHECKPOINT,
            OutboxItem.device == own_device(session),
        )
        .order_by(col(OutboxItem.created_at).desc())
        .limit(1)
    )
    last = session.exec(query).first()
    if last is not None:
        made, status = last
        if made.tzinfo is None:
            made = made.replace(tzinfo=now.tzinfo)
        if status in SENDABLE or now - made < CHECKPOINT_INTERVAL:
            return False
    return True


def queue_checkpoint(session: Session, now: datetime) -> OutboxItem:
    """Queue a checkpoint; of this laptop's delivered ones only the latest stays in the outbox (the
    LA keeps every one), so the outbox does not fill with a row a day. Other laptops' checkpoints
    are theirs to trim."""
    from apdesk.sync.pack import build_checkpoint

    delivered = session.exec(
        select(OutboxItem)
        .where(
            OutboxItem.kind == PackKind.AUDIT_CHECKPOINT,
            OutboxItem.status == OutboxStatus.DELIVERED,
            OutboxItem.device == own_device(session),
        )
        .order_by(col(OutboxItem.created_at).desc())
    ).all()
    for old in delivered[1:]:
        session.delete(old)
    return queue_pack(session, build_checkpoint(session, now), None)
