"""A store saved by a newer apdesk is refused in words, before anything is written to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models import Provider
from apdesk.store import Store
from apdesk.store.errors import StoreTooNew


def test_a_store_from_a_newer_apdesk_is_refused_and_left_alone(store: Store) -> None:
    with store.session() as s:
        s.add(Provider(name="Riverside Skills"))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9990'")
    folder = store.folder
    store.lock()
    before = _files(folder)
    with pytest.raises(StoreTooNew) as refused:
        Store.open(folder, passphrase=TEST_PASSPHRASE, use_keyring=False)
    assert "newer version of apdesk" in str(refused.value)
    assert "9990" in str(refused.value)
    assert _files(folder) == before  # no backup taken, nothing written beside it


def _files(folder: Path) -> list[str]:
    """The store's files, less SQLite's own write-ahead log and index, which any open makes."""
    return sorted(p.name for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm")))
