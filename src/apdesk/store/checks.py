"""`apdesk check`: integrity, cipher integrity (HMAC of every page) and the audit chain.

The report is plain findings; the command words them in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from apdesk.store.audit import ChainReport, verify_chain
from apdesk.store.retire import stale_backups
from apdesk.store.rotation import KeyProblem, missing_ways_in
from apdesk.store.store import Store


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]  # SQLite's own findings, as it words them; empty when sound
    cipher_problems: list[str]  # pages whose HMAC fails, as SQLCipher words them
    chain: ChainReport
    key_problems: list[KeyProblem] = field(default_factory=list)  # a missing or half-retired slot
    stale_backups: int = 0  # backups in the store folder that a retired key opens
    damaged: dict[str, str] = field(default_factory=dict)  # check -> error that stopped it

    @property
    def ok(self) -> bool:
        return not (
            self.integrity
            or self.cipher_problems
            or not self.chain.ok
            or self.key_problems
            or self.damaged
        )


def _damaged(exc: DatabaseError) -> str:
    original = exc.orig if exc.orig is not None else exc
    return (str(original).strip().splitlines() or ["unreadable"])[0][:160]


def _pragma(store: Store, pragma: str) -> list[str]:
    with store.engine.connect() as conn:
        return [" ".join(str(r[0]).split()) for r in conn.execute(text(f"PRAGMA {pragma}"))]


def check_store(store: Store) -> CheckReport:
    """Every check runs however damaged the file is: a damaged page is a finding, not a crash."""
    damaged: dict[str, str] = {}
    integrity: list[str] = []
    cipher: list[str] = []
    try:
        integrity = [found for found in _pragma(store, "integrity_check") if found != "ok"]
    except DatabaseError as exc:
        damaged["integrity"] = _damaged(exc)
    try:
        cipher = _pragma(store, "cipher_integrity_check")
    except DatabaseError as exc:
        damaged["cipher"] = _damaged(exc)
    try:
        with store.session() as session:
            chain = verify_chain(session)
    except DatabaseError as exc:
        chain = ChainReport(False, 0, None)
        damaged["chain"] = _damaged(exc)
    stale = stale_backups(store.backups_dir, store.header, store._data_key())
    return CheckReport(integrity, cipher, chain, missing_ways_in(store), len(stale), damaged)
