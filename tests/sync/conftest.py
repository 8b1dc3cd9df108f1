"""Fixtures for the sync suite: a school store with a placement, a live inbox, a fault proxy."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, keys
from apdesk.sync.inbox.db import register_school
from apdesk.sync.sender import SendPolicy

sys.path.insert(0, str(Path(__file__).parent))

from sync_data import TOKEN, URN, add_placement, add_school
from sync_harness import FaultProxy, Inbox, Waits, run_inbox, run_proxy


@pytest.fixture
def waits() -> Waits:
    return Waits([])


@pytest.fixture
def policy(waits: Waits) -> SendPolicy:
    return SendPolicy(attempts=8, wait_base=0.5, wait_max=4.0, timeout=0.5, sleep=waits)


@pytest.fixture
def placement_id(store: Store) -> int:
    with store.session() as session:
        add_school(session)
        placement = add_placement(session)
    assert placement.id is not None
    return placement.id


@pytest.fixture
def inbox(tmp_path: Path, store: Store) -> Iterator[Inbox]:
    with run_inbox(tmp_path / "inbox.db") as running:
        with store.session() as session:
            pem = keys.public_key_pem(session)
        register_school(running.engine, URN, pem, TOKEN, "Oakfield Academy")
        yield running


@pytest.fixture
def proxy(inbox: Inbox) -> Iterator[FaultProxy]:
    with run_proxy(inbox.url) as running:
        yield running


@pytest.fixture
def connected(store: Store, proxy: FaultProxy, placement_id: int) -> Store:
    """The school's store pointed at the proxy in front of the inbox, with a good token."""
    with store.session() as session:
        connection.set_endpoint(session, proxy.url)
    store.run(set_la_token, connection.token_account(store), TOKEN)
    return store
