"""`apdesk check`: integrity, cipher integrity (HMAC of every page) and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from apdesk.store.audit import ChainReport, verify_chain
from apdesk.store.retire import stale_backups
from apdesk.store.rotation import missing_ways_in
from apdesk.store.store import Store


@dataclass(frozen=True)
class CheckReport:
    integrity: str
    cipher_problems: list[str]
    audit_ok: bool
    audit_message: str
    key_problems: list[str] = field(default_factory=list)  # a missing or half-retired slot
    stale_backups: int = 0  # backups in the store folder that a retired key opens

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and not self.cipher_problems
            and self.audit_ok
            and not self.key_problems
        )

    def lines(self) -> list[str]:
        cipher = "ok" if not self.cipher_problems else "; ".join(self.cipher_problems[:3])
        if len(self.cipher_problems) > 3:
            cipher += f" (and {len(self.cipher_problems) - 3} more pages)"
        keys = "ok" if not self.key_problems else "PROBLEM: " + "; ".join(self.key_problems)
        out = [
            f"Integrity check:        {self.integrity}",
            f"Cipher integrity check: {cipher}",
            f"Audit chain:            {self.audit_message}",
            f"Keys:                   {keys}",
        ]
        if self.stale_backups:
            out.append(
                f"Old backups:            {self.stale_backups} in the store's backups folder "
                "open with a retired key or passphrase (kept by choice, or left by an "
                "interrupted rotation); delete them or keep them locked away"
            )
        return out


def _damaged(exc: DatabaseError) -> str:
    original = exc.orig if exc.orig is not None else exc
    return "DAMAGED: " + ((str(original).strip().splitlines() or ["unreadable"])[0][:160])


def check_store(store: Store) -> CheckReport:
    """Every check runs however damaged the file is: a damaged page is a finding, not a crash."""
    try:
        with store.engine.connect() as conn:
            found = [
                " ".join(str(r[0]).split()) for r in conn.execute(text("PRAGMA integrity_check"))
            ]
        integrity = "; ".join(found[:3])[:300]
        if len(found) > 3:
            integrity += f" (and {len(found) - 3} more problems)"
    except DatabaseError as exc:
        integrity = _damaged(exc)
    try:
        with store.engine.connect() as conn:
            cipher = [
                " ".join(str(r[0]).split())
                for r in conn.execute(text("PRAGMA cipher_integrity_check"))
            ]
    except DatabaseError as exc:
        cipher = [_damaged(exc)]
    try:
        with store.session() as session:
            chain = verify_chain(session)
    except DatabaseError as exc:
        chain = ChainReport(False, 0, None, _damaged(exc))
    stale = stale_backups(store.backups_dir, store.header, store._data_key())
    return CheckReport(
        integrity, cipher, chain.ok, chain.message, missing_ways_in(store), len(stale)
    )
