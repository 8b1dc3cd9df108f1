"""The performance suite at small scale: it must run end to end and produce every figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import KEYS, WINDOW  # importable: pytest puts the project root on the path

ROOT = Path(__file__).resolve().parents[2]

SUITE = [sys.executable, "-m", "benchmarks", "--scale", "small", "--json", "--runs", "1"]


def test_small_suite_produces_every_figure(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", APDESK_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        [*SUITE, "--data", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=420,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert list(figures) == [*KEYS, WINDOW]
    missing = [key for key in KEYS if key != "scale" and not isinstance(figures[key], int | float)]
    assert not missing, f"not measured: {missing}\n{done.stderr}"
    window = figures[WINDOW]
    assert window is not None, done.stderr
    assert window["clock"] == "2026-07-01"  # inside the data's school year
    for page in ("home", "pupils", "placements", "register", "plans"):
        again = window[f"page_{page}"]["again"]
        assert again["shown_ms"]["median"] >= again["blocked_cpu_ms"]["median"] > 0
    for interaction in (
        "placement_editor_existing",
        "register_next_week",
        "print_preview_referral",
    ):
        assert window[interaction]["shown_ms"]["median"] > 0
    assert figures["scale"] == "small"
    assert not list(tmp_path.glob("**/plain.db"))
