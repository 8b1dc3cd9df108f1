"""Run in a child process: open a store through the keyring and show the main window.

It builds the window the way `apdesk.ui.shell.launch` does, with an in-memory keyring (its one
secret read from stdin) and throwaway settings, and prints one JSON line when the home page's first
data reach the screen: the wall-clock time then and the process's resident memory.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pin_clock() -> None:
    """The suite's clock (`APDESK_BENCH_CLOCK`, ISO), so the dashboard reads a school year."""
    clock = os.environ.get("APDESK_BENCH_CLOCK")
    if clock:
        import time_machine

        time_machine.travel(datetime.fromisoformat(clock), tick=True).start()


def wall_clock() -> float:
    """The real time.time(), compared with the parent's even while the clock is pinned."""
    if os.environ.get("APDESK_BENCH_CLOCK"):
        import time_machine

        return float(time_machine.escape_hatch.time.time())
    return time.time()


def main() -> int:
    folder = Path(sys.argv[1])
    pin_clock()
    from benchmarks import memkeyring

    backend = memkeyring.install()
    service, account, secret = sys.stdin.readline().rstrip("\n").split("\t")
    backend.set_password(service, account, secret)

    from apdesk.ui.shell.preload import import_before_qt

    import_before_qt()  # as apdesk.ui.shell.launch does
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from apdesk.ui.core.context import AppContext
    from apdesk.ui.core.tasks import ThreadTaskRunner
    from apdesk.ui.home.page import HomePage
    from apdesk.ui.shell.main_window import MainWindow
    from apdesk.ui.shell.startup import open_by_keyring

    app = QApplication(sys.argv[:1])
    tasks = ThreadTaskRunner()
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    shown: dict[str, object] = {}
    original = HomePage.show_dashboard

    def finish() -> None:
        shown["at"] = wall_clock()
        shown["rss_mb"] = rss_mb()
        app.exit(0)

    def show_dashboard(page: HomePage, dashboard: object) -> None:
        original(page, dashboard)  # type: ignore[arg-type]
        if "at" not in shown:
            page.window().repaint()  # the data painted, not just queued
            QTimer.singleShot(0, finish)

    HomePage.show_dashboard = show_dashboard  # type: ignore[method-assign,assignment]

    def opened(store: object) -> None:
        if not hasattr(store, "engine"):
            print(json.dumps({"error": "the keyring did not open the store"}), flush=True)
            app.exit(2)
            return
        ctx = AppContext(folder, tasks, settings, store=store)  # type: ignore[arg-type]
        shown["window"] = window = MainWindow(ctx)
        window.show()

    tasks.submit(lambda: open_by_keyring(folder), opened, lambda exc: app.exit(3))
    code = app.exec()
    tasks.shutdown()
    if code == 0:
        print(json.dumps({"at": shown["at"], "rss_mb": shown["rss_mb"]}), flush=True)
    scratch.cleanup()
    return code


if __name__ == "__main__":
    sys.exit(main())
