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


@dataclass
class KeyHeader:
    store_id: str
    kdf: crypto.KdfParams
    passphrase_salt: bytes
    slots: dict[str, dict[str, str]] = field(default_factory=dict)
    created_at: str = ""

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
