"""Plain copies of what the pupil pages show, made on the worker so no widget holds ORM objects.

Each view names the kinds of record it is made from, so a page refreshes when one changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.models import VoiceEntry
from apdesk.models.kinds import Kind
from apdesk.models.records import AttachmentInfo
from apdesk.services.attachments import list_attachments
from apdesk.services.pupils import (
    ContactInput,
    PlacementSummary,
    PupilInput,
    PupilNotFound,
    pupil_detail,
    year_label,
)

# What the register list shows (a pupil's current providers come from placements) ...
LIST_SHOWS = frozenset({Kind.PUPIL, Kind.PLACEMENT, Kind.PROVIDER})
# ... and what one pupil's record beside it shows.
DETAIL_SHOWS = LIST_SHOWS | {Kind.CONTACT, Kind.VOICE, Kind.ATTACHMENT}


@dataclass(frozen=True)
class ContactView:
    id: int
    data: ContactInput


@dataclass(frozen=True)
class VoiceView:
    said_on: date
    voice_of: str  # its label: Child or Family
    how_gathered: str
    text: str
    providers: tuple[str, ...] = ()  # whose placements it was recorded on


@dataclass
class PupilView:
    """Everything the detail panel shows for one pupil."""

    id: int
    data: PupilInput
    contacts: list[ContactView] = field(default_factory=list)
    placements: list[PlacementSummary] = field(default_factory=list)
    voice: list[VoiceView] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)

    @property
    def name(self) -> str:
        first = self.data.preferred_name or self.data.forename
        return f"{first} {self.data.surname}"

    @property
    def year_label(self) -> str:
        return year_label(self.data.nc_year) if self.data.nc_year is not None else ""


def voice_once(entries: list[VoiceEntry], placements: list[PlacementSummary]) -> list[VoiceView]:
    """One line for each thing said: the same words on the same day, recorded on each of two
    placements running side by side (a review of both), read as one, naming both providers."""
    merged: dict[tuple[date, str, str, str], set[int | None]] = {}
    for v in entries:  # newest first; a dict keeps that order
        said = (v.said_on, v.voice_of.label, v.how_gathered, v.text)
        merged.setdefault(said, set()).add(v.placement_id)
    return [
        # providers in the order the record lists the placements
        VoiceView(*key, tuple(dict.fromkeys(p.provider for p in placements if p.id in on)))
        for key, on in merged.items()
    ]


def load_pupil(session: Session, pupil_id: int) -> PupilView | None:
    """A read on the worker; None when the pupil is no longer there (removed meanwhile)."""
    try:
        detail = pupil_detail(session, pupil_id)
    except PupilNotFound:
        return None
    view = PupilView(pupil_id, PupilInput.from_pupil(detail.pupil))
    view.data.needs = list(view.data.needs)
    for contact in detail.contacts:
        data = ContactInput(
            contact.name,
            contact.relationship,
            contact.phone,
            contact.email,
            contact.address,
            contact.parental_responsibility,
        )
        view.contacts.append(ContactView(contact.id or 0, data))
    view.placements = list(detail.placements)
    view.voice = voice_once(detail.voice, view.placements)
    view.attachments = list_attachments(session, pupil_id=pupil_id)
    return view
