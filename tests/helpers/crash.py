"""Killing `apdesk` at chosen moments and proving the store it leaves behind is whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from apdesk.store import Store
from apdesk.store.checks import check_store

STORE_FILES = {"apdesk.db", "apdesk.db-wal", "apdesk.db-shm", "apdesk.header.json", "backups"}


def run_and_kill(args: list[str], env: dict[str, str], after: float) -> int:
    """Start `apdesk ARGS`, SIGKILL it `after` seconds in (unless it ended); its exit status."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "apdesk", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    return proc.returncode


def assert_whole(store: Store) -> None:
    """integrity_check, cipher_integrity_check (every page's HMAC) and the audit chain."""
    report = check_store(store)
    assert report.ok, report
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA temp_store")).scalar() in (0, 2)  # never a temp file
        options = {row[0] for row in conn.execute(text("PRAGMA compile_options"))}
    assert "TEMP_STORE=2" in options or "TEMP_STORE=3" in options


def assert_no_plaintext(folders: list[Path], needles: list[bytes]) -> None:
    """No file the process could have written holds a pupil's details in the clear."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for needle in needles:
                    assert needle not in data, f"{needle!r} in plain text in {path.name}"
