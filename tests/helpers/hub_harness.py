"""A real school hub on loopback (uvicorn in a thread), on SQLite or a PostgreSQL URL."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn
from sqlalchemy import Engine

from apdesk.share.hub.app import create_app

WAIT = 10.0


@dataclass
class Hub:
    url: str
    engine: Engine


@contextmanager
def run_hub(db_url: str) -> Iterator[Hub]:
    app = create_app(db_url)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="error", access_log=False, lifespan="off", log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield Hub(f"http://127.0.0.1:{port}", app.state.engine)
    finally:
        server.should_exit = True
        thread.join(WAIT)
        sock.close()
        app.state.db.dispose()
