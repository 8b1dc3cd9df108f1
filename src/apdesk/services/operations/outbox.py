"""What a person does to the outbox: send a waiting pack again at once, build a pack by hand.

Packs made by a placement change are queued by that change's own operation, in its transaction;
the sender's bookkeeping (claimed, delivered, retry later) is the sender's, not a person's.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from apdesk.models.enums import PackKind
from apdesk.models.types import utcnow
from apdesk.store.operations import operation
from apdesk.sync import outbox
from apdesk.sync.pack import BuiltPack, build_pack


@operation
def retry_pack(session: Session, pack_id: str) -> str:
    """Put a pack that waits or needs attention back at the front of the queue."""
    outbox.retry_now(session, pack_id)
    return pack_id


@operation
def build_placement_pack(
    session: Session,
    placement_id: int,
    kind: PackKind | str,
    *,
    queue: bool,
    encrypt: bool | None = None,
    created_at: datetime | None = None,
) -> BuiltPack:
    """Build a placement's pack (the school's signing key is made on first use) and, with
    `queue`, put it in the outbox in the same transaction."""
    built = build_pack(
        session,
        placement_id,
        kind,
        referral_pdf=outbox.referral_for(session, placement_id),
        created_at=created_at or utcnow(),
        encrypt=encrypt,
    )
    if queue:
        outbox.queue_pack(session, built, placement_id)
    return built
