"""Plain copies of what the pupil pages show, made on the worker so no widget holds ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from apdesk.models.records import AttachmentInfo
from apdesk.services.attachments import list_attachments
from apdesk.services.pupils import (
    ContactInput,
    PlacementSummary,
    PupilInput,
    pupil_detail,
    year_label,
)
from apdesk.store import Store


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


def load_pupil(store: Store, pupil_id: int) -> PupilView:
    """Runs on the worker."""
    with store.session() as session:
        detail = pupil_detail(session, pupil_id)
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
        view.voice = [
            VoiceView(v.said_on, v.voice_of.label, v.how_gathered, v.text) for v in detail.voice
        ]
        view.attachments = list_attachments(session, pupil_id=pupil_id)
    return view
