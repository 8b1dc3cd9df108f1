"""Child and family voice over the life of a placement: each entry dated, with how it was
gathered, because the LA counts placements where the school sought both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import VoiceEntry
from apdesk.models.enums import VoiceOf
from apdesk.models.errors import ValidationError

from .common import clean, load_placement, require


@dataclass
class VoiceInput:
    voice_of: VoiceOf | str = VoiceOf.CHILD
    said_on: date | None = None
    how_gathered: str = ""
    text: str = ""

    def validate(self, today: date | None = None) -> VoiceOf:
        try:
            who = VoiceOf(self.voice_of)
        except ValueError:
            raise ValidationError(_("Whose voice"), _("choose child or family")) from None
        if self.said_on is None:
            raise ValidationError(_("Date"), _("is missing"), _("give the day it was said"))
        if today and self.said_on > today:
            raise ValidationError(
                _("Date"),
                _("{day} is in the future").format(day=format_date(self.said_on)),
                _("record it on or after the day it was said"),
            )
        require(
            self.how_gathered,
            _("How gathered"),
            _("say how, e.g. conversation with key adult, questionnaire, review meeting"),
        )
        require(self.text, _("What was said"), _("write what the child or family said"))
        return who


def add_voice(
    session: Session, placement_id: int, data: VoiceInput, today: date | None = None
) -> VoiceEntry:
    who = data.validate(today)
    placement = load_placement(session, placement_id)
    entry = VoiceEntry(
        pupil_id=placement.pupil_id,
        placement_id=placement_id,
        voice_of=who,
        said_on=data.said_on or date.today(),
        how_gathered=clean(data.how_gathered),
        text=clean(data.text),
    )
    session.add(entry)
    session.flush()
    return entry


def list_voice(session: Session, placement_id: int) -> list[VoiceEntry]:
    """Oldest first, so the record reads as the placement went."""
    query = (
        select(VoiceEntry)
        .where(VoiceEntry.placement_id == placement_id)
        .order_by(col(VoiceEntry.said_on), col(VoiceEntry.id))
    )
    return list(session.exec(query).all())


def voice_sought(session: Session, placement_id: int) -> dict[VoiceOf, bool]:
    """Whether child and family voice were each recorded: entries, or the referral's own."""
    placement = load_placement(session, placement_id)
    entries = list_voice(session, placement_id)
    return {
        VoiceOf.CHILD: bool(clean(placement.child_voice))
        or any(e.voice_of is VoiceOf.CHILD for e in entries),
        VoiceOf.FAMILY: bool(clean(placement.family_voice))
        or any(e.voice_of is VoiceOf.FAMILY for e in entries),
    }
