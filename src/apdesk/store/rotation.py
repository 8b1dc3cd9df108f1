"""Rotating the data key so that no crash, at any moment, loses a way into the store.

The order, each step durable before the next:

1. a verified encrypted backup of the store (under the old key);
2. the header gains a *bridge* (the new data key wrapped by the old one) and the rotation's
   choice for old backups, and is saved: every slot still opens the old key, and the old key
   opens the bridge;
3. the database is re-encrypted (`PRAGMA rekey`, one SQLCipher transaction);
4. the header gets new passphrase, recovery and keyring slots for the new key, loses the
   bridge, keeps the old key sealed by the new one, and is saved;
5. the backups the old keys open are re-encrypted, deleted or kept, as chosen;
6. the sealed old key is dropped and the header saved.

A crash before 3 leaves the old key in force: the next unlock drops the unused bridge. A crash
between 3 and 4 leaves slots that open the old key: the next unlock crosses the bridge, rewraps
what it can (the keyring always, the passphrase when it was typed) and the store says it needs
a new recovery key (the old one still works, through the bridge, until then). A crash in 5
is finished at the next unlock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import text

from apdesk.store import database, retire
from apdesk.store.crypto import new_data_key
from apdesk.store.errors import StoreDamaged

if TYPE_CHECKING:
    from apdesk.store.store import Store

_SLOT_OF_METHOD = {"passphrase": "passphrase", "recovery": "recovery", "keyring": "keyring"}


def rotate(
    store: Store,
    passphrase: str,
    old_backups: str = "reencrypt",
    folders: Sequence[Path] = (),
) -> tuple[str, retire.Retired]:
    """Re-encrypt under a new data key; returns the new recovery key and what became of the
    backups the old keys opened."""
    retire.check_choice(old_backups)
    header = store.header
    header.unlock_with_passphrase(passphrase)  # raises WrongKey: who is at the keyboard?
    old_key = store._data_key()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    backup = store.backup(store.backups_dir / f"before-key-rotation-{stamp}.db")
    _check_backup(backup, old_key)
    new_key = new_data_key()
    header.open_bridge(old_key, new_key)
    header.retire_choice = old_backups
    save_header(store)
    rekey_database(store, new_key)
    recovery = adopt_new_key(store, new_key, old_key, passphrase)
    save_header(store)
    retired = retire_old_backups(store, old_key, folders)
    return recovery, retired


def save_header(store: Store) -> None:
    store.header.save(store.folder)


def _check_backup(backup: Path, key: bytes) -> None:
    check = database.make_engine(backup, key)
    try:
        with check.connect() as conn:
            if conn.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                raise StoreDamaged("The backup taken before rotating the key fails its check.")
    finally:
        check.dispose()


def rekey_database(store: Store, new_key: bytes) -> None:
    """Re-encrypt every page under `new_key` (one transaction) and reopen with it."""
    if store._reader is not None:  # the read-only connections hold the old key
        store._reader.dispose()
        store._reader = None
    store.engine.dispose()
    raw = store.engine.raw_connection()
    try:
        raw.cursor().execute(f'PRAGMA rekey = "{database.raw_key_literal(new_key)}"')
    finally:
        raw.close()
    store.engine.dispose()
    store._engine = database.make_engine(store.db_path, new_key)
    store._key = bytearray(new_key)


def adopt_new_key(store: Store, new_key: bytes, old_key: bytes, passphrase: str) -> str:
    """Every way in now wraps the new key; the old key stays sealed until backups are retired."""
    header = store.header
    header.set_passphrase(new_key, passphrase)
    recovery = header.set_recovery(new_key)
    if "keyring" in header.slots:
        header.rewrap_keyring(new_key)
    header.close_bridge()
    header.seal_retired(new_key, old_key)
    return recovery


def retire_old_backups(
    store: Store, old_key: bytes | None, folders: Sequence[Path] = ()
) -> retire.Retired:
    header = store.header
    choice = header.retire_choice or "reencrypt"
    retired = retire.retire_backups(
        store.backups_dir, header, store._data_key(), old_key, choice, folders
    )
    if "retired" in header.slots or header.retire_choice:
        header.slots.pop("retired", None)
        header.retire_choice = ""
        save_header(store)
    return retired


def after_unlock(store: Store, method: str, passphrase: str | None, crossed: bytes | None) -> None:
    """Tidy up what an interrupted rotation left, at the first unlock after it.

    `crossed` is the old key when the database opened only through the bridge.
    """
    header = store.header
    key = store._data_key()
    changed = False
    if "bridge" in header.slots and crossed is None and _SLOT_OF_METHOD[method] in header.bridged:
        header.close_bridge()  # the old key still opens the database: the rekey never happened
        header.retire_choice = ""
        changed = True
    if "bridge" in header.slots:
        if crossed is not None and "retired" not in header.slots:
            header.seal_retired(key, crossed)
        if passphrase is not None and "passphrase" in header.bridged:
            header.set_passphrase(key, passphrase)
            header.rewrapped("passphrase")
        if "keyring" in header.bridged and header.rewrap_keyring(key):
            header.rewrapped("keyring")
        changed = True
    if changed:
        save_header(store)
    if "retired" in header.slots and "bridge" not in header.slots:
        retire_old_backups(store, header.open_retired(key))


KeyProblem = Literal["no_recovery_key", "recovery_bridged", "passphrase_bridged"]
"""A way into the store that is missing or half-retired; `apdesk check` words each one."""


def missing_ways_in(store: Store) -> list[KeyProblem]:
    """What `apdesk check` and the unlock window must say about the key slots, if anything."""
    header = store.header
    if "recovery" not in header.slots:
        return ["no_recovery_key"]
    if "recovery" in header.bridged:
        return ["recovery_bridged"]
    if "passphrase" in header.bridged:
        return ["passphrase_bridged"]
    return []
