"""What the placement screens read: the providers to choose from with their QA in words, the
outcomes an end can record, the placements list with its filters, and the editor's form.

The writes (save, refer, start, end) are operations in `apdesk.services.operations.placements`,
each queuing the LA's pack in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import Provider
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.services.ap_guide import LaNotice, la_notice
from apdesk.services.placement_lifecycle import PlacementRow, list_placements
from apdesk.services.placement_review_rules import next_review_note, placement_reviews
from apdesk.services.placements import PlacementInput, get_placement, placement_input
from apdesk.services.pupils.picks import PupilPicks, pupil_picks
from apdesk.services.qa import qa_statuses


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


def outcome_choices() -> list[tuple[str, str]]:
    """(value, label) for every outcome, for the end dialog."""
    return [(o.value, _(o.label)) for o in PlacementOutcome]


@dataclass(frozen=True)
class Listing:
    """The placements page: its rows under the filters asked of the store, and the providers
    for its filter."""

    rows: list[PlacementRow]
    providers: list[ProviderChoice]


def placement_listing(
    session: Session,
    today: date,
    provider_id: int | None = None,
    status: PlacementStatus | None = None,
) -> Listing:
    rows = list_placements(
        session, today, provider_id=provider_id, status=status, with_warnings=True
    )
    return Listing(rows, provider_choices(session, today))


@dataclass(frozen=True)
class EditorData:
    """The placement editor's choices, and the placement as the form shows it."""

    pupils: PupilPicks  # as columns: thousands of pupils, read and handed over cheaply
    providers: list[ProviderChoice]
    placement: PlacementInput | None
    status: PlacementStatus
    la: LaNotice | None = None  # the LA's start notification; None for a new placement
    next_review: str = ""  # which date is the next review, once reviews have been held


def editor_data(
    session: Session, placement_id: int | None, today: date, pupils: PupilPicks | None = None
) -> EditorData:
    """`pupils`, if given, are the pickers' pupils kept from an earlier read, not read again."""
    pupils = pupil_picks(session) if pupils is None else pupils
    providers = provider_choices(session, today)
    if placement_id is None:
        return EditorData(pupils, providers, None, PlacementStatus.DRAFT)
    record = get_placement(session, placement_id)
    placement = placement_input(session, placement_id)
    note = next_review_note(record, placement_reviews(session, placement_id))
    la = la_notice(session, placement_id)
    return EditorData(pupils, providers, placement, record.status, la, note)
