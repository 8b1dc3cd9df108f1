"""Review operations: hold a review meeting, and record a sustained-return follow-up.

A follow-up of a return made before follow-ups were stored has no id yet: recording it stores
it, in the same transaction as the check (listing what is due never writes)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.services import plans
from apdesk.store.operations import operation


@operation
def hold_review(
    session: Session,
    placement_id: int,
    data: plans.ReviewInput,
    review_id: int | None,
    today: date,
) -> int:
    """Record a review; without `review_id` it fulfils the earliest scheduled one, if any."""
    return plans.hold_review(session, placement_id, data, review_id=review_id, today=today).id or 0


@operation
def record_follow_up(
    session: Session,
    follow_up_id: int | None,
    placement_id: int,
    weeks: int,
    *,
    done_on: date,
    still_attending: bool,
    note: str,
    today: date,
) -> int:
    """Record the 6- or 12-week check; attendance since the return is counted from the register."""
    row = plans.record_follow_up(
        session,
        follow_up_id,
        done_on=done_on,
        still_attending=still_attending,
        note=note,
        today=today,
        placement_id=placement_id,
        weeks=weeks,
    )
    return row.id or 0
