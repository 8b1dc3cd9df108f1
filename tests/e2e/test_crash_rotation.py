"""SIGKILL `apdesk rotate-key` at every step of a key rotation, and at random moments: afterwards
the keyring, the passphrase and the recovery key the person holds all open the store, its data
and audit chain are whole, and no backup is left that a retired key opens.

"The recovery key the person holds" is the old one until the new slots are saved, and the new
one after (the driver records it the moment it is made, as the screen would show it).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from sqlmodel import select
from tests.helpers.crash import assert_whole
from tests.helpers.rotation_driver import STEPS, FileKeyring
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.commands.check_words import key_problem_words
from apdesk.models import Pupil
from apdesk.store import KdfParams, Store, WrongKey
from apdesk.store.checks import check_store
from apdesk.store.header import KeyHeader
from apdesk.store.retire import opens

DRIVER = Path(__file__).parents[1] / "helpers" / "rotation_driver.py"
NEW_SLOTS_SAVED = STEPS.index("after-new-slots-saved")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A store with a pupil, a keyring slot (in a file keyring) and an older backup in its
    folder; returns the folder and the recovery key made with it."""
    root = tmp_path_factory.mktemp("rotation-template")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(str(root / "keyring.json")))
    try:
        store, recovery = Store.create(root / "store", TEST_PASSPHRASE, kdf=KdfParams.fast())
        with store.session() as session:
            session.add(
                Pupil(upn="A123456789012", forename="Kit", surname="Rotated", dob=date(2011, 1, 5))
            )
        store.backup(store.backups_dir / "before-migration-test.db")
        assert "keyring" in store.header.slots
        store.lock()
    finally:
        keyring.set_keyring(previous)
    yield root, recovery


@pytest.fixture
def copy(template: tuple[Path, str], tmp_path: Path) -> tuple[Path, Path, str]:
    root, recovery = template
    shutil.copytree(root / "store", tmp_path / "store")
    shutil.copy(root / "keyring.json", tmp_path / "keyring.json")
    keyring.set_keyring(FileKeyring(str(tmp_path / "keyring.json")))  # undone by conftest
    return tmp_path / "store", tmp_path / "keyring.json", recovery


def _run(
    folder: Path, keyring_file: Path, log: Path, step: str, env: dict[str, str], kill_after: float
) -> int:
    env = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["APDESK_PASSPHRASE"] = TEST_PASSPHRASE
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[2]), *sys.path])
    args = [sys.executable, str(DRIVER), str(folder), str(keyring_file), str(log), step]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.stderr is not None
    errors = proc.stderr.read().decode()
    proc.stderr.close()
    assert "Traceback" not in errors, errors
    return proc.returncode


def _surnames(store: Store) -> set[str]:
    with store.session() as session:
        return {p.surname for p in session.exec(select(Pupil)).all()}


def _opens_with_recovery(folder: Path, recovery: str) -> bool:
    try:
        Store.open(folder, recovery_key=recovery).lock()
    except WrongKey:
        return False
    return True


def _backups_the_old_recovery_key_opens(folder: Path, old_recovery: str) -> list[str]:
    found = []
    for db in sorted((folder / "backups").glob("*.db")):
        header = KeyHeader.from_json(json.loads(db.with_suffix(".header.json").read_text()))
        try:
            key = header.unlock_with_recovery(old_recovery)
        except WrongKey:
            continue
        if opens(db, key):
            found.append(db.name)
    return found


def _every_way_in_works(folder: Path, old_recovery: str, log: Path, step_index: int) -> None:
    by_keyring = Store.open(folder)  # the first unlock tidies what the crash left
    assert by_keyring.unlocked_by.method == "keyring"
    assert _surnames(by_keyring) == {"Rotated"}
    report = check_store(by_keyring)
    by_keyring.lock()
    Store.open(folder, passphrase=TEST_PASSPHRASE).lock()
    made = log.read_text().split() if log.exists() else []
    holds = made[-1] if step_index >= NEW_SLOTS_SAVED else old_recovery
    assert _opens_with_recovery(folder, holds), "the recovery key the person holds fails"
    if report.key_problems:  # the rotation stopped half way: it says so; a new key mends it
        assert "recovery-key" in key_problem_words(report.key_problems[0]) and not report.ok
        store = Store.open(folder, passphrase=TEST_PASSPHRASE)
        try:
            holds = store.new_recovery_key(TEST_PASSPHRASE)
        finally:
            store.lock()
        assert _opens_with_recovery(folder, holds)
    if holds != old_recovery:
        assert not _opens_with_recovery(folder, old_recovery), "the old recovery key still works"
        assert _backups_the_old_recovery_key_opens(folder, old_recovery) == []
    store = Store.open(folder, passphrase=TEST_PASSPHRASE)
    try:
        assert_whole(store)  # integrity, cipher integrity, audit chain, and every key slot
        assert _surnames(store) == {"Rotated"}
    finally:
        store.lock()


@pytest.mark.parametrize("step", [step for step in STEPS if step != "timer"])
def test_a_kill_at_every_step_of_a_rotation_leaves_every_way_in_working(
    copy: tuple[Path, Path, str], step: str, cli_env: dict[str, str], tmp_path: Path
) -> None:
    folder, keyring_file, old_recovery = copy
    log = tmp_path / "recovery.log"
    code = _run(folder, keyring_file, log, step, cli_env, kill_after=180)
    assert code == (0 if step == "done" else -signal.SIGKILL)
    _every_way_in_works(folder, old_recovery, log, STEPS.index(step))


@pytest.mark.parametrize("delay", [1.0, 1.4, 1.8, 2.2, 2.6, 3.0])
def test_a_kill_at_a_random_moment_leaves_every_way_in_working(
    copy: tuple[Path, Path, str], delay: float, cli_env: dict[str, str], tmp_path: Path
) -> None:
    folder, keyring_file, old_recovery = copy
    log = tmp_path / "recovery.log"
    started = time.monotonic()
    code = _run(folder, keyring_file, log, "timer", cli_env, kill_after=delay)
    assert code in (0, -signal.SIGKILL), time.monotonic() - started
    made = log.read_text().split() if log.exists() else []
    new_in_force = bool(made) and _opens_with_recovery(folder, made[-1])
    step_index = NEW_SLOTS_SAVED if new_in_force else 0
    _every_way_in_works(folder, old_recovery, log, step_index)
