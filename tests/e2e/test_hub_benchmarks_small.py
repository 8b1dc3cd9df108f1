"""The hub's benchmarks at a tiny scale: they must run end to end and lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench(tmp_path: Path, *args: str) -> dict[str, object]:
    env = dict(os.environ, APDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        [sys.executable, "-m", *args, "--json"], capture_output=True, text=True, env=env,
        cwd=ROOT, timeout=240, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_joining_and_an_incremental_sync_are_measured(tmp_path: Path) -> None:
    figures = bench(tmp_path, "benchmarks.hub_join", "--pupils", "20")
    assert isinstance(figures["marks"], int) and figures["marks"] > 20 * 300  # a year each
    assert isinstance(figures["rows_joined"], int) and figures["rows_joined"] > figures["marks"]
    for key in ("join_s", "join_floor_s", "incremental_push_s", "incremental_pull_s"):
        assert isinstance(figures[key], float) and figures[key] > 0, key


def test_the_load_test_loses_nothing(tmp_path: Path) -> None:
    figures = bench(tmp_path, "benchmarks.hub_load", "--schools", "4", "--rounds", "1")
    assert figures["lost"] == 0 and figures["altered"] == 0 and figures["failed_rounds"] == 0
    assert figures["statuses"] == {"200": figures["setup_requests"] + figures["sync_requests"]}
