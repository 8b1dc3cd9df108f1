"""Running the real `apdesk` command in a subprocess, as IT staff and scripts do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APDESK = [sys.executable, "-m", "apdesk"]


def run(
    args: list[str], env: dict[str, str], passphrase: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    full_env = dict(env)
    if passphrase is not None:
        full_env["APDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [*APDESK, *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def demo_store(tmp_path: Path, env: dict[str, str], pupils: int = 20) -> Path:
    from apdesk.services.demo import DEMO_PASSPHRASE

    folder = tmp_path / "demo"
    result = run(
        ["demo-data", "--store", str(folder), "--pupils", str(pupils)], env, DEMO_PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    return folder
