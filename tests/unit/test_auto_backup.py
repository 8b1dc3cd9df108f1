"""Automatic backups: daily, keep the last N, each one restores on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import School
from apdesk.models.errors import ValidationError
from apdesk.services.auto_backup import back_up_if_due, back_up_now, is_due, list_backups
from apdesk.store import Store
from apdesk.store.backup_file import restore_backup

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def test_daily_backups_keep_the_newest_n(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "holiday-photo.jpg").write_bytes(b"not ours")
    made = [back_up_if_due(store, folder, T0 + timedelta(days=d), keep=3) for d in range(5)]
    assert all(made)
    assert back_up_if_due(store, folder, T0 + timedelta(days=4, hours=5), keep=3) is None
    kept = list_backups(folder)
    assert [b.taken_at for b in kept] == [T0 + timedelta(days=d) for d in (4, 3, 2)]
    assert (folder / "holiday-photo.jpg").exists()  # never touches other files
    assert not is_due(folder, T0 + timedelta(days=4, hours=23))
    assert is_due(folder, T0 + timedelta(days=5))


def test_a_backup_restores_into_a_working_store(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        session.add(School(name="Oakfield Academy", urn="100001"))
    folder = tmp_path / "usb"
    folder.mkdir()
    path = back_up_now(store, folder, T0)
    result = restore_backup(path, tmp_path / "restored", passphrase=TEST_PASSPHRASE)
    reopened = Store.open(result.folder, passphrase=TEST_PASSPHRASE)
    try:
        with reopened.session() as session:
            assert session.get(School, 1).name == "Oakfield Academy"  # type: ignore[union-attr]
    finally:
        reopened.lock()


def test_missing_folder_or_inside_store_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as missing:
        back_up_now(store, tmp_path / "unplugged", T0)
    assert missing.value.field == "backup folder"
    with pytest.raises(ValidationError, match="store's own folder"):
        back_up_now(store, store.folder, T0)
    with pytest.raises(ValidationError):
        back_up_now(store, tmp_path, T0, keep=0)
