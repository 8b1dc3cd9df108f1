"""Errors from opening and keeping the encrypted store, each with a message a person can act on."""

from __future__ import annotations

from apdesk.models.errors import ApdeskError


class StoreError(ApdeskError):
    """Something is wrong with the store as a whole."""


class StoreNotFound(StoreError):
    pass


class StoreExists(StoreError):
    pass


class WrongKey(StoreError):
    """The passphrase, recovery key or keyring key did not unlock the store."""


class NotEncrypted(StoreError):
    """Plain SQLite was loaded instead of SQLCipher: apdesk refuses to run on it."""


class StoreDamaged(StoreError):
    """The database fails its integrity or cipher checks (tampered or corrupted)."""


class StoreLocked(StoreError):
    """The store is locked: unlock it before reading or writing."""


class StoreTooNew(StoreError):
    """The store was written by a newer apdesk, whose schema this one does not know."""
