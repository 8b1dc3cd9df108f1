"""The store: a folder holding the encrypted database, its key header and its backups."""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from apdesk.files import write_atomic
from apdesk.i18n import ngettext
from apdesk.store import audit, database, limits, migrate, retire, rotation
from apdesk.store.changes import install_collector
from apdesk.store.crypto import KdfParams, new_data_key
from apdesk.store.errors import StoreDamaged, StoreExists, StoreLocked, StoreNotFound, WrongKey
from apdesk.store.header import HEADER_NAME, KeyHeader
from apdesk.store.operations import (
    NotAnOperation,
    OperationFn,
    Outcome,
    ReadOnlyViolation,
    is_operation,
    operation_name,
)

P = ParamSpec("P")
T = TypeVar("T")

BACKUPS = "backups"
MIN_PASSPHRASE = 10


def _secure_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def secure_files(folder: Path) -> None:
    """0600 on every file the store writes (database, WAL, header, backups)."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.chmod(path, 0o600)
        elif path.is_dir():
            os.chmod(path, 0o700)


def check_passphrase(passphrase: str) -> None:
    from apdesk.models.errors import ValidationError

    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase",
            ngettext("is {n} character long", "is {n} characters long", len(passphrase)).format(
                n=len(passphrase)
            ),
            ngettext(
                "use at least {n}: three or four unrelated words work well",
                "use at least {n}: three or four unrelated words work well",
                MIN_PASSPHRASE,
            ).format(n=MIN_PASSPHRASE),
        )


@dataclass
class UnlockResult:
    """How the store was opened, so the GUI can explain a keyring fallback."""

    method: str  # "keyring", "passphrase" or "recovery"
    keyring_missing: bool = False
    needs_recovery_key: bool = False  # an interrupted key rotation left none that works


class Store:
    """An unlocked store. `lock()` drops the engine and the key; the object is then unusable."""

    def __init__(
        self, folder: Path, header: KeyHeader, data_key: bytes, unlocked_by: UnlockResult
    ) -> None:
        self.folder = folder
        self.header = header
        self.unlocked_by = unlocked_by
        self.actor = os.environ.get("APDESK_USER") or _login_name()
        self._key: bytearray | None = bytearray(data_key)
        self._reader: Engine | None = None  # made on the first read
        self.last_retired: retire.Retired | None = None  # what the last key rotation did
        limits.install()  # every text field is held to its length limit when saved
        try:
            self._engine: Engine | None = database.make_engine(self.db_path, data_key)
        except WrongKey as exc:
            # The key came out of an authenticated slot, so it is right: the file is not.
            raise StoreDamaged(
                "The database file has been altered or damaged since it was last closed "
                "(it does not match its key header). Restore a backup with `apdesk restore`."
            ) from exc

    # -- paths ----------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.folder / database.DB_NAME

    @property
    def backups_dir(self) -> Path:
        return self.folder / BACKUPS

    @staticmethod
    def exists(folder: Path) -> bool:
        return (folder / HEADER_NAME).exists() and (folder / database.DB_NAME).exists()

    # -- create and open -------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        use_keyring: bool = True,
        kdf: KdfParams | None = None,
    ) -> tuple[Store, str]:
        """Make a new empty store; returns it unlocked with the one-time recovery key."""
        folder = Path(folder)
        if cls.exists(folder):
            raise StoreExists(f"There is already a store in {folder}.")
        if folder.exists() and any(p.name != BACKUPS for p in folder.iterdir()):
            raise StoreExists(
                f"{folder} is not empty: choose an empty or new folder for the store."
            )
        check_passphrase(passphrase)
        _secure_folder(folder)
        data_key = new_data_key()
        header = KeyHeader.new(kdf or KdfParams())
        header.set_passphrase(data_key, passphrase)
        recovery = header.set_recovery(data_key)
        has_keyring = use_keyring and header.set_keyring(data_key)
        header.save(folder)
        store = cls(
            folder, header, data_key, UnlockResult("passphrase", keyring_missing=not has_keyring)
        )
        migrate.upgrade(store.engine)
        secure_files(folder)
        return store, recovery

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        use_keyring: bool = True,
    ) -> Store:
        """Unlock with the keyring, else the passphrase, else the recovery key."""
        folder = Path(folder)
        if not cls.exists(folder):
            raise StoreNotFound(f"No apdesk store in {folder}: create one with `apdesk init`.")
        header = KeyHeader.load(folder)
        if (folder / database.DB_NAME).stat().st_size == 0:
            raise StoreDamaged(
                "The database file is empty: its records are gone from this folder. Restore a "
                "backup with `apdesk restore`."
            )
        data_key: bytes | None = None
        result = UnlockResult("keyring")
        if use_keyring and passphrase is None and recovery_key is None:
            data_key = header.unlock_with_keyring()
        if data_key is None:
            keyring_missing = "keyring" in header.slots and use_keyring
            if passphrase is not None:
                data_key, result = (
                    header.unlock_with_passphrase(passphrase),
                    UnlockResult("passphrase"),
                )
            elif recovery_key is not None:
                data_key, result = (
                    header.unlock_with_recovery(recovery_key),
                    UnlockResult("recovery"),
                )
            else:
                raise WrongKey("The store is locked: give the passphrase or the recovery key.")
            result.keyring_missing = keyring_missing or "keyring" not in header.slots
        crossed: bytes | None = None
        try:
            store = cls(folder, header, data_key, result)
        except StoreDamaged:
            if "bridge" in header.slots:  # a rotation stopped after its rekey
                crossed = data_key
                store = cls(folder, header, header.cross_bridge(data_key), result)
            elif passphrase is not None and "pending" in header.slots:
                store = cls._finish_interrupted_rotation(folder, header, passphrase)
            else:
                raise
        rotation.after_unlock(store, result.method, passphrase, crossed)
        result.needs_recovery_key = bool(rotation.missing_ways_in(store))
        store._migrate_if_needed()
        return store

    @classmethod
    def _finish_interrupted_rotation(
        cls, folder: Path, header: KeyHeader, passphrase: str
    ) -> Store:
        """A key rotation stopped after the rekey: adopt the pending key; issue a recovery key."""
        new_key = header.unlock_pending(passphrase)
        store = cls(folder, header, new_key, UnlockResult("passphrase", needs_recovery_key=True))
        header.set_passphrase(new_key, passphrase)
        header.slots.pop("recovery", None)
        if "keyring" in header.slots:
            header.set_keyring(new_key)
        header.slots.pop("pending", None)
        header.save(folder)
        return store

    def _migrate_if_needed(self) -> None:
        if migrate.needs_upgrade(self.engine):
            migrate.refuse_newer(self.engine)  # before the backup: a newer store is left alone
            current = migrate.current_revision(self.engine) or "empty"
            self.backup(self.backups_dir / f"before-migration-{current}-{_stamp()}.db")
            migrate.upgrade(self.engine)
            secure_files(self.folder)

    # -- using -----------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked("The store is locked.")
        return self._engine

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    @property
    def reader_engine(self) -> Engine:
        """Connections that refuse writes, for reads beside the writer (WAL lets them)."""
        if self._engine is None or self._key is None:
            raise StoreLocked("The store is locked.")
        if self._reader is None:
            self._reader = database.make_engine(self.db_path, bytes(self._key), read_only=True)
        return self._reader

    def run(self, op: OperationFn[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Outcome[T]:
        """Run one operation in one transaction; its value and what it changed.

        Only functions marked `@operation` may write: this is the one door for a change."""
        if not is_operation(op):
            raise NotAnOperation(f"{operation_name(op)} is not an operation: mark it @operation")
        with Session(self.engine, expire_on_commit=False) as session:
            audit.install(session, self.actor)
            collector = install_collector(session)
            try:
                value = op(session, *args, **kwargs)
                session.commit()
            except BaseException:
                session.rollback()
                raise
        return Outcome(value, collector.freeze())

    def read(
        self, fn: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run `fn(session, ...)` in a session that raises `ReadOnlyViolation` on any write."""
        with Session(self.reader_engine, expire_on_commit=False) as session:
            event.listen(session, "before_flush", _refuse_flush)
            try:
                return fn(session, *args, **kwargs)
            except OperationalError as exc:
                if "readonly" in str(exc.orig).replace(" ", "").lower():
                    raise ReadOnlyViolation(
                        f"{operation_name(fn)} tried to write during a read"
                    ) from exc
                raise
            finally:
                session.rollback()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error, audits every change.

        Low level: the application writes through `run` and reads through `read`; this is for
        maintenance inside the store package, the demo builder and tests that set up data."""
        with Session(self.engine, expire_on_commit=False) as session:
            audit.install(session, self.actor)
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def lock(self) -> None:
        """Drop the engine and wipe our copy of the key."""
        if self._engine is not None:
            # Keep the query planner's statistics fresh (cheap; SQLite's advice at close).
            with contextlib.suppress(Exception), self._engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
            self._engine.dispose()
            self._engine = None
        if self._reader is not None:
            self._reader.dispose()
            self._reader = None
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = None

    # -- keys ------------------------------------------------------------------
    def _data_key(self) -> bytes:
        if self._key is None:
            raise StoreLocked("The store is locked.")
        return bytes(self._key)

    def change_passphrase(self, new_passphrase: str) -> None:
        check_passphrase(new_passphrase)
        self.header.set_passphrase(self._data_key(), new_passphrase)
        self.header.save(self.folder)

    def new_recovery_key(
        self, passphrase: str | None = None, old_backups: str = "reencrypt"
    ) -> str:
        """A new recovery key (returned to be shown once); the old one stops opening the store
        and, unless `old_backups` is "keep", the backups in the store folder.

        With the passphrase, a rotation that stopped half way is completed for it too.
        """
        retire.check_choice(old_backups)
        key = self._data_key()
        if passphrase is not None:
            self.header.unlock_with_passphrase(passphrase)  # raises WrongKey
            self.header.set_passphrase(key, passphrase)
            self.header.rewrapped("passphrase")
        recovery = self.header.set_recovery(key)
        self.header.rewrapped("recovery")
        self.header.retire_choice = old_backups
        self.header.save(self.folder)
        retired = self.header.open_retired(key) if "retired" in self.header.slots else None
        if "bridge" not in self.header.slots:
            rotation.retire_old_backups(self, retired)
        return recovery

    def rotate_key(
        self,
        passphrase: str,
        old_backups: str = "reencrypt",
        backup_folders: Sequence[Path] = (),
    ) -> str:
        """Re-encrypt under a new data key (SQLCipher rekey) after a verified backup.

        The passphrase is asked again to prove who is at the keyboard; the old recovery key
        stops working and the new one is returned to be shown once. Backups the old keys open
        (in the store folder and in `backup_folders`) are re-encrypted, deleted or kept, as
        `old_backups` says. The order of the steps is in `apdesk.store.rotation`.
        """
        recovery, self.last_retired = rotation.rotate(self, passphrase, old_backups, backup_folders)
        secure_files(self.folder)
        return recovery

    def remember_in_keyring(self) -> bool:
        ok = self.header.set_keyring(self._data_key())
        self.header.save(self.folder)
        return ok

    # -- facts -----------------------------------------------------------------
    def cipher_version(self) -> str:
        return database.cipher_version(self.engine)

    def schema_version(self) -> str | None:
        return migrate.current_revision(self.engine)

    def backup(self, target: Path) -> Path:
        """An encrypted copy (same key) through VACUUM INTO; never ATTACH with an empty key."""
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if target.exists():
            target.unlink()
        with self.engine.connect() as conn:
            conn.exec_driver_sql("VACUUM INTO ?", (str(target),))
        os.chmod(target, 0o600)
        write_atomic(target.with_suffix(".header.json"), (self.folder / HEADER_NAME).read_bytes())
        return target

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            result = conn.execute(text("PRAGMA integrity_check")).scalar()
            cipher = conn.execute(text("PRAGMA cipher_integrity_check")).fetchall()
        return result == "ok" and not cipher


def _refuse_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        kinds = sorted({type(o).__name__ for o in (*session.new, *session.dirty, *session.deleted)})
        raise ReadOnlyViolation(f"a read tried to write {', '.join(kinds)}")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
