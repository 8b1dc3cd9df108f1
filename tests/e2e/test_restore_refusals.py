"""Restores that must not happen: another school's backup over a store, a deflate bomb posing
as a backup; and backups killed half way, which must leave nothing behind."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import func, select
from tests.helpers.cli import run
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import KdfParams, Store
from apdesk.store.backup_file import read_manifest, write_backup

GIB = 1 << 30


def _school_store(folder: Path, name: str, urn: str, pupils: int) -> Store:
    store, _recovery = Store.create(
        folder, TEST_PASSPHRASE, use_keyring=False, kdf=KdfParams.fast()
    )
    with store.session() as session:
        save_school(session, SchoolDetails(name=name, urn=urn, la_code="855", estab="4001"))
        for serial in range(1, pupils + 1):
            session.add(
                Pupil(
                    upn=make_upn(855, 4001, 25, serial),
                    forename="Sam",
                    surname=f"{name.split()[0]}{serial}",
                    dob=date(2012, 1, 1),
                )
            )
    return store


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _pupils(folder: Path) -> int:
    store = Store.open(folder, passphrase=TEST_PASSPHRASE)
    try:
        with store.session() as session:
            return int(session.exec(select(func.count()).select_from(Pupil)).one())
    finally:
        store.lock()


def test_another_schools_backup_is_refused_and_the_store_is_untouched(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    ours = _school_store(tmp_path / "oakfield", "Oakfield Academy", "123456", 20)
    ours.lock()
    theirs = _school_store(tmp_path / "elm", "Elm Primary", "654321", 5)
    backup = write_backup(theirs, tmp_path / "elm.apbackup")
    theirs.lock()
    before = _fingerprint(ours.folder)
    target = ["restore", str(backup), "--store", str(ours.folder)]

    refused = run(target, cli_env, TEST_PASSPHRASE)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "Elm Primary (URN 654321)" in refused.stderr
    assert "Oakfield Academy (URN 123456)" in refused.stderr
    assert "--replace-with-other-school" in refused.stderr and "Traceback" not in refused.stderr
    unconfirmed = run([*target, "--replace-with-other-school"], cli_env, TEST_PASSPHRASE)
    assert unconfirmed.returncode == 2 and "--confirm-urn 654321" in unconfirmed.stderr
    wrong = run(
        [*target, "--replace-with-other-school", "--confirm-urn", "123456"],
        cli_env,
        TEST_PASSPHRASE,
    )
    assert wrong.returncode == 2 and "nothing was replaced" in wrong.stderr
    assert _fingerprint(ours.folder) == before  # not a byte changed
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name or ".replaced-" in p.name]
    assert _pupils(ours.folder) == 20

    confirmed = run(
        [*target, "--replace-with-other-school", "--confirm-urn", "654321"],
        cli_env,
        TEST_PASSPHRASE,
    )
    assert confirmed.returncode == 0, confirmed.stderr
    assert _pupils(ours.folder) == 5
    [kept] = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert _pupils(kept) == 20


def test_the_same_schools_own_backup_restores_without_a_question(tmp_path: Path) -> None:
    from apdesk.store.backup_file import restore_backup

    store = _school_store(tmp_path / "oakfield", "Oakfield Academy", "123456", 3)
    backup = write_backup(store, tmp_path / "mine.apbackup")
    store.lock()
    result = restore_backup(backup, store.folder, passphrase=TEST_PASSPHRASE)
    assert result.kept is not None and _pupils(store.folder) == 3


def _bomb(path: Path, real: int, declared: int, digest: str) -> None:
    """A backup whose database member is `real` bytes of zeros deflated to about a thousandth,
    declaring `declared` bytes, with a manifest whose checksum is right for the zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    mebibyte = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = mebibyte * (real >> 20) + compressor.flush()
    with zipfile.ZipFile(path, "w") as archive:
        manifest = {"format": "apdesk-backup", "version": 1, "store_id": "x"}
        archive.writestr("backup.json", json.dumps({**manifest, "database_sha256": digest}))
        archive.writestr("apdesk.header.json", "{}")
    with zipfile.ZipFile(path, "a") as archive:  # the member written raw, sizes as chosen
        info = zipfile.ZipInfo("apdesk.db", date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = declared, len(data), 0
        archive.fp.seek(archive.start_dir)  # type: ignore[union-attr]
        info.header_offset = archive.start_dir
        archive.fp.write(info.FileHeader(zip64=False))  # type: ignore[union-attr]
        archive.fp.write(data)  # type: ignore[union-attr]
        archive.start_dir = archive.fp.tell()  # type: ignore[union-attr]
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        archive._didModify = True


@pytest.mark.parametrize("declared", [GIB, 4096], ids=["declared 1 GiB", "declared 4 KiB"])
def test_a_deflate_bomb_in_a_backup_is_refused_before_anything_reaches_disk(
    tmp_path: Path, cli_env: dict[str, str], declared: int
) -> None:
    zeros = hashlib.sha256()
    chunk = bytes(1 << 20)
    for _ in range(GIB >> 20):
        zeros.update(chunk)
    bomb = tmp_path / "bomb.apbackup"
    _bomb(bomb, GIB, declared, zeros.hexdigest())
    assert bomb.stat().st_size < 2 << 20
    target = tmp_path / "restored"

    result = run(["restore", str(bomb), "--store", str(target)], cli_env, TEST_PASSPHRASE)

    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and "nothing was replaced" in result.stderr
    assert "zip bomb" in result.stderr or "damaged" in result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != bomb]
    assert written == []  # no staging folder, no unpacked database
    assert not target.exists()


@pytest.mark.parametrize("delay", [1.2, 1.5, 1.8, 2.1, 2.4, 2.7, 3.0])
def test_a_backup_killed_at_any_moment_leaves_no_partial_files_or_folders(
    tmp_path: Path, cli_env: dict[str, str], delay: float
) -> None:
    store = _school_store(tmp_path / "school", "Oakfield Academy", "123456", 400)
    store.lock()
    out = tmp_path / "usb"
    out.mkdir()
    env = {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE}
    command = ["backup", "--store", str(store.folder)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "apdesk", *command, "--out", str(out / "school.apbackup")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert [p.name for p in out.iterdir()] in ([], ["school.apbackup"])
    if (out / "school.apbackup").exists():  # it finished: the file is whole
        assert read_manifest(out / "school.apbackup")["store_id"]
    assert not [p for p in tmp_path.rglob(".apdesk-backup-*")]
    again = run([*command, "--out", str(out / "again.apbackup")], cli_env, TEST_PASSPHRASE)
    assert again.returncode == 0, again.stderr
    assert not list(store.folder.glob(".backup-copy-*"))  # what a kill left is swept
