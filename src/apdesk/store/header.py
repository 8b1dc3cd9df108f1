"""The key header beside the database: the data key wrapped three ways, no secret in clear."""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apdesk.files import write_atomic
from apdesk.store import crypto, keyring_slot
from apdesk.store.errors import StoreDamaged, WrongKey

HEADER_NAME = "apdesk.header.json"
FORMAT = "apdesk-store-header"
WAYS_IN = ("passphrase", "recovery", "keyring")


@dataclass
class KeyHeader:
    store_id: str
    kdf: crypto.KdfParams
    passphrase_salt: bytes
    slots: dict[str, dict[str, str]] = field(default_factory=dict)
    created_at: str = ""
    # During a key rotation: the ways in whose slots still wrap the old data key; the "bridge"
    # slot (the new data key wrapped by the old one) leads them to the database.
    bridged: list[str] = field(default_factory=list)
    retire_choice: str = ""  # what the rotation does with backups the old key opens

    def aad(self, slot: str) -> bytes:
        return f"apdesk:{self.store_id}:{slot}".encode()

    # -- building --------------------------------------------------------------
    @classmethod
    def new(cls, kdf: crypto.KdfParams) -> KeyHeader:
        return cls(
            store_id=str(uuid.uuid4()),
            kdf=kdf,
            passphrase_salt=secrets.token_bytes(16),
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def set_passphrase(self, data_key: bytes, passphrase: str) -> None:
        self.passphrase_salt = secrets.token_bytes(16)
        wrapping = crypto.passphrase_key(passphrase, self.passphrase_salt, self.kdf)
        self.slots["passphrase"] = crypto.wrap(wrapping, data_key, self.aad("passphrase"))

    def set_recovery(self, data_key: bytes) -> str:
        """Wrap the data key with a new recovery key (the old one stops working); return it."""
        recovery = crypto.new_recovery_key()
        salt = secrets.token_bytes(16)
        wrapping = crypto.recovery_wrapping_key(recovery, salt)
        slot = crypto.wrap(wrapping, data_key, self.aad("recovery"))
        slot["salt"] = crypto.b64e(salt)
        self.slots["recovery"] = slot
        return recovery

    def set_pending(self, data_key: bytes, passphrase: str) -> None:
        """The next data key during a rotation, wrapped by the passphrase with its own salt."""
        salt = secrets.token_bytes(16)
        slot = crypto.wrap(
            crypto.passphrase_key(passphrase, salt, self.kdf), data_key, self.aad("pending")
        )
        slot["salt"] = crypto.b64e(salt)
        self.slots["pending"] = slot

    def unlock_pending(self, passphrase: str) -> bytes:
        slot = self.slots["pending"]
        wrapping = crypto.passphrase_key(passphrase, crypto.b64d(slot["salt"]), self.kdf)
        return crypto.unwrap(wrapping, slot, self.aad("pending"), "passphrase")

    # -- a rotation's bridge ------------------------------------------------------
    def open_bridge(self, old_key: bytes, new_key: bytes) -> None:
        """Before a rekey: every existing way in keeps working, through the bridge if need be."""
        self.slots["bridge"] = crypto.wrap(old_key, new_key, self.aad("bridge"))
        self.bridged = [name for name in WAYS_IN if name in self.slots]

    def cross_bridge(self, old_key: bytes) -> bytes:
        return crypto.unwrap(old_key, self.slots["bridge"], self.aad("bridge"), "bridge")

    def rewrapped(self, name: str) -> None:
        """`name` now wraps the current data key; the bridge goes when no way in needs it."""
        if name in self.bridged:
            self.bridged.remove(name)
        if not self.bridged:
            self.close_bridge()

    def close_bridge(self) -> None:
        self.slots.pop("bridge", None)
        self.bridged = []

    def seal_retired(self, new_key: bytes, old_key: bytes) -> None:
        """Keep the old data key, sealed by the new one, until the backups it opens are retired
        (so a crash while retiring them can be finished at the next unlock)."""
        self.slots["retired"] = crypto.wrap(new_key, old_key, self.aad("retired"))

    def open_retired(self, new_key: bytes) -> bytes:
        return crypto.unwrap(new_key, self.slots["retired"], self.aad("retired"), "retired key")

    def rewrap_keyring(self, data_key: bytes) -> bool:
        """Wrap `data_key` with the keyring's existing key (a new one only if there is none), so
        the keyring never holds a key that the header on disk does not use."""
        wrapping = keyring_slot.read(self.store_id)
        if wrapping is None:
            return self.set_keyring(data_key)
        self.slots["keyring"] = crypto.wrap(wrapping, data_key, self.aad("keyring"))
        return True

    def set_keyring(self, data_key: bytes) -> bool:
        wrapping = keyring_slot.create(self.store_id)
        if wrapping is None:
            self.slots.pop("keyring", None)
            return False
        self.slots["keyring"] = crypto.wrap(wrapping, data_key, self.aad("keyring"))
        return True

    # -- opening ---------------------------------------------------------------
    def unlock_with_passphrase(self, passphrase: str) -> bytes:
        wrapping = crypto.passphrase_key(passphrase, self.passphrase_salt, self.kdf)
        return crypto.unwrap(
            wrapping, self.slots["passphrase"], self.aad("passphrase"), "passphrase"
        )

    def unlock_with_recovery(self, recovery_key: str) -> bytes:
        slot = self.slots.get("recovery")
        if slot is None:
            raise WrongKey("This store has no recovery key.")
        wrapping = crypto.recovery_wrapping_key(recovery_key, crypto.b64d(slot["salt"]))
        return crypto.unwrap(wrapping, slot, self.aad("recovery"), "recovery key")

    def unlock_with_keyring(self) -> bytes | None:
        slot = self.slots.get("keyring")
        if slot is None:
            return None
        wrapping = keyring_slot.read(self.store_id)
        if wrapping is None:
            return None
        try:
            return crypto.unwrap(wrapping, slot, self.aad("keyring"), "keyring key")
        except WrongKey:
            return None

    # -- file ------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": 1,
            "store_id": self.store_id,
            "created_at": self.created_at,
            "kdf": {**self.kdf.as_dict(), "salt": crypto.b64e(self.passphrase_salt)},
            "slots": self.slots,
            **({"bridged": self.bridged} if self.bridged else {}),
            **({"retire_choice": self.retire_choice} if self.retire_choice else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyHeader:
        if data.get("format") != FORMAT:
            raise StoreDamaged("The key header is not an apdesk header.")
        return cls(
            store_id=str(data["store_id"]),
            kdf=crypto.KdfParams.from_dict(data["kdf"]),
            passphrase_salt=crypto.b64d(data["kdf"]["salt"]),
            slots={name: dict(slot) for name, slot in data["slots"].items()},
            created_at=str(data.get("created_at", "")),
            bridged=[str(name) for name in data.get("bridged", []) if name in WAYS_IN],
            retire_choice=str(data.get("retire_choice", "")),
        )

    def save(self, folder: Path) -> None:
        """Write atomically: a crash leaves either the old header or the new one, never half."""
        write_atomic(folder / HEADER_NAME, json.dumps(self.to_json(), indent=2))

    @classmethod
    def load(cls, folder: Path) -> KeyHeader:
        path = folder / HEADER_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls.from_json(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreDamaged(f"The key header {path.name} cannot be read: {exc}") from exc
