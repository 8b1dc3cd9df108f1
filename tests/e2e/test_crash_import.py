"""SIGKILL during a 3000-pupil import, at many points: the import is all there or not at all."""

from __future__ import annotations

import csv
import random
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from tests.helpers.crash import STORE_FILES, assert_no_plaintext, assert_whole, run_and_kill
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.store import KdfParams, Store

ROWS = 3000
KILLS = 8


def _csv(path: Path) -> None:
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["UPN", "Surname", "Forename", "DOB", "Year"])
        for i in range(ROWS):
            upn = make_upn(855, 4001, 20 + i // 999, i % 999 + 1)
            out.writerow([upn, f"Crashtest{i:04d}", f"Kit{i}", "2012-05-04", "9"])


def _state(folder: Path) -> tuple[int, set[str]]:
    store = Store.open(folder, passphrase=TEST_PASSPHRASE, use_keyring=False)
    try:
        assert_whole(store)
        with store.session() as s:
            count = int(s.execute(select(func.count()).select_from(Pupil)).scalar_one())
            kept = set(s.execute(select(Pupil.upn).where(Pupil.surname == "Committed")).scalars())
        return count, kept
    finally:
        store.lock()


def test_killed_import_leaves_all_or_nothing(
    tmp_path: Path, cli_env: dict[str, str], monkeypatch: object
) -> None:
    folder = tmp_path / "store"
    store, _recovery = Store.create(
        folder, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    committed = {make_upn(855, 4001, 30, n) for n in range(1, 6)}
    with store.session() as s:
        for upn in committed:
            s.add(Pupil(upn=upn, forename="Already", surname="Committed", dob=date(2011, 1, 1)))
    store.lock()
    source = tmp_path / "pupils.csv"
    _csv(source)
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    env = {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE, "TMPDIR": str(scratch)}
    args = ["import", "pupils", str(source), "--store", str(folder)]
    rng = random.Random(20260302)
    outcomes = []
    for _ in range(KILLS):
        status = run_and_kill(args, env, rng.uniform(0.3, 4.5))
        count, kept = _state(folder)
        assert count in (len(committed), len(committed) + ROWS), f"half an import: {count}"
        assert kept == committed
        outcomes.append((status, count))
        assert_no_plaintext([folder, scratch], [b"Crashtest0042", b"Committed"])
        assert {p.name for p in folder.iterdir()} <= STORE_FILES
    assert any(status == -9 for status, _count in outcomes), outcomes  # some kills landed
    assert run_and_kill(args, env, 60) == 0
    assert _state(folder)[0] == len(committed) + ROWS
    print(f"kill outcomes (status, pupils): {outcomes}", file=sys.stderr)
