"""What the DfE's 2025 guide asks of a school that arranges AP, as settings and checks.

Source: "Arranging alternative provision: a guide for local authorities and schools" (DfE,
February 2025). A placement is reviewed regularly (apdesk's default: at least half-termly, a
review within 6 weeks of the start and of the last one); a time-limited placement stays within
the length the school sets itself; the commissioning school has a written agreement with the
provider; and the school tells the LA of each placement it commissions (apdesk's notification
packs do, and the placement shows when).

The two numbers are the school's settings, kept in the store so every laptop agrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import ngettext
from apdesk.models import OutboxItem, Setting
from apdesk.models.enums import OutboxStatus, PackKind
from apdesk.models.errors import ValidationError

SOURCE = (
    "Arranging alternative provision: a guide for local authorities and schools "
    "(DfE, February 2025)"
)
REVIEW_KEY = "placements.review_weeks"
MAX_LENGTH_KEY = "placements.max_weeks"
DEFAULT_REVIEW_WEEKS = 6  # half a term: "at least half-termly"
MAX_WEEKS = 104


@dataclass(frozen=True)
class GuideSettings:
    """The review interval (weeks) and the longest planned placement (weeks; None: no limit)."""

    review_weeks: int = DEFAULT_REVIEW_WEEKS
    max_weeks: int | None = None
    source: str = SOURCE

    @property
    def review_within(self) -> timedelta:
        return timedelta(weeks=self.review_weeks)


def _number(session: Session, key: str) -> int | None:
    row = session.get(Setting, key)
    if row is None or not row.value.strip().isdigit():
        return None
    return int(row.value)


def guide_settings(session: Session) -> GuideSettings:
    review = _number(session, REVIEW_KEY) or DEFAULT_REVIEW_WEEKS
    longest = _number(session, MAX_LENGTH_KEY) or None
    return GuideSettings(review, longest)


def set_guide_settings(
    session: Session, *, review_weeks: int | None = None, max_weeks: int | None = None
) -> GuideSettings:
    """Change either number; `max_weeks=0` removes the limit."""
    if review_weeks is not None:
        if not 1 <= review_weeks <= DEFAULT_REVIEW_WEEKS:
            raise ValidationError(
                "review interval",
                ngettext(
                    "{n} week is not at least half-termly",
                    "{n} weeks is not at least half-termly",
                    review_weeks,
                ).format(n=review_weeks),
                ngettext(
                    "choose 1 to {n} week ({source})",
                    "choose 1 to {n} weeks ({source})",
                    DEFAULT_REVIEW_WEEKS,
                ).format(n=DEFAULT_REVIEW_WEEKS, source=SOURCE),
            )
        _store(session, REVIEW_KEY, review_weeks)
    if max_weeks is not None:
        if not 0 <= max_weeks <= MAX_WEEKS:
            raise ValidationError(
                "longest placement",
                ngettext("{n} week is out of range", "{n} weeks is out of range", max_weeks).format(
                    n=max_weeks
                ),
                ngettext(
                    "choose 1 to {n} week, or 0 for no limit",
                    "choose 1 to {n} weeks, or 0 for no limit",
                    MAX_WEEKS,
                ).format(n=MAX_WEEKS),
            )
        _store(session, MAX_LENGTH_KEY, max_weeks)
    return guide_settings(session)


def _store(session: Session, key: str, value: int) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value = str(value)
    session.add(row)
    session.flush()


@dataclass(frozen=True)
class LaNotice:
    """The LA's notification of a placement's start, as the outbox holds it."""

    status: str  # "none", "queued" or "delivered"
    created: datetime | None = None
    delivered: datetime | None = None


def la_notice(session: Session, placement_id: int | None) -> LaNotice:
    """Whether (and when) the placement-start pack for the LA was made and delivered."""
    if placement_id is None:
        return LaNotice("none")
    return _notice(
        session.exec(_start_packs().where(OutboxItem.placement_id == placement_id)).all()
    )


def la_notices(session: Session) -> dict[int, LaNotice]:
    """`la_notice` of every placement that has a start pack, in one query (the rest: "none")."""
    by_placement: dict[int, list[Any]] = {}
    for row in session.exec(_start_packs().add_columns(OutboxItem.placement_id)).all():
        by_placement.setdefault(row[3], []).append(row)
    return {pid: _notice(rows) for pid, rows in by_placement.items()}


def _start_packs() -> Any:
    return (
        select(OutboxItem.status, OutboxItem.created_at, OutboxItem.delivered_at)
        .where(OutboxItem.kind == PackKind.PLACEMENT_START)
        .order_by(col(OutboxItem.created_at))
    )


def _notice(rows: Sequence[Any]) -> LaNotice:
    if not rows:
        return LaNotice("none")
    delivered = [r for r in rows if r[0] == OutboxStatus.DELIVERED]
    if delivered:
        return LaNotice("delivered", delivered[0][1], delivered[0][2])
    return LaNotice("queued", rows[0][1])


def planned_weeks(start: date | None, end: date | None) -> float | None:
    if start is None or end is None or end < start:
        return None
    return (end - start).days / 7
