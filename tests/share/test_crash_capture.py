"""A change and its log entry commit together: a SIGKILL part way through a big import leaves
either both or neither, so no laptop is ever sent half of an operation."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import add_pupil, everyone_syncs, school
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.upn import make_upn
from apdesk.store import Store


def logged_marks(store: Store) -> int:
    """Marks written (new rows) that the change log holds, sent or not."""
    with store.engine.connect() as conn:
        bodies = [str(b) for b in conn.execute(text("SELECT body FROM sharelog")).scalars()]
    return sum(
        1
        for body in bodies
        for change in json.loads(body)["c"]
        if change["t"] == "attendancemark" and change.get("n")
    )


def count(store: Store, sql: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_an_import_killed_part_way_logs_all_of_it_or_none(
    tmp_path: Path, sqlite_hub: Hub, cli_env: dict[str, str]
) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    for serial in range(100, 130):  # 30 more pupils: a return of about 18,000 marks
        office.store.run(add_pupil, make_upn(855, 4001, 25, serial), f"Extra{serial}")
    upns = [str(office.export()["pupil"][g]["upn"]) for g in office.pupil_gids()]
    days = [date(2025, 9, 1) + timedelta(days=n) for n in range(0, 420)]
    lines = ["UPN,Date,Session,Code"] + [
        f"{upn},{day.isoformat()},{half},B"
        for upn in upns
        for day in days
        if day.weekday() < 5
        for half in ("AM", "PM")
    ]
    csv = tmp_path / "return.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = len(lines) - 1
    office.store.lock()
    env = {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE}
    command = [sys.executable, "-m", "apdesk", "import", "attendance", str(csv), "--store",
               str(office.folder)]  # fmt: skip
    rng = random.Random(20)
    for _attempt in range(3):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.5, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        store = Store.open(office.folder, passphrase=TEST_PASSPHRASE)
        try:
            marks = count(store, "SELECT count(*) FROM attendancemark")
            assert marks in (0, expected)
            assert logged_marks(store) == marks  # the log holds exactly what was written
        finally:
            store.lock()
        if marks:
            break
    else:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    office.store = Store.open(office.folder, passphrase=TEST_PASSPHRASE)
    everyone_syncs([office, senco])
    assert count(senco.store, "SELECT count(*) FROM attendancemark") == expected
    assert office.export() == senco.export()
    for laptop in (office, senco):
        laptop.store.lock()
