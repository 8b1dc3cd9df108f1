"""What the inbox makes of a school's audit heads: each pack's head is compared with every head
the inbox witnessed before of the same chain, so a chain shortened or rewritten after a witness
shows up.

Each laptop of a school that shares its record keeps its own chain and names it (its device id)
in the heads it sends; heads of one laptop are never compared with another's. A head that names
no chain (a store that does not share, or a pack made before chains were named) is the store's
one chain, compared only with other unnamed heads.

A finding is a sentence for the LA's list ('' when the head fits everything witnessed). It never
refuses a pack: the notification matters more than the audit trail it arrives with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, or_, select

from apdesk.sync.inbox.db import packs
from apdesk.sync.witness import chain_of


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _whose(chain: str) -> str:
    return f"laptop {chain}'s chain" if chain else "the chain"


def finding(conn: Connection, urn: str, audit: dict[str, Any] | None) -> str:
    if audit is None:
        return ""
    count, head, at = int(audit["count"]), str(audit["head"]), _when(str(audit["at"]))
    since = audit.get("since")
    chain = chain_of(audit)
    same_chain = (
        packs.c.audit_chain == chain
        if chain
        else or_(packs.c.audit_chain.is_(None), packs.c.audit_chain == "")
    )
    query = select(
        packs.c.pack_id, packs.c.audit_count, packs.c.audit_head, packs.c.audit_at
    ).where(packs.c.school_urn == urn, packs.c.audit_count.is_not(None), same_chain)
    whose = _whose(chain)
    for pack_id, seen_count, seen_head, seen_at in conn.execute(query):
        if seen_count == count and seen_head != head:
            return (
                f"rewritten: audit row {count} of {whose} differs from the one witnessed in "
                f"pack {pack_id}"
            )
        if since and seen_count == since["count"] and seen_head != since["hash"]:
            return (
                f"rewritten: audit row {seen_count} of {whose} differs from the one witnessed "
                f"in pack {pack_id}"
            )
        if seen_count > count and seen_at and _when(seen_at) < at:
            return (
                f"truncated: {whose} holds {count} rows, but {seen_count} were witnessed "
                f"earlier in pack {pack_id}"
            )
    return ""
