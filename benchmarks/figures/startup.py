"""Startup to the first page's data, against a bare window; key derivation; resident memory."""

from __future__ import annotations

import compileall
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from apdesk.store import KdfParams, Store
from apdesk.store.crypto import passphrase_key
from benchmarks import memkeyring
from benchmarks.generate import CLOCK
from benchmarks.stats import median, ratio, time_ms

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["APDESK_BENCH_CLOCK"] = CLOCK.isoformat()
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _child(module: str, args: list[str], stdin: str) -> tuple[float, dict[str, Any]]:
    """Milliseconds from just before the process starts to the time it reports."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=TIMEOUT,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    return (float(report["at"]) - started) * 1000, report


def keyring_secret(folder: Path, passphrase: str) -> str:
    """Give the store a keyring slot in an in-memory keyring; return that keyring's entry."""
    backend = memkeyring.install()
    store = Store.open(folder, passphrase=passphrase, use_keyring=False)
    try:
        if not store.remember_in_keyring():
            raise RuntimeError("the in-memory keyring was not accepted")
    finally:
        store.lock()
    [((service, account), value)] = backend.secrets.items()
    return f"{service}\t{account}\t{value}\n"


def compile_bytecode() -> None:
    """Start from bytecode, as an installed app does and as the floor's libraries do: pip
    compiles what it installs, but a source checkout (or PYTHONDONTWRITEBYTECODE) may not."""
    import apdesk

    for folder in (Path(apdesk.__file__).parent, ROOT / "benchmarks"):
        compileall.compile_dir(folder, quiet=1)


def measure(folder: Path, passphrase: str, runs: int) -> dict[str, Any]:
    compile_bytecode()
    secret = keyring_secret(folder, passphrase)
    app, floor, rss = [], [], []
    for _ in range(max(1, runs)):
        floor.append(_child("benchmarks.startup_floor", [], "")[0])
        elapsed, report = _child("benchmarks.startup_app", [str(folder)], secret)
        app.append(elapsed)
        rss.append(float(report["rss_mb"]))
    salt = secrets.token_bytes(16)
    kdf = time_ms(lambda: passphrase_key(passphrase, salt, KdfParams()), runs)
    startup, startup_floor = median(app), median(floor)
    return {
        "startup_ms": round(startup, 1),
        "startup_floor_ms": round(startup_floor, 1),
        "startup_ratio": ratio(startup, startup_floor),
        "unlock_kdf_ms": round(kdf, 1),
        "rss_mb": round(median(rss), 1),
    }
