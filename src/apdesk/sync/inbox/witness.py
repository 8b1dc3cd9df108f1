"""What the inbox makes of a school's audit heads: each pack's head is compared with every head
the inbox witnessed before, so a chain shortened or rewritten after a witness shows up.

A finding is a sentence for the LA's list ('' when the head fits everything witnessed). It never
refuses a pack: the notification matters more than the audit trail it arrives with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from apdesk.sync.inbox.db import packs


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def finding(conn: Connection, urn: str, audit: dict[str, Any] | None) -> str:
    if audit is None:
        return ""
    count, head, at = int(audit["count"]), str(audit["head"]), _when(str(audit["at"]))
    since = audit.get("since")
    query = select(
        packs.c.pack_id, packs.c.audit_count, packs.c.audit_head, packs.c.audit_at
    ).where(packs.c.school_urn == urn, packs.c.audit_count.is_not(None))
    for pack_id, seen_count, seen_head, seen_at in conn.execute(query):
        if seen_count == count and seen_head != head:
            return f"rewritten: audit row {count} differs from the one witnessed in pack {pack_id}"
        if since and seen_count == since["count"] and seen_head != since["hash"]:
            return (
                f"rewritten: audit row {seen_count} differs from the one witnessed in pack "
                f"{pack_id}"
            )
        if seen_count > count and seen_at and _when(seen_at) < at:
            return (
                f"truncated: the chain holds {count} rows, but {seen_count} were witnessed "
                f"earlier in pack {pack_id}"
            )
    return ""
