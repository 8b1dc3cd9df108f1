"""One-file backups (encrypted database + key header); restores that replace nothing unchecked."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apdesk.store.database import DB_NAME
from apdesk.store.errors import StoreDamaged, StoreError
from apdesk.store.header import HEADER_NAME
from apdesk.store.store import Store, secure_files

BACKUP_FORMAT = "apdesk-backup"
MANIFEST = "backup.json"


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    kept: Path | None  # where the store that was replaced now lives


def write_backup(store: Store, out: Path) -> Path:
    """Write `out` atomically: the database stays encrypted (VACUUM INTO) beside its header."""
    out = out.expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".apdesk-backup-") as tmp:
        db_copy = store.backup(Path(tmp) / DB_NAME)
        digest = hashlib.sha256(db_copy.read_bytes()).hexdigest()
        manifest = {
            "format": BACKUP_FORMAT,
            "version": 1,
            "store_id": store.header.store_id,
            "schema_version": store.schema_version(),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database_sha256": digest,
        }
        partial = Path(tmp) / "backup.partial"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
            archive.write(db_copy, DB_NAME)
            archive.write(store.folder / HEADER_NAME, HEADER_NAME)
        os.chmod(partial, 0o600)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, out)
    return out


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(path) as archive:
            data: dict[str, Any] = json.loads(archive.read(MANIFEST))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise StoreError(f"{path.name} is not an apdesk backup ({exc}).") from exc
    if data.get("format") != BACKUP_FORMAT:
        raise StoreError(f"{path.name} is not an apdesk backup.")
    return data


def restore_backup(
    path: Path,
    target: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
) -> RestoreResult:
    """Unpack beside `target`, prove it opens and passes both integrity checks, then swap in."""
    manifest = read_manifest(path)
    target = target.expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.restoring-"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                for name in (DB_NAME, HEADER_NAME):
                    with archive.open(name) as src, open(staging / name, "wb") as dst:
                        shutil.copyfileobj(src, dst)
        except (zipfile.BadZipFile, KeyError) as exc:
            raise StoreDamaged(f"{path.name} is damaged ({exc}): nothing was replaced.") from exc
        db_bytes = (staging / DB_NAME).read_bytes()
        if hashlib.sha256(db_bytes).hexdigest() != manifest.get("database_sha256"):
            raise StoreDamaged(f"{path.name} is damaged: its database does not match its checksum.")
        secure_files(staging)
        restored = Store.open(staging, passphrase=passphrase, recovery_key=recovery_key)
        try:
            if not restored.integrity_ok():
                raise StoreDamaged(f"{path.name} fails its integrity checks: nothing was replaced.")
        finally:
            restored.lock()
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
