"""`apdesk check`: integrity, cipher integrity (HMAC of every page) and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from apdesk.store.audit import verify_chain
from apdesk.store.store import Store


@dataclass(frozen=True)
class CheckReport:
    integrity: str
    cipher_problems: list[str]
    audit_ok: bool
    audit_message: str

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.cipher_problems and self.audit_ok

    def lines(self) -> list[str]:
        cipher = "ok" if not self.cipher_problems else "; ".join(self.cipher_problems[:5])
        return [
            f"Integrity check:        {self.integrity}",
            f"Cipher integrity check: {cipher}",
            f"Audit chain:            {self.audit_message}",
        ]


def check_store(store: Store) -> CheckReport:
    with store.engine.connect() as conn:
        integrity = "; ".join(str(r[0]) for r in conn.execute(text("PRAGMA integrity_check")))
        cipher = [str(r[0]) for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
    with store.session() as session:
        chain = verify_chain(session)
    return CheckReport(integrity, cipher, chain.ok, chain.message)
