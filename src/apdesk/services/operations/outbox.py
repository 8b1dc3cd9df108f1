"""What a person does to the outbox: send a waiting pack again at once. (A pack built by hand
is a placement's: `operations.placements.build_placement_pack`.)

Packs made by a placement change are queued by that change's own operation, in its transaction;
the sender's bookkeeping (claimed, delivered, retry later) is its own operations, in
`sync.sender`.
"""

from __future__ import annotations

from sqlmodel import Session

from apdesk.store.operations import operation
from apdesk.sync import outbox


@operation
def retry_pack(session: Session, pack_id: str) -> str:
    """Put a pack that waits or needs attention back at the front of the queue."""
    outbox.retry_now(session, pack_id)
    return pack_id
