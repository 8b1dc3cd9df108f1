"""The LA connection settings: endpoint, the LA's public keys and the school's token.

The token goes to the OS keyring where there is a real one, otherwise into the encrypted
store; it is never printed and never written to the audit log.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import keyring
import keyring.errors
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models import Setting
from apdesk.models.errors import ValidationError
from apdesk.store import Store, keyring_slot
from apdesk.sync.keys import delete_secret, read_secret, write_secret
from apdesk.sync.util import key_id, load_public_keys

ENDPOINT = "la_endpoint"
LA_PUBLIC_KEYS = "la_public_keys_pem"
TOKEN = "la_token"
INSECURE_HTTP = "la_endpoint_insecure_http"  # "1" when a person chose plain http:// knowingly
SERVICE = "apdesk"


def token_account(store: Store) -> str:
    return f"la-token:{store.header.store_id}"


@dataclass(frozen=True)
class Connection:
    """What the sender needs, read in one short session (no session is held during I/O)."""

    endpoint: str
    token: str = field(repr=False)
    token_place: str  # "keyring", "store" or ""
    la_signing_key: Ed25519PublicKey | None
    la_encryption_key: X25519PublicKey | None
    endpoint_problem: str = ""  # why the sender must not use the endpoint, if it must not


def _get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else ""


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_insecure(url: str) -> bool:
    """Plain http:// to anywhere but this computer: pupils' data would cross the network open."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not _is_loopback(parts.hostname or "")


def set_endpoint(session: Session, url: str, *, insecure_http: bool = False) -> str:
    """Keep the LA endpoint; plain http:// (except to this computer) only when told."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        valid = False
    if not valid:
        raise ValidationError(
            "LA endpoint",
            _("'{url}' is not a web address").format(url=url[:100]),
            _("give it as https://host/path"),
        )
    if is_insecure(url) and not insecure_http:
        raise ValidationError(
            "LA endpoint",
            _("{url} uses plain http://, which would send pupils' data unprotected").format(
                url=url[:100]
            ),
            _("use the LA's https:// address (or, for a test server only, --insecure-http)"),
        )
    _set(session, ENDPOINT, url)
    _set(session, INSECURE_HTTP, "1" if is_insecure(url) else "")
    return url


def endpoint(session: Session) -> str:
    return _get(session, ENDPOINT)


def set_la_public_keys(session: Session, pem: bytes) -> tuple[str | None, str | None]:
    """Keep the LA's published keys (Ed25519 for receipts, X25519 for encryption)."""
    try:
        ed, x = load_public_keys(pem)
    except ValueError as exc:
        raise ValidationError(
            "LA public key",
            _("cannot be read ({problem})").format(problem=exc),
            _("use the PEM file the LA publishes"),
        ) from exc
    if ed is None and x is None:
        raise ValidationError(
            "LA public key",
            _("the file holds no Ed25519 or X25519 public key"),
            _("use the PEM file the LA publishes at /v1/keys.pem"),
        )
    _set(session, LA_PUBLIC_KEYS, pem.decode("ascii"))
    return (key_id(ed) if ed else None, key_id(x) if x else None)


def la_public_keys(session: Session) -> tuple[Ed25519PublicKey | None, X25519PublicKey | None]:
    pem = _get(session, LA_PUBLIC_KEYS)
    return load_public_keys(pem.encode("ascii")) if pem else (None, None)


def keep_token(session: Session, account: str, token: str) -> str:
    """Keep the token (under `account`, see `token_account`); returns where it went ("keyring"
    or "store"). The operation `set_la_token` calls this."""
    token = token.strip()
    if not token:
        raise ValidationError(
            "LA token", _("is empty"), _("paste the token the LA gave the school")
        )
    if keyring_slot.backend_is_real():
        try:
            keyring.set_password(SERVICE, account, token)
            if keyring.get_password(SERVICE, account) == token:
                delete_secret(session, TOKEN)
                return "keyring"
        except keyring.errors.KeyringError:
            pass
    write_secret(session, TOKEN, token)
    return "store"


def read_token(session: Session, account: str) -> tuple[str, str]:
    """(token, where it is kept); ("", "") when none is set."""
    if keyring_slot.backend_is_real():
        try:
            value = keyring.get_password(SERVICE, account)
        except keyring.errors.KeyringError:
            value = None
        if value:
            return value, "keyring"
    stored = read_secret(session, TOKEN)
    return (stored, "store") if stored else ("", "")


def endpoint_problem(session: Session, url: str) -> str:
    if url and is_insecure(url) and _get(session, INSECURE_HTTP) != "1":
        return _(
            "the LA endpoint {url} uses plain http://: set the LA's https:// address in "
            "File › Settings › LA connection"
        ).format(url=url)
    return ""


def _connection(session: Session, account: str) -> Connection:
    url = endpoint(session)
    token, place = read_token(session, account)
    ed, x = la_public_keys(session)
    return Connection(url, token, place, ed, x, endpoint_problem(session, url))


def load_connection(store: Store) -> Connection:
    return store.read(_connection, token_account(store))
