"""Key wrapping: AES-256-GCM slots keyed by Argon2id, HKDF (recovery key) or a raw key."""

from __future__ import annotations

import base64
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from apdesk.store.errors import WrongKey

KEY_BYTES = 32
RECOVERY_BYTES = 20  # 160 bits, shown as 32 base32 characters
_B32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; kept in the header so a store opens even if the defaults change."""

    iterations: int = 3
    lanes: int = 4
    memory_cost: int = 64 * 1024  # KiB

    @classmethod
    def fast(cls) -> KdfParams:
        """Cheap parameters for test stores only: still real Argon2id, just less memory."""
        return cls(iterations=1, lanes=1, memory_cost=8 * 1024)

    def as_dict(self) -> dict[str, Any]:
        return {"name": "argon2id", **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        """Parameters from a header; out-of-range ones (an altered header) raise ValueError
        before Argon2id could be asked for absurd memory or time."""
        params = cls(
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
            memory_cost=int(data["memory_cost"]),
        )
        if not (
            1 <= params.iterations <= 64
            and 1 <= params.lanes <= 64
            and 8 * params.lanes <= params.memory_cost <= 4 * 1024 * 1024
        ):
            raise ValueError("its key-derivation settings are out of range (altered?)")
        return params


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_cost,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def new_recovery_key() -> str:
    """A one-time recovery key in groups of four, easy to write down and type."""
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 32 or any(ch not in _B32_ALPHABET for ch in cleaned):
        raise WrongKey(
            "That is not a recovery key: it has 32 letters and digits in groups of four."
        )
    return cleaned


def recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    secret = base64.b32decode(normalise_recovery_key(recovery_key))
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"apdesk-recovery"
    ).derive(secret)


def wrap(wrapping_key: bytes, data_key: bytes, aad: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {
        "nonce": b64e(nonce),
        "ciphertext": b64e(AESGCM(wrapping_key).encrypt(nonce, data_key, aad)),
    }


def unwrap(wrapping_key: bytes, slot: dict[str, str], aad: bytes, what: str) -> bytes:
    try:
        return AESGCM(wrapping_key).decrypt(b64d(slot["nonce"]), b64d(slot["ciphertext"]), aad)
    except (InvalidTag, KeyError, ValueError) as exc:
        raise WrongKey(f"The {what} does not open this store. Check it and try again.") from exc
