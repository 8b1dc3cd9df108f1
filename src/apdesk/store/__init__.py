"""The encrypted store: open/unlock, key header, migrations, backups and the audit log. No Qt."""

from apdesk.store.crypto import KdfParams
from apdesk.store.errors import (
    NotEncrypted,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreLocked,
    StoreNotFound,
    WrongKey,
)
from apdesk.store.store import Store, UnlockResult

__all__ = [
    "KdfParams",
    "NotEncrypted",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreExists",
    "StoreLocked",
    "StoreNotFound",
    "UnlockResult",
    "WrongKey",
]
