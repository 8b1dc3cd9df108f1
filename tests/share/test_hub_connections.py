"""The hub meets laptops that vanish part way through a request: a sync stopped, a lid
closed, a network gone. That is a normal day for a hub, not a fault to log."""

from __future__ import annotations

import logging
import socket
import time
from urllib.parse import urlsplit

import httpx
import pytest
from tests.helpers.hub_harness import Hub

SETTLE_S = 1.0


def _send_half_and_leave(hub: Hub, path: str) -> None:
    """Declare a 1,000-byte body, send ten bytes of it, and close the connection."""
    where = urlsplit(hub.url)
    with socket.create_connection((where.hostname or "", where.port or 80), timeout=5) as sock:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {where.netloc}\r\n"
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
        )
        sock.sendall(head.encode() + b'{"school":')


@pytest.mark.parametrize("path", ["/v1/schools", "/v1/enrolments/abc"])
def test_a_laptop_that_leaves_mid_request_is_no_error_and_the_hub_serves_the_next(
    sqlite_hub: Hub, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    _send_half_and_leave(sqlite_hub, path)
    time.sleep(SETTLE_S)  # the hub notices the closed connection on its own loop

    assert httpx.get(f"{sqlite_hub.url}/v1/health", timeout=5).json()["ok"] is True
    faults = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert faults == []
