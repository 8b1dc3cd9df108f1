"""The school's settings: its details (set-up and later), the national attendance rate the
figures compare with, and the LA connection (endpoint, token, the LA's public keys, the school's
own signing key).

The LA token goes to the OS keyring where there is a real one, else into the encrypted store;
`account` names its keyring entry (`sync.connection.token_account(store)`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from apdesk.services.measures import set_national_rate as store_national_rate
from apdesk.services.school import SchoolDetails, save_school, save_school_changes
from apdesk.store.operations import operation
from apdesk.sync import connection, keys


@dataclass(frozen=True)
class LaKeys:
    """Ids of the LA keys kept: Ed25519 checks receipts, X25519 encrypts packs."""

    receipts: str | None
    encryption: str | None


@dataclass(frozen=True)
class SchoolKey:
    pem: bytes
    key_id: str


@operation
def save_school_details(session: Session, details: SchoolDetails) -> None:
    """The school's details with its logo (checked first): set-up and `apdesk init`."""
    save_school(session, details)


@operation
def change_school_details(session: Session, changes: dict[str, str | bytes]) -> None:
    """Only the details named (`apdesk config --school-phone ...`); the rest stay as they are.
    The whole is checked, as a form would check it."""
    save_school_changes(session, changes)


@operation
def set_national_rate(session: Session, percent: float | str | None) -> float | None:
    """The national attendance rate the dashboard compares with, as a percentage (93.2);
    None or "" clears it. Returns the stored fraction."""
    return store_national_rate(session, percent)


@operation
def set_la_endpoint(session: Session, url: str, insecure_http: bool = False) -> str:
    """Where packs go; returns the address as kept (no trailing slash). Plain http:// to
    another computer only when `insecure_http` says a person chose it knowingly."""
    return connection.set_endpoint(session, url, insecure_http=insecure_http)


@operation
def set_la_public_keys(session: Session, pem: bytes) -> LaKeys:
    return LaKeys(*connection.set_la_public_keys(session, pem))


@operation
def set_la_token(session: Session, account: str, token: str) -> str:
    """Keep the school's token; returns where it went ("keyring" or "store")."""
    return connection.keep_token(session, account, token)


@operation
def save_la_connection(
    session: Session, account: str, url: str, token: str = "", pem: bytes | None = None
) -> str:
    """The Settings dialog's Save, all or nothing: the endpoint, the LA's keys when a file was
    chosen, the token when one was typed. Returns where the token went ("" if none typed)."""
    connection.set_endpoint(session, url)
    if pem is not None:
        connection.set_la_public_keys(session, pem)
    return connection.keep_token(session, account, token) if token.strip() else ""


@operation
def school_public_key(session: Session) -> SchoolKey:
    """The school's public signing key, to give the LA; the key pair is made on first use."""
    return SchoolKey(keys.public_key_pem(session), keys.signer_key_id(session))
