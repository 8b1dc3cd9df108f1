"""One-file backups (encrypted database + key header); restores that replace nothing unchecked.

A backup is read with bounded unzipping: its database is first streamed through SHA-256 with
nothing written (a deflate bomb is refused by its ratio there), and only a database that
matches its checksum is unpacked to disk. A restore over another school's store, or another
store, is refused unless the person says so; the message names both schools.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from apdesk.files import atomic_writer, write_atomic
from apdesk.safezip import SafeZip, UnsafeZip, ZipLimits
from apdesk.store import database
from apdesk.store.database import DB_NAME
from apdesk.store.errors import StoreDamaged, StoreError
from apdesk.store.header import HEADER_NAME, KeyHeader
from apdesk.store.store import Store, secure_files

BACKUP_FORMAT = "apdesk-backup"
MANIFEST = "backup.json"
SCRATCH = ".backup-copy-"  # the database copy a backup is made from, in the store's folder
MAX_SMALL = 1024 * 1024  # backup.json and the header are a few kB
# Backups are written stored (not deflated): a member inflating 20 times is not one of ours.
LIMITS = ZipLimits(max_members=8, max_total=1 << 40, max_ratio=20.0)


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    kept: Path | None  # where the store that was replaced now lives


@dataclass(frozen=True)
class SchoolOf:
    """Whose records a store or backup holds, as far as can be told."""

    store_id: str
    name: str = ""
    urn: str = ""

    def describe(self) -> str:
        if self.name or self.urn:
            return f"{self.name or 'a school'} (URN {self.urn or 'not set'})"
        return f"a store whose school could not be read (store id {self.store_id[:8]})"


class OtherSchool(StoreError):
    """The backup belongs to another school or store than the one it would replace."""

    def __init__(self, backup: SchoolOf, current: SchoolOf, target: Path) -> None:
        self.backup, self.current = backup, current
        super().__init__(
            f"This backup holds {backup.describe()}, but the store in {target} holds "
            f"{current.describe()}: restoring would replace one school's records with "
            "another's. Nothing was replaced."
        )


def _school(store: Store) -> dict[str, str]:
    from apdesk.models import School

    with store.session() as session:
        row = session.exec(select(School.name, School.urn)).first()  # type: ignore[call-overload]
    return {"name": str(row[0]), "urn": str(row[1])} if row else {"name": "", "urn": ""}


def _sweep(folder: Path) -> None:
    """Remove database copies left by backups that were interrupted (a crash, a kill)."""
    for leftover in folder.glob(f"{SCRATCH}*"):
        leftover.unlink(missing_ok=True)


def write_backup(store: Store, out: Path) -> Path:
    """Write `out` atomically: the database stays encrypted (VACUUM INTO) beside its header.

    The copy it is made from lives in the store's own folder and is removed however the
    backup ends; the file appears whole at `out` or not at all (apdesk.files).
    """
    out = out.expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    _sweep(store.folder)
    db_copy = store.folder / f"{SCRATCH}{secrets.token_hex(6)}.db"
    header_copy = db_copy.with_suffix(".header.json")
    try:
        store.backup(db_copy)
        digest = hashlib.sha256()
        with open(db_copy, "rb") as source:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                digest.update(chunk)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": 1,
            "store_id": store.header.store_id,
            "school": _school(store),
            "schema_version": store.schema_version(),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database_sha256": digest.hexdigest(),
        }
        with (
            atomic_writer(out) as handle,
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive,
        ):
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.write(db_copy, DB_NAME)
            archive.write(header_copy, HEADER_NAME)
    finally:
        db_copy.unlink(missing_ok=True)
        header_copy.unlink(missing_ok=True)
    return out


def _small(archive: SafeZip, name: str, path: Path) -> bytes:
    if name not in archive.names():
        raise StoreDamaged(f"{path.name} is damaged ({name} is missing): nothing was replaced.")
    if archive.size(name) > MAX_SMALL:
        raise StoreDamaged(f"{path.name} is damaged ({name} is far too large).")
    return archive.read(name)


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        with SafeZip(path, LIMITS) as archive:
            data = json.loads(_small(archive, MANIFEST, path))
    except (UnsafeZip, ValueError, StoreDamaged) as exc:
        raise StoreError(f"{path.name} is not an apdesk backup ({exc}).") from None
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise StoreError(f"{path.name} is not an apdesk backup.")
    return data


def _checked_database(archive: SafeZip, path: Path, expected: Any, sink: Any = None) -> None:
    """Stream the database through SHA-256 (and into `sink`); refuse it if it does not match."""
    digest = hashlib.sha256()

    def take(chunk: bytes) -> None:
        digest.update(chunk)
        if sink is not None:
            sink.write(chunk)

    archive.stream(DB_NAME, take)
    if digest.hexdigest() != expected:
        raise StoreDamaged(f"{path.name} is damaged: its database does not match its checksum.")


def _unpack(path: Path, manifest: dict[str, Any], staging: Path) -> None:
    expected = manifest.get("database_sha256")
    try:
        with SafeZip(path, LIMITS) as archive:
            header = _small(archive, HEADER_NAME, path)
            if DB_NAME not in archive.names():
                raise StoreDamaged(f"{path.name} is damaged (it has no database).")
            _checked_database(archive, path, expected)  # nothing on disk yet
            free = shutil.disk_usage(staging).free
            if archive.size(DB_NAME) + (64 << 20) > free:
                raise StoreError(
                    f"there is not enough free space beside the store to restore {path.name}"
                )
            with open(staging / DB_NAME, "wb") as out:
                _checked_database(archive, path, expected, out)
                out.flush()
                os.fsync(out.fileno())
            write_atomic(staging / HEADER_NAME, header)
    except UnsafeZip as exc:
        raise StoreDamaged(f"{path.name} is refused ({exc}): nothing was replaced.") from None


def _current_school(target: Path, passphrase: str | None) -> SchoolOf:
    """The school of the store about to be replaced, read (and nothing else done) with the key
    the keyring or the passphrase gives; unnamed when neither opens it."""
    from apdesk.models import School

    header = KeyHeader.load(target)
    keys = [header.unlock_with_keyring()]
    if passphrase is not None:
        with contextlib.suppress(StoreError):
            keys.append(header.unlock_with_passphrase(passphrase))
    if "bridge" in header.slots:  # a rotation stopped half way: the bridge leads on
        for key in list(keys):
            if key is not None:
                with contextlib.suppress(StoreError):
                    keys.append(header.cross_bridge(key))
    for key in keys:
        if key is None:
            continue
        try:
            engine = database.make_engine(target / DB_NAME, key)
        except StoreError:
            continue
        try:
            with engine.connect() as conn:
                row = conn.execute(select(School.name, School.urn)).first()  # type: ignore[call-overload]
        finally:
            engine.dispose()
        return (
            SchoolOf(header.store_id, str(row[0]), str(row[1]))
            if row
            else SchoolOf(header.store_id)
        )
    return SchoolOf(header.store_id)


def restore_backup(
    path: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    replace_other_school: bool = False,
) -> RestoreResult:
    """Unpack beside `target`, prove it opens and passes both integrity checks, then swap in.

    Over an existing store of another school (or another store), `OtherSchool` is raised and
    nothing changes, unless `replace_other_school` (the person confirmed it).
    """
    manifest = read_manifest(path)
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.restoring-"))
    try:
        _unpack(path, manifest, staging)
        secure_files(staging)
        restored = Store.open(staging, passphrase=passphrase, recovery_key=recovery_key)
        try:
            if not restored.integrity_ok():
                raise StoreDamaged(f"{path.name} fails its integrity checks: nothing was replaced.")
            found = _school(restored)
            incoming = SchoolOf(restored.header.store_id, found["name"], found["urn"])
        finally:
            restored.lock()
        if Store.exists(target) and not replace_other_school:
            current = _current_school(target, passphrase)
            other_store = current.store_id != incoming.store_id
            other_urn = bool(current.urn and incoming.urn and current.urn != incoming.urn)
            if other_store or other_urn:
                raise OtherSchool(incoming, current, target)
        kept = None
        if target.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            kept = target.parent / f"{target.name}.replaced-{stamp}"
            os.replace(target, kept)
        os.replace(staging, target)
        os.chmod(target, 0o700)
        return RestoreResult(target, kept)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
