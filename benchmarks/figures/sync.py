"""A placement pack built, signed, sent to a local reference inbox and its receipt back."""

from __future__ import annotations

import secrets
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from sqlmodel import col, select

from apdesk.models import Placement
from apdesk.models.enums import OutboxStatus
from apdesk.models.types import utcnow
from apdesk.services.operations.settings import set_la_token
from apdesk.services.school import school_details
from apdesk.store import Store
from apdesk.sync import connection, keys, outbox, sender
from apdesk.sync.inbox.app import create_app
from apdesk.sync.inbox.db import register_school
from apdesk.sync.pack import build_pack
from apdesk.sync.sender import SendPolicy
from benchmarks.stats import median


@contextmanager
def local_inbox() -> Iterator[tuple[str, Any]]:
    """The reference inbox on 127.0.0.1 in a thread; (url, app) until the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="apdesk-bench-inbox-"))
    app = create_app(
        str(folder / "inbox.db"),
        inbox_key=secrets.token_bytes(32),
        admin_token=secrets.token_hex(16),
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    config = uvicorn.Config(
        app, log_level="error", access_log=False, lifespan="off", log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", app
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
        app.state.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def measure(store: Store, runs: int) -> dict[str, Any]:
    """Needs a keyring for the LA token (the suite installs an in-memory one)."""
    token = secrets.token_hex(16)
    policy = SendPolicy(attempts=1, timeout=10.0, audit_checkpoints=False)
    with store.session() as session:
        urn = school_details(session).urn
        placement_id = session.exec(select(Placement.id).order_by(col(Placement.id))).first()
    assert placement_id is not None
    with local_inbox() as (url, app):
        pass  # first start pays for imports, not counted
    times = []
    with local_inbox() as (url, app):
        with store.session() as session:
            connection.set_endpoint(session, url)
            connection.set_la_public_keys(session, app.state.keys.pem_bundle())
            register_school(app.state.engine, urn, keys.public_key_pem(session), token, "Bench")
        store.run(set_la_token, connection.token_account(store), token)
        for _ in range(max(1, runs) + 1):
            started = time.perf_counter()
            with store.session() as session:
                built = build_pack(
                    session, placement_id, "placement-start", referral_pdf=None, created_at=utcnow()
                )
                outbox.queue_pack(session, built, placement_id)
            report = sender.drain(store, policy)
            times.append((time.perf_counter() - started) * 1000)
            with store.session() as session:
                item = outbox.get_item(session, built.pack_id)
                if item.status is not OutboxStatus.DELIVERED:
                    raise RuntimeError(f"the pack was not delivered: {report.outcomes}")
    return {"pack_roundtrip_ms": round(median(times[1:]), 1)}
