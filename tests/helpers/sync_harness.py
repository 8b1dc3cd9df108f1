"""A real inbox on loopback and a small proxy in front of it that misbehaves on request."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import Engine

from apdesk.sync.inbox.app import create_app
from apdesk.sync.inbox.la_keys import LaKeys

WAIT = 10.0  # the longest any harness wait may take
Cli = Callable[..., tuple[int, str]]
CliErr = Callable[..., tuple[int, str, str]]


@dataclass
class Waits:
    """A sleep that records instead of sleeping: backoff is checked, not waited for."""

    calls: list[float]

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@dataclass
class Inbox:
    url: str
    engine: Engine
    keys: LaKeys


INBOX_KEY = bytes(range(32))  # the inbox key the tests' inboxes seal the LA's keys with
ADMIN_TOKEN = "la-admin-token-for-the-tests-0123"


@contextmanager
def run_inbox(db: Path | str, max_bytes: int = 25 * 1024 * 1024) -> Iterator[Inbox]:
    """uvicorn in a thread on a socket bound before it starts (so no wait for readiness)."""
    app = create_app(str(db), inbox_key=INBOX_KEY, admin_token=ADMIN_TOKEN, max_bytes=max_bytes)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="error", access_log=False, lifespan="off", log_config=None
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield Inbox(f"http://127.0.0.1:{port}", app.state.engine, app.state.keys)
    finally:
        server.should_exit = True
        thread.join(WAIT)
        sock.close()
        app.state.engine.dispose()


def _read_head(conn: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _reset(conn: socket.socket) -> None:
    """Close with RST: what a dropped connection looks like to the client."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


@dataclass
class FaultProxy:
    """Applies one scripted fault per POST (then passes through): 500, 503, 429:<secs>,
    timeout, drop-upload, lose-receipt, hold."""

    upstream: str
    faults: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def handle(self, conn: socket.socket) -> None:
        head, body = _read_head(conn)
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        length = int({k.lower(): v for k, v in headers.items()}.get("content-length", "0"))
        fault = self.faults.pop(0) if method == "POST" and self.faults else "pass"
        if method == "POST":
            self.applied.append(fault)
        if fault == "drop-upload":
            _reset(conn)
            return
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return
            body += chunk
        if fault == "timeout":
            self.release.wait(WAIT)
            _reset(conn)
            return
        if fault in ("500", "503") or fault.startswith("429"):
            status, _, wait = fault.partition(":")
            extra = f"Retry-After: {wait}\r\n" if wait else ""
            conn.sendall(
                f"HTTP/1.1 {status} Fault\r\nContent-Length: 0\r\n{extra}"
                "Connection: close\r\n\r\n".encode()
            )
            conn.close()
            return
        keep = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection")}
        with httpx.Client(timeout=WAIT) as client:
            answer = client.request(method, self.upstream + path, headers=keep, content=body)
        if fault in ("lose-receipt", "hold"):
            self.held.set()
            if fault == "hold":
                self.release.wait(WAIT)
            _reset(conn)
            return
        content_type = answer.headers.get("content-type", "application/octet-stream")
        conn.sendall(
            f"HTTP/1.1 {answer.status_code} Relayed\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(answer.content)}\r\nConnection: close\r\n\r\n".encode()
            + answer.content
        )
        conn.close()


@contextmanager
def run_proxy(upstream: str) -> Iterator[FaultProxy]:
    proxy = FaultProxy(upstream)

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            with contextlib.suppress(OSError):  # the client went away: some faults do that
                proxy.handle(self.request)

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

    server = Server(("127.0.0.1", 0), Handler)
    proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield proxy
    finally:
        proxy.release.set()
        server.shutdown()
        server.server_close()
        thread.join(WAIT)
