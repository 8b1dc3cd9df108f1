"""Placement writes as the GUI makes them: each change queues the LA's pack in the same transaction.

The placements and lifecycle services change the record; this module adds the notification pack
(placement start, change or end) before the session commits, so a change is never saved without
its pack being queued, and a refused pack (say the school's URN is missing) saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import Provider
from apdesk.models.enums import PlacementOutcome
from apdesk.services.placement_lifecycle import (
    end_placement,
    refer_placement,
    start_placement,
)
from apdesk.services.placement_record import referral_pdf
from apdesk.services.placements import (
    PlacementInput,
    PlacementResult,
    create_placement,
    get_placement,
    update_placement,
)
from apdesk.services.qa import qa_statuses
from apdesk.sync.outbox import notify_placement_change


@dataclass(frozen=True)
class ProviderChoice:
    """A provider as the placement editor offers it: its QA in words, and whether it needs a
    recorded reason before a child is placed there."""

    id: int
    name: str
    qa_state: str
    qa_summary: str
    needs_reason: bool


def provider_choices(session: Session, today: date) -> list[ProviderChoice]:
    providers = list(session.exec(select(Provider)).all())
    qa = qa_statuses(session, providers, today)
    choices = [
        ProviderChoice(
            p.id or 0,
            p.name,
            qa[p.id or 0].state,
            qa[p.id or 0].summary,
            qa[p.id or 0].needs_reason,
        )
        for p in providers
    ]
    return sorted(choices, key=lambda c: c.name.casefold())


def _notified(
    session: Session, placement_id: int, change: Callable[[], PlacementResult]
) -> PlacementResult:
    """Run `change` on an existing placement, then queue whatever pack it calls for."""
    placement = get_placement(session, placement_id)
    before: dict[str, Any] = placement.model_dump()
    result = change()
    notify_placement_change(
        session, get_placement(session, placement_id), before, referral_pdf=referral_pdf
    )
    return result


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
    return _notified(
        session, placement_id, lambda: update_placement(session, placement_id, data, today)
    )


def refer(session: Session, placement_id: int, referred_on: date, today: date) -> PlacementResult:
    return _notified(
        session, placement_id, lambda: refer_placement(session, placement_id, referred_on, today)
    )


def start(session: Session, placement_id: int, started_on: date, today: date) -> PlacementResult:
    return _notified(
        session, placement_id, lambda: start_placement(session, placement_id, started_on, today)
    )


def end(
    session: Session,
    placement_id: int,
    outcome: PlacementOutcome | str | None,
    ended_on: date,
    notes: str = "",
    *,
    today: date,
    destination: str = "",
) -> PlacementResult:
    """End an active placement with its outcome; the LA hears of the end in the same write."""
    return _notified(
        session,
        placement_id,
        lambda: end_placement(
            session, placement_id, outcome, ended_on, notes, today=today, destination=destination
        ),
    )


def outcome_choices() -> list[tuple[str, str]]:
    """(value, label) for every outcome, for the end dialog."""
    return [(o.value, _(o.label)) for o in PlacementOutcome]
