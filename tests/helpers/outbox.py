"""What the outbox, sync and settings GUI tests share: a school store with one placement, packs
queued the way a placement change queues them, the real LA inbox on loopback, and a port on
127.0.0.1 where nothing listens."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session
from tests.helpers.sync_data import TOKEN, URN, add_placement, add_school
from tests.helpers.sync_harness import Inbox, run_inbox

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, keys, outbox
from apdesk.sync.inbox.db import register_school
from apdesk.sync.pack import build_pack

WAIT_MS = 10_000  # the longest any GUI test waits for the sync thread


def no_referral(_session: Session, _placement_id: int) -> bytes | None:
    return None  # keeps the packs small and the tests fast


def school_with_placement(store: Store) -> int:
    with store.session() as session:
        add_school(session)
        placement = add_placement(session)
    assert placement.id is not None
    return placement.id


def queue_start(store: Store, placement_id: int) -> str:
    """Make the placement active, as the placements page does: a start pack is queued."""
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        before = placement.model_dump()
        placement.status = PlacementStatus.ACTIVE
        session.add(placement)
        item = outbox.notify_placement_change(session, placement, before, referral_pdf=no_referral)
        assert item is not None
        return item.id


def queue_pack_for(store: Store, placement_id: int) -> str:
    """Build the placement's start pack and queue it, as it stands: its pack id."""
    with store.session() as session:
        built = build_pack(
            session, placement_id, "placement-start", referral_pdf=None, created_at=utcnow()
        )
        outbox.queue_pack(session, built, placement_id)
    return built.pack_id


def shown_problem(store: Store, pack_id: str) -> str:
    """What the outbox shows as the pack's last problem, in the current language."""
    rows = store.read(outbox.list_outbox)
    return next(row.last_error for row in rows if row.pack_id == pack_id)


def queue_change(store: Store, placement_id: int, hours: float) -> str:
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None
        before = placement.model_dump()
        placement.hours_per_week = hours
        session.add(placement)
        item = outbox.notify_placement_change(session, placement, before, referral_pdf=no_referral)
        assert item is not None
        return item.id


@contextmanager
def school_inbox(store: Store, db: Path) -> Iterator[Inbox]:
    """The reference inbox on 127.0.0.1 with this school registered under TOKEN."""
    with run_inbox(db) as running:
        with store.session() as session:
            pem = keys.public_key_pem(session)
        register_school(running.engine, URN, pem, TOKEN, "Oakfield Academy")
        yield running


def connect(store: Store, url: str, token: str = TOKEN) -> None:
    with store.session() as session:
        connection.set_endpoint(session, url)
    store.run(set_la_token, connection.token_account(store), token)


def closed_port_url() -> str:
    """A loopback address where nothing listens: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
