"""The benchmark store's placement reviews: every six weeks or so, as a school holds them.

Reviews change what the placements list reads (each running placement's next review is the
date the Reviews page shows), so a store without them would flatter that read. They come from
their own random stream, so a store built before reviews were generated gains exactly the
reviews a new build would have, without building its marks again.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.models.plan import Review

EVERY = 30  # school days between reviews, about six weeks
OVERDUE = 0.1  # the share of running placements whose last scheduled review was not held
MARKER = "reviews"  # the line in the store's `complete` file saying it has them


def add_reviews(conn: Connection, seed: int, days: list[date], today: date) -> int:
    """Write every placement's reviews; `days` are the school days of all the years."""
    rng = random.Random(seed * 1_000_003 + 17)
    query = select(
        Placement.__table__.c.id,  # type: ignore[attr-defined]
        Placement.__table__.c.status,  # type: ignore[attr-defined]
        Placement.__table__.c.start_date,  # type: ignore[attr-defined]
        Placement.__table__.c.end_date,  # type: ignore[attr-defined]
    ).order_by(Placement.__table__.c.id)  # type: ignore[attr-defined]
    rows: list[dict[str, Any]] = []
    for pid, status, start, end in conn.execute(query):
        rows.extend(_reviews(rng, pid, PlacementStatus(status), start, end, days, today))
    if rows:
        conn.execute(insert(Review), rows)
    return len(rows)


def _reviews(
    rng: random.Random,
    pid: int,
    status: PlacementStatus,
    start: date,
    end: date,
    days: list[date],
    today: date,
) -> Iterator[dict[str, Any]]:
    """Held reviews every `EVERY` school days from the start; a running placement also has
    its next one scheduled, and now and then that one has passed without being held."""
    span = [d for d in days if start <= d <= end]
    due = list(span[EVERY::EVERY])
    running = status is PlacementStatus.ACTIVE
    for n, day in enumerate(due):
        after = due[n + 1] if n + 1 < len(due) else None
        if day > today:
            yield _review(pid, day, None, None)
            return
        if running and after is None and rng.random() < OVERDUE:
            yield _review(pid, day, None, None)  # scheduled, and its day has gone by
            return
        yield _review(pid, day, day, after)


def _review(pid: int, scheduled: date, held: date | None, following: date | None) -> dict[str, Any]:
    return {
        "placement_id": pid,
        "scheduled_for": scheduled,
        "held_on": held,
        "attendees": "Synthetic attendees" if held else "",
        "decisions": "Synthetic decisions" if held else "",
        "next_review": following,
    }
