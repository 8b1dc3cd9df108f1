"""Placement operations: plan, refer, start and end a placement, and build a pack for one.

Each is one transaction that also queues the pack the LA is owed (placement start, change or
end), so a change is never saved without its pack and a refused pack (the school's URN missing,
say) saves nothing. Ending is one action wherever a person starts it: the placement ends with its
outcome and destination, a return gets its 6- and 12-week follow-ups and the LA's end pack is
queued, all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.services import placement_lifecycle as lifecycle
from apdesk.services.ap_guide import GuideSettings, set_guide_settings
from apdesk.services.placement_record import referral_pdf
from apdesk.services.placement_rules import PlacementWarning
from apdesk.services.placements import (
    PlacementInput,
    PlacementResult,
    create_placement,
    get_placement,
    update_placement,
)
from apdesk.services.plans.followups import ensure_follow_ups
from apdesk.store.operations import operation
from apdesk.sync.outbox import notify_placement_change, queue_pack
from apdesk.sync.pack import BuiltPack, build_pack


@dataclass(frozen=True)
class FollowUpDate:
    """A sustained-return check the end made: how many weeks after the return, and when."""

    weeks: int
    due_on: date


@dataclass(frozen=True)
class PlacementEnded:
    """What ending a placement recorded, wherever it was ended from."""

    placement_id: int
    status: PlacementStatus
    outcome: PlacementOutcome
    ended_on: date
    destination: str
    follow_ups: tuple[FollowUpDate, ...]
    pack_id: str | None  # the LA's end pack, queued in the same transaction
    warnings: tuple[PlacementWarning, ...] = ()


def _notified(
    session: Session, placement_id: int, change: Callable[[], PlacementResult]
) -> tuple[PlacementResult, str | None]:
    """Run `change` on an existing placement, then queue whatever pack it calls for."""
    before: dict[str, Any] = get_placement(session, placement_id).model_dump()
    result = change()
    item = notify_placement_change(
        session, get_placement(session, placement_id), before, referral_pdf=referral_pdf
    )
    return result, item.id if item is not None else None


@operation
def save_placement(
    session: Session, placement_id: int | None, data: PlacementInput, today: date
) -> PlacementResult:
    """Create a draft (placement_id None) or save the editor's values over an existing one."""
    if placement_id is None:
        result = create_placement(session, data, today)
        notify_placement_change(
            session, get_placement(session, result.id), None, referral_pdf=referral_pdf
        )
        return result
    saved, _pack = _notified(
        session, placement_id, lambda: update_placement(session, placement_id, data, today)
    )
    return saved


@operation
def refer_placement(
    session: Session, placement_id: int, referred_on: date, today: date
) -> PlacementResult:
    """Refer a draft to its provider; the LA's start pack goes with it."""
    result, _pack = _notified(
        session,
        placement_id,
        lambda: lifecycle.refer_placement(session, placement_id, referred_on, today),
    )
    return result


@operation
def start_placement(
    session: Session, placement_id: int, started_on: date, today: date
) -> PlacementResult:
    """The pupil has begun at the provider."""
    result, _pack = _notified(
        session,
        placement_id,
        lambda: lifecycle.start_placement(session, placement_id, started_on, today),
    )
    return result


@operation
def end_placement(
    session: Session,
    placement_id: int,
    outcome: PlacementOutcome | str | None,
    ended_on: date,
    destination: str,
    notes: str,
    today: date,
) -> PlacementEnded:
    """End an active placement with its outcome and destination, store a return's follow-ups
    and queue the LA's end pack: one transaction, so a refusal anywhere changes nothing."""
    result, pack_id = _notified(
        session,
        placement_id,
        lambda: lifecycle.end_placement(
            session, placement_id, outcome, ended_on, notes, today=today, destination=destination
        ),
    )
    follow_ups = ensure_follow_ups(session, placement_id)
    placement = get_placement(session, placement_id)
    assert placement.outcome is not None and placement.ended_on is not None
    return PlacementEnded(
        placement_id,
        placement.status,
        placement.outcome,
        placement.ended_on,
        placement.destination,
        tuple(FollowUpDate(f.weeks, f.due_on) for f in follow_ups),
        pack_id,
        tuple(result.warnings),
    )


@operation
def build_placement_pack(
    session: Session,
    placement_id: int,
    kind: str,
    *,
    created_at: datetime,
    encrypt: bool | None = None,
    queue: bool = False,
) -> BuiltPack:
    """Build a pack for a placement by hand (for a portal upload, or to resend), and queue it
    in the outbox when asked. An operation: the first pack also makes the school's signing key."""
    pdf = referral_pdf(session, placement_id)
    built = build_pack(
        session, placement_id, kind, referral_pdf=pdf, created_at=created_at, encrypt=encrypt
    )
    if queue:
        queue_pack(session, built, placement_id)
    return built


@operation
def set_placement_rules(
    session: Session, review_weeks: int | None = None, max_weeks: int | None = None
) -> GuideSettings:
    """The school's review interval and longest planned placement; None leaves one as it is,
    `max_weeks=0` removes the limit. The placements' warnings are checked against them."""
    return set_guide_settings(session, review_weeks=review_weeks, max_weeks=max_weeks)
