"""A pupil's detail page: contacts, placement history and what the child and family said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.models import Contact, Placement, Provider, Pupil, VoiceEntry
from apdesk.models.enums import PlacementStatus
from apdesk.services.pupils.records import get_pupil


@dataclass(frozen=True)
class PlacementSummary:
    id: int
    provider_id: int
    provider: str
    status: PlacementStatus
    status_label: str
    start_date: date | None
    end_date: date | None
    hours_per_week: float
    outcome_label: str


@dataclass
class PupilDetail:
    pupil: Pupil
    contacts: list[Contact]
    placements: list[PlacementSummary]  # newest first
    voice: list[VoiceEntry]  # newest first


def pupil_detail(session: Session, pupil_id: int) -> PupilDetail:
    pupil = get_pupil(session, pupil_id)
    contacts = list(
        session.exec(select(Contact).where(Contact.pupil_id == pupil_id).order_by(col(Contact.id)))
    )
    query = (
        select(Placement, Provider.name)
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .where(Placement.pupil_id == pupil_id)
    )
    placements = [
        PlacementSummary(
            id=p.id or 0,
            provider_id=p.provider_id,
            provider=name,
            status=p.status,
            status_label=p.status.label,
            start_date=p.start_date,
            end_date=p.end_date,
            hours_per_week=p.hours_per_week,
            outcome_label=p.outcome.label if p.outcome else "",
        )
        for p, name in session.exec(query)
    ]
    placements.sort(key=lambda s: (s.start_date or date.max, s.id), reverse=True)
    voice = list(
        session.exec(
            select(VoiceEntry)
            .where(VoiceEntry.pupil_id == pupil_id)
            .order_by(col(VoiceEntry.said_on).desc(), col(VoiceEntry.id).desc())
        )
    )
    return PupilDetail(pupil, contacts, placements, voice)
