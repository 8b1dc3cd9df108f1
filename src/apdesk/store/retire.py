"""Retiring old keys from backups: a rotated data key or a replaced recovery key must not go on
opening copies of the store.

Each backup is an encrypted database with a copy of the key header beside it (in the store's
`backups/` folder as NAME.db + NAME.header.json; in a backup file as members of one zip). The
old data key opens the database, and the header copy's slots (passphrase, recovery key) open
the old data key. Retiring a backup means, by the person's choice:

- "reencrypt": re-encrypt the database under the current data key and give it the current
  header (the default: the backup keeps its content, only today's keys open it);
- "delete": remove it;
- "keep": leave it as it is (the person keeps it locked away, knowing the old keys open it).

Every file is replaced whole (apdesk.files), so a crash leaves each backup old or new.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apdesk.files import atomic_writer, write_atomic
from apdesk.safezip import SafeZip, UnsafeZip, ZipLimits
from apdesk.store.database import DB_NAME, raw_key_literal
from apdesk.store.header import HEADER_NAME, KeyHeader

CHOICES = ("reencrypt", "delete", "keep")
BACKUP_FILE_SUFFIX = ".apbackup"
_ZIP_LIMITS = ZipLimits(max_members=8, max_total=1 << 40, max_ratio=20.0)


@dataclass
class Retired:
    reencrypted: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)  # a key older than we know opens them

    def lines(self) -> list[str]:
        out = []
        if self.reencrypted:
            out.append(f"{len(self.reencrypted)} backup(s) re-encrypted under the new key")
        if self.deleted:
            out.append(f"{len(self.deleted)} backup(s) the old keys opened were deleted")
        if self.kept:
            names = ", ".join(p.name for p in self.kept[:5])
            out.append(
                f"{len(self.kept)} backup(s) kept as they were: the old keys still open them "
                f"({names}); keep them locked away or delete them"
            )
        if self.unreadable:
            out.append(
                f"{len(self.unreadable)} backup(s) open with none of today's or the last "
                "keys: left as they are"
            )
        return out


def check_choice(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"old backups: {choice!r} is not one of {', '.join(CHOICES)}")


def opens(db_path: Path, key: bytes) -> bool:
    """True when `key` opens the database file (read only: nothing is written)."""
    import sqlcipher3

    uri = f"{db_path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlcipher3.connect(uri, uri=True)
    except sqlcipher3.Error:
        return False
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{raw_key_literal(key)}"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()


def _rekeyed_copy(db_path: Path, old_key: bytes, new_key: bytes, folder: Path) -> Path:
    """A copy of the database re-encrypted under `new_key`, beside it under a hidden name."""
    import sqlcipher3

    handle, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".rekey", dir=folder)
    os.close(handle)
    copy = Path(name)
    try:
        shutil.copyfile(db_path, copy)
        os.chmod(copy, 0o600)
        conn = sqlcipher3.connect(str(copy))
        try:
            conn.execute(f'PRAGMA key = "{raw_key_literal(old_key)}"')
            conn.execute("PRAGMA journal_mode = DELETE")  # one file, no WAL beside it
            conn.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
        finally:
            conn.close()
        with open(copy, "rb") as written:
            os.fsync(written.fileno())
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return copy


def _header_text(header: KeyHeader) -> str:
    return json.dumps(header.to_json(), indent=2)


def _retire_pair(
    db_path: Path, header: KeyHeader, key: bytes, old_key: bytes | None, choice: str
) -> str:
    """One NAME.db + NAME.header.json pair: 'current', 'reencrypted', 'deleted', 'kept' or
    'unreadable'."""
    header_copy = db_path.with_suffix(".header.json")
    copy_text = header_copy.read_text("utf-8") if header_copy.exists() else ""
    if opens(db_path, key):
        if copy_text == _header_text(header):
            return "current"
        if choice == "keep":
            return "kept"
        if choice == "delete":
            db_path.unlink()
            header_copy.unlink(missing_ok=True)
            return "deleted"
        write_atomic(header_copy, _header_text(header))  # the old recovery key stops here
        return "reencrypted"
    if old_key is None or not opens(db_path, old_key):
        return "unreadable"
    if choice == "keep":
        return "kept"
    if choice == "delete":
        db_path.unlink()
        header_copy.unlink(missing_ok=True)
        return "deleted"
    fresh = _rekeyed_copy(db_path, old_key, key, db_path.parent)
    write_atomic(header_copy, _header_text(header))
    os.replace(fresh, db_path)
    return "reencrypted"


def _retire_file(
    path: Path, header: KeyHeader, key: bytes, old_key: bytes | None, choice: str
) -> str:
    """One backup file (a zip of the database, its header and backup.json)."""
    try:
        with SafeZip(path, _ZIP_LIMITS) as archive:
            manifest: dict[str, Any] = json.loads(archive.read("backup.json"))
            if manifest.get("store_id") != header.store_id:
                return "other"
            with tempfile.TemporaryDirectory(dir=path.parent, prefix=".apdesk-retire-") as tmp:
                db_copy = Path(tmp) / DB_NAME
                with open(db_copy, "wb") as out:
                    archive.stream(DB_NAME, out.write)
                copy_header = archive.read(HEADER_NAME).decode("utf-8")
                unpacked = Unpacked(path, db_copy, copy_header, manifest)
                return _retire_unpacked(unpacked, header, key, old_key, choice)
    except (UnsafeZip, ValueError, OSError):
        return "unreadable"


@dataclass(frozen=True)
class Unpacked:
    """A backup file's database unpacked beside it, with its header copy and manifest."""

    path: Path
    db_copy: Path
    copy_header: str
    manifest: dict[str, Any]


def _retire_unpacked(
    unpacked: Unpacked, header: KeyHeader, key: bytes, old_key: bytes | None, choice: str
) -> str:
    path, db_copy, copy_header = unpacked.path, unpacked.db_copy, unpacked.copy_header
    if opens(db_copy, key):
        if copy_header == _header_text(header):
            return "current"
    elif old_key is None or not opens(db_copy, old_key):
        return "unreadable"
    if choice == "keep":
        return "kept"
    if choice == "delete":
        path.unlink()
        return "deleted"
    if not opens(db_copy, key):
        assert old_key is not None
        fresh = _rekeyed_copy(db_copy, old_key, key, db_copy.parent)
        os.replace(fresh, db_copy)
    digest = hashlib.sha256()
    with open(db_copy, "rb") as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
    manifest = {**unpacked.manifest, "database_sha256": digest.hexdigest()}
    _write_backup_zip(path, manifest, db_copy, _header_text(header))
    return "reencrypted"


def _write_backup_zip(out: Path, manifest: dict[str, Any], db_file: Path, header: str) -> None:
    import zipfile

    with (
        atomic_writer(out) as handle,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive,
    ):
        archive.writestr("backup.json", json.dumps(manifest, indent=2))
        archive.write(db_file, DB_NAME)
        archive.writestr(HEADER_NAME, header)


def retire_backups(
    backups_dir: Path,
    header: KeyHeader,
    key: bytes,
    old_key: bytes | None,
    choice: str,
    folders: Iterable[Path] = (),
) -> Retired:
    """Retire every backup in the store's `backups/` folder and in `folders` (backup files)."""
    check_choice(choice)
    result = Retired()
    found: list[tuple[Path, str]] = []
    if backups_dir.is_dir():
        for db_path in sorted(backups_dir.glob("*.db")):
            found.append((db_path, _retire_pair(db_path, header, key, old_key, choice)))
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob(f"*{BACKUP_FILE_SUFFIX}")):
                found.append((path, _retire_file(path, header, key, old_key, choice)))
    for path, outcome in found:
        bucket = {
            "reencrypted": result.reencrypted,
            "deleted": result.deleted,
            "kept": result.kept,
            "unreadable": result.unreadable,
        }.get(outcome)
        if bucket is not None:
            bucket.append(path)
    return result


def stale_backups(backups_dir: Path, header: KeyHeader, key: bytes) -> list[Path]:
    """Backups in the store folder that a retired key (data key or recovery key) still opens."""
    stale = []
    if backups_dir.is_dir():
        for db_path in sorted(backups_dir.glob("*.db")):
            header_copy = db_path.with_suffix(".header.json")
            same = header_copy.exists() and header_copy.read_text("utf-8") == _header_text(header)
            if not (same and opens(db_path, key)):
                stale.append(db_path)
    return stale
