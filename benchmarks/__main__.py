"""`python -m benchmarks [--scale trust|large|medium|small] [--json] [--runs N] [--data DIR]
[--only startup,gui,...]`.

Builds (or reuses) the synthetic store, measures every figure with its floor, and prints one
JSON object. A figure whose part of the app cannot run is null, with the reason on stderr.
The clock is pinned inside the data's school year (`generate.CLOCK`) for every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import KEYS, WINDOW, laptop_screen

DEFAULT_DATA = Path(os.environ.get("APDESK_BENCH_DATA", "~/.cache/apdesk-bench")).expanduser()


def _log(message: str) -> None:
    print(f"benchmarks: {message}", file=sys.stderr, flush=True)


def _attempt(name: str, fn: Callable[[], dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    """The figures, or nulls for `keys` if that part of the app is missing or fails."""
    started = time.perf_counter()
    try:
        found = fn()
    except Exception:  # a figure that cannot be measured is reported as null, never guessed
        _log(f"{name} could not be measured:\n{traceback.format_exc(limit=3)}")
        return dict.fromkeys(keys)
    _log(f"{name} measured in {time.perf_counter() - started:.1f} s")
    return found


FIGURES = ("startup", "report", "filter", "import", "referral", "pack", "gui")


def run(
    scale: str, runs: int, data: Path, only: frozenset[str] = frozenset(FIGURES)
) -> dict[str, Any]:
    laptop_screen.use()
    from benchmarks import memkeyring
    from benchmarks.figures import documents, gui, imports, report, startup, sync
    from benchmarks.figures import filter as pupil_filter
    from benchmarks.generate import PASSPHRASE, ensure_store

    folder, built = ensure_store(data, scale)
    if built is not None:
        _log(f"built the {scale} store in {built:.1f} s")
    result: dict[str, Any] = {"cores": os.cpu_count(), "scale": scale}
    if "startup" in only:
        result.update(
            _attempt(
                "startup",
                lambda: startup.measure(folder, PASSPHRASE, runs),
                ["startup_ms", "startup_floor_ms", "startup_ratio", "unlock_kdf_ms", "rss_mb"],
            )
        )
    memkeyring.install()
    from apdesk.store import Store

    store = Store.open(folder, passphrase=PASSPHRASE, use_keyring=False)
    try:
        figures: list[tuple[str, str, Callable[[], dict[str, Any]], list[str]]] = [
            (
                "report",
                "attendance report",
                lambda: report.measure(store, runs),
                [
                    "attendance_report_ms",
                    "attendance_report_floor_ms",
                    "attendance_report_ratio",
                    "cipher_overhead",
                ],
            ),
            (
                "filter",
                "pupil filter",
                lambda: pupil_filter.measure(store, runs),
                ["filter_keystroke_ms"],
            ),
            (
                "import",
                "returns import",
                lambda: imports.measure(
                    store, runs, imports.MARKS if scale in ("large", "trust") else 5_000
                ),
                ["import_100k_s"],
            ),
            (
                "referral",
                "referral form",
                lambda: documents.measure(store, runs),
                ["referral_pdf_ms", "referral_pdf_floor_ms", "referral_pdf_ratio"],
            ),
            ("pack", "pack round trip", lambda: sync.measure(store, runs), ["pack_roundtrip_ms"]),
            ("gui", "window", lambda: {WINDOW: gui.measure(store, folder, runs)}, [WINDOW]),
        ]
        for key, name, fn, keys in figures:
            if key in only:
                result.update(_attempt(name, fn, keys))
    finally:
        store.lock()
    return {key: result.get(key) for key in (*KEYS, WINDOW) if key in result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--scale", choices=("trust", "large", "medium", "small"), default="large")
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="store cache folder")
    parser.add_argument(
        "--only", default=",".join(FIGURES), help="figures to measure: " + ",".join(FIGURES)
    )
    args = parser.parse_args(argv)
    only = frozenset(name.strip() for name in args.only.split(",") if name.strip())
    unknown = only - set(FIGURES)
    if unknown:
        parser.error(f"--only: no figure called {', '.join(sorted(unknown))}")
    result = run(args.scale, max(1, args.runs), args.data.expanduser(), only)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
