"""A real `apdesk inbox serve` process taking zips that lie about their size: every one is
refused, and the server's peak memory stays within 100 MB of what it used idle.

The peak is the kernel's own high-water mark of resident memory (VmHWM), reset after warming
up, so it catches a spike however short.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.helpers.attacks import lying_zip
from tests.helpers.sync_data import TOKEN, URN
from tests.helpers.sync_harness import ADMIN_TOKEN, INBOX_KEY

from apdesk.models.types import utcnow
from apdesk.store import Store
from apdesk.sync import keys
from apdesk.sync.inbox.db import open_db, register_school
from apdesk.sync.pack import build_pack

MIB = 1024 * 1024
GIB = 1024 * MIB
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc to read peak memory"
)


def _memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in bytes."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) * 1024
    return found


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, store: Store, cli_env: dict[str, str]) -> Iterator[tuple[str, int]]:
    db = tmp_path / "inbox.db"
    engine = open_db(str(db))
    with store.session() as session:
        register_school(engine, URN, keys.public_key_pem(session), TOKEN, "Oakfield Academy")
    engine.dispose()
    port = _free_port()
    env = {
        **cli_env,
        "APDESK_INBOX_KEY": INBOX_KEY.hex(),
        "APDESK_INBOX_ADMIN_TOKEN": ADMIN_TOKEN,
    }
    command = [sys.executable, "-m", "apdesk", "inbox", "serve", "--db", str(db)]
    log = tmp_path / "inbox.log"
    with open(log, "wb") as errors:
        proc = subprocess.Popen(
            [*command, "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/v1/keys", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the inbox did not start"
            time.sleep(0.2)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _post(url: str, body: bytes) -> int:
    headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": str(uuid.uuid4())}
    return httpx.post(f"{url}/v1/packs", content=body, headers=headers, timeout=120).status_code


def test_lying_zips_are_refused_within_100_mb_of_idle_memory(
    server: tuple[str, int], store: Store, placement_id: int
) -> None:
    url, pid = server
    with store.session() as session:
        genuine = build_pack(
            session, placement_id, "placement-start", referral_pdf=None, created_at=utcnow()
        )
    headers = {"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": genuine.pack_id}
    warm = httpx.post(f"{url}/v1/packs", content=genuine.zip_bytes, headers=headers, timeout=60)
    assert warm.status_code == 201  # every module a pack needs is loaded: this is idle
    idle = _memory(pid)["VmRSS"]
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # restart the high-water mark from here

    attacks = {
        "1 GiB declared as 100 bytes": lying_zip("notification.json", GIB, 100),
        "1 GiB declared as 20 MiB": lying_zip("notification.json", GIB, 20 * MIB),
        "1 GiB declared truthfully": lying_zip("notification.json", GIB, GIB),
        "2 GiB declared as 100 bytes": lying_zip("referral.pdf", 2 * GIB, 100),
    }
    statuses = {name: _post(url, body) for name, body in attacks.items()}
    together: list[int] = []
    threads = [
        threading.Thread(target=lambda b=body: together.append(_post(url, b)))
        for body in list(attacks.values())[:3]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    peak = _memory(pid)["VmHWM"]
    sizes = ", ".join(f"{name}: {len(body) / MIB:.1f} MB upload" for name, body in attacks.items())
    print(
        f"\ninbox memory: idle {idle / MIB:.0f} MiB, peak {peak / MIB:.0f} MiB "
        f"(+{(peak - idle) / MIB:.0f} MiB); statuses {statuses}, three at once {together}; {sizes}"
    )
    assert set(statuses.values()) == {422} and together == [422, 422, 422]
    assert peak - idle < 100 * MIB
    assert os.kill(pid, 0) is None  # still serving
    assert httpx.get(f"{url}/v1/keys", timeout=10).status_code == 200
