"""The school sharing key and what it protects; keys never reach the hub.

- Batches, snapshots and device cards are sealed with AES-256-GCM under the school sharing key
  of an epoch (a new epoch each time a laptop is revoked). The associated data binds each
  sealed blob to its school, device, id, epoch and schema, so the hub cannot move a batch to
  another school or pass one laptop's batch off as another's.
- Each laptop has an X25519 key pair; the sharing keys reach it sealed to its public key with
  HPKE (RFC 9180, base mode), or, at enrolment, sealed under a key derived from the one-time
  code (HKDF-SHA256 of its 90 secret bits; the hub sees only the code's lookup part and a hash
  of a separate verifier).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from apdesk.i18n import _
from apdesk.models.errors import ApdeskError

KEY_BYTES = 32
NONCE_BYTES = 12
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O or U
LOOKUP_CHARS = 6  # 30 bits the hub sees, to find the enrolment
SECRET_CHARS = 18  # 90 bits it never sees
Keyring = dict[int, bytes]


class ShareCryptoError(ApdeskError):
    """A sealed blob did not open: a wrong key, or it was altered."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def aad(*parts: object) -> bytes:
    return "|".join(["apdesk-share-v1", *(str(p) for p in parts)]).encode()


def seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(key: bytes, blob: bytes, associated: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], associated)
    except (InvalidTag, ValueError) as exc:
        raise ShareCryptoError(
            _(
                "A shared change did not open with the school's sharing key: it was altered, "
                "or this laptop lacks the key (sync again; if it persists, enrol the laptop "
                "again)."
            )
        ) from exc


# -- keyrings (the sharing key of every epoch) -------------------------------------------------
def keyring_bytes(keys: Keyring) -> bytes:
    return json.dumps({str(e): k.hex() for e, k in sorted(keys.items())}).encode()


def keyring_from(data: bytes) -> Keyring:
    return {int(e): bytes.fromhex(k) for e, k in json.loads(data).items()}


# -- device keys -------------------------------------------------------------------------------
def new_device_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def private_hex(key: X25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw.hex()


def private_from_hex(text: str) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def unb64_bytes(text: str) -> bytes:
    return base64.b64decode(text)


def public_b64(key: X25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def wrap_for_device(public: str, keys: Keyring, associated: bytes) -> bytes:
    recipient = X25519PublicKey.from_public_bytes(base64.b64decode(public))
    return bytes(_SUITE.encrypt(keyring_bytes(keys), recipient, info=associated))


def unwrap_for_device(private: X25519PrivateKey, blob: bytes, associated: bytes) -> Keyring:
    try:
        return keyring_from(bytes(_SUITE.decrypt(blob, private, info=associated)))
    except (InvalidTag, ValueError) as exc:
        raise ShareCryptoError(_("The sharing key sent to this laptop did not open.")) from exc


# -- enrolment codes ---------------------------------------------------------------------------
def new_code() -> str:
    """24 characters in four groups of six: a lookup part and 90 secret bits."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(LOOKUP_CHARS + SECRET_CHARS))
    return "-".join(chars[i : i + 6] for i in range(0, len(chars), 6))


def parse_code(code: str) -> tuple[str, str]:
    """(lookup, secret) of a code typed by a person: spaces, dashes and case do not matter."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != LOOKUP_CHARS + SECRET_CHARS or any(ch not in ALPHABET for ch in cleaned):
        from apdesk.models.errors import ValidationError

        raise ValidationError(
            "enrolment code",
            _("is not a code apdesk made"),
            _("type the 24 characters shown on the laptop that is already sharing"),
        )
    return cleaned[:LOOKUP_CHARS], cleaned[LOOKUP_CHARS:]


def _derive(secret: str, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=f"apdesk-enrol-{purpose}".encode(),
    ).derive(secret.encode())


def code_wrap_key(secret: str) -> bytes:
    return _derive(secret, "wrap")


def code_verifier(secret: str) -> str:
    """What the joining laptop shows the hub; the hub keeps only its SHA-256."""
    return _derive(secret, "verify").hex()


def verifier_hash(verifier: str) -> str:
    return hashlib.sha256(verifier.encode()).hexdigest()
