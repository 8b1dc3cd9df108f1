"""The LA's key pairs: made on first start and kept in the inbox database sealed by the inbox key.

The inbox key is 32 random bytes written as 64 hex characters, read from `--key-file FILE` or
the `APDESK_INBOX_KEY` environment variable; `apdesk inbox new-key --out FILE` makes one. The
database alone (a copy, a backup, a stolen disk) then holds no private key in the clear: the
Ed25519 key that signs receipts and the X25519 key that opens encrypted packs are each sealed
with AES-256-GCM under the inbox key, their name bound in as associated data.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from apdesk.files import write_atomic
from apdesk.i18n import _
from apdesk.sync.inbox.db import InboxError, la_keys
from apdesk.sync.util import key_id, public_pem

KEY_ENV = "APDESK_INBOX_KEY"
_OLD_PLAIN_TABLE = "inbox_la_key"  # how earlier versions kept the keys: in the clear


@dataclass(frozen=True)
class LaKeys:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    def published(self) -> dict[str, Any]:
        return {
            name: {"key_id": key_id(pub), "pem": public_pem(pub).decode("ascii")}
            for name, pub in (
                ("ed25519", self.signing.public_key()),
                ("x25519", self.encryption.public_key()),
            )
        }

    def pem_bundle(self) -> bytes:
        return public_pem(self.signing.public_key()) + public_pem(self.encryption.public_key())


def new_key_file(path: Path) -> Path:
    """Write a new inbox key (0600); refuses to replace one, which would orphan the LA's keys."""
    if path.exists():
        raise InboxError(
            _("{path} already exists: keep it (it opens the LA's keys) or pick a new name").format(
                path=path
            )
        )
    return write_atomic(path, secrets.token_hex(32) + "\n")


def unreadable(exc: OSError | UnicodeDecodeError) -> str:
    """Why a key or token file could not be read, in words (not the exception's repr)."""
    if isinstance(exc, UnicodeDecodeError):
        return _("it is not a text file")
    return exc.strerror or _("it cannot be opened")


def read_inbox_key(key_file: str | None) -> bytes:
    """The inbox key from `key_file`, else from the environment; one clear line if neither."""
    if key_file:
        try:
            raw = Path(key_file).expanduser().read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InboxError(
                "--key-file: "
                + _("{path} cannot be read ({reason})").format(
                    path=key_file, reason=unreadable(exc)
                )
            ) from None
        where = f"--key-file {key_file}"
    else:
        raw = os.environ.get(KEY_ENV, "").strip()
        where = KEY_ENV
        if not raw:
            raise InboxError(
                _(
                    "the inbox needs its key: give --key-file FILE or set {env} "
                    "(make one with `apdesk inbox new-key --out FILE`)"
                ).format(env=KEY_ENV)
            )
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise InboxError(_("{where} is not an inbox key (64 hex characters)").format(where=where))
    return key


def _seal(inbox_key: bytes, name: str, raw: bytes) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(inbox_key).encrypt(nonce, raw, _aad(name))
    return base64.b64encode(nonce + sealed).decode("ascii")


def _unseal(inbox_key: bytes, name: str, stored: str) -> bytes:
    try:
        blob = base64.b64decode(stored)
        return AESGCM(inbox_key).decrypt(blob[:12], blob[12:], _aad(name))
    except (InvalidTag, ValueError):
        raise InboxError(
            _(
                "the inbox key does not open the LA's keys in this database: use the key file "
                "the database was made with"
            )
        ) from None


def _aad(name: str) -> bytes:
    return f"apdesk inbox LA key {name}".encode()


def _raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _seal_old_plain_keys(engine: Engine, inbox_key: bytes) -> None:
    """Earlier inboxes kept the private keys as plain hex: seal them, then drop the plain copy."""
    if not inspect(engine).has_table(_OLD_PLAIN_TABLE):
        return
    with engine.begin() as conn:
        rows = conn.execute(text(f"SELECT name, private_hex FROM {_OLD_PLAIN_TABLE}")).all()
        for name, private_hex in rows:
            exists = conn.execute(select(la_keys.c.name).where(la_keys.c.name == name)).first()
            if exists is None:
                sealed = _seal(inbox_key, str(name), bytes.fromhex(str(private_hex)))
                conn.execute(
                    insert(la_keys).values(name=name, sealed=sealed, created_at=datetime.now(UTC))
                )
        conn.execute(text(f"DROP TABLE {_OLD_PLAIN_TABLE}"))


def la_keys_for(engine: Engine, inbox_key: bytes) -> LaKeys:
    """The LA's key pairs, generated and sealed on first start."""
    _seal_old_plain_keys(engine, inbox_key)
    found: dict[str, bytes] = {}
    for name, maker in (("ed25519", Ed25519PrivateKey), ("x25519", X25519PrivateKey)):
        query = select(la_keys.c.sealed).where(la_keys.c.name == name)
        with engine.connect() as conn:
            stored = conn.execute(query).scalar()
        if stored is None:
            fresh = _seal(inbox_key, name, _raw(maker.generate()))
            try:
                with engine.begin() as conn:
                    conn.execute(
                        insert(la_keys).values(
                            name=name, sealed=fresh, created_at=datetime.now(UTC)
                        )
                    )
                stored = fresh
            except IntegrityError:  # another worker made it first: use theirs
                with engine.connect() as conn:
                    stored = conn.execute(query).scalar_one()
        found[name] = _unseal(inbox_key, name, str(stored))
    return LaKeys(
        Ed25519PrivateKey.from_private_bytes(found["ed25519"]),
        X25519PrivateKey.from_private_bytes(found["x25519"]),
    )
