"""Automatic encrypted backups: at most one a day, into a folder the person picks, keep the last N.

Each file is a whole `apdesk backup` (encrypted database plus key header), so any one of them
restores with `restore_backup` on its own. Old files are pruned only after a new one is safely
written, so a failed backup never leaves fewer copies than before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.store import Store
from apdesk.store.backup_file import write_backup

PREFIX = "apdesk-backup-"
SUFFIX = ".apbackup"
DEFAULT_KEEP = 7
INTERVAL = timedelta(days=1)
_NAME = re.compile(rf"^{PREFIX}(\d{{8}}T\d{{6}})Z{re.escape(SUFFIX)}$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime


def list_backups(folder: Path) -> list[BackupFile]:
    """Our backup files in `folder`, newest first (others' files are never touched)."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file():
            taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
            found.append(BackupFile(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_due(folder: Path, now: datetime) -> bool:
    """True when there is no backup in `folder` younger than a day."""
    backups = list_backups(folder)
    return not backups or now - backups[0].taken_at >= INTERVAL


def check_folder(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError(
            "backup folder",
            _("{folder} is not there").format(folder=folder),
            _("plug in the drive or choose another folder"),
        )
    return folder


def back_up_now(store: Store, folder: Path, now: datetime, keep: int = DEFAULT_KEEP) -> Path:
    """Write a new backup file, then prune to the newest `keep`."""
    if keep < 1:
        raise ValidationError("backups to keep", _("is {n}").format(n=keep), _("keep at least 1"))
    folder = check_folder(folder)
    if store.folder.resolve() in (folder.resolve(), *folder.resolve().parents):
        raise ValidationError(
            "backup folder",
            _("is inside the store's own folder"),
            _("choose a folder on another drive, such as a USB stick"),
        )
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    out = write_backup(store, folder / f"{PREFIX}{stamp}Z{SUFFIX}")
    prune(folder, keep)
    return out


def prune(folder: Path, keep: int) -> list[Path]:
    removed = []
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def back_up_if_due(
    store: Store, folder: Path, now: datetime, keep: int = DEFAULT_KEEP
) -> Path | None:
    """What unlocking calls: a backup only when the last one is a day old or missing."""
    if not is_due(check_folder(folder), now):
        return None
    return back_up_now(store, folder, now, keep)
