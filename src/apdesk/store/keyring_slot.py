"""The OS keyring as one way to unwrap the data key, used only where it really stores secrets."""

from __future__ import annotations

import contextlib
import logging
import secrets

import keyring
import keyring.errors

SERVICE = "apdesk"
_NOT_A_KEYRING = ("fail", "null", "plaintext", "chainer")

log = logging.getLogger(__name__)


def _account(store_id: str) -> str:
    return f"store:{store_id}"


def backend_is_real() -> bool:
    """False for the fail, null and plaintext backends, which keep nothing safely."""
    backend = keyring.get_keyring()
    module = type(backend).__module__.lower()
    name = type(backend).__name__.lower()
    if any(word in module for word in _NOT_A_KEYRING[:3]) or "plaintext" in name:
        return False
    try:
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:  # a backend whose priority itself fails is not usable
        return False


def create(store_id: str) -> bytes | None:
    """Put a fresh wrapping key in the keyring and prove it reads back; None if it cannot."""
    if not backend_is_real():
        return None
    key = secrets.token_bytes(32)
    try:
        keyring.set_password(SERVICE, _account(store_id), key.hex())
        if keyring.get_password(SERVICE, _account(store_id)) != key.hex():
            log.warning("the keyring did not return what was stored; using the passphrase only")
            return None
    except keyring.errors.KeyringError as exc:
        log.warning(
            "the keyring refused the key (%s); using the passphrase only", type(exc).__name__
        )
        return None
    return key


def read(store_id: str) -> bytes | None:
    """The wrapping key from the keyring, or None if the keyring is missing or has lost it."""
    if not backend_is_real():
        return None
    try:
        value = keyring.get_password(SERVICE, _account(store_id))
    except keyring.errors.KeyringError:
        return None
    if not value:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def forget(store_id: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _account(store_id))
