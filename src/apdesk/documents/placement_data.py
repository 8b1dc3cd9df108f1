"""Everything a referral form or parents' letter needs, gathered in one read of the store.

Rendering then works from this plain record, so it needs no session and no Qt, and a test can
build one directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import Contact, Placement, Provider, Pupil, School
from apdesk.models.enums import AttachmentKind, PlacementStatus, SenStatus
from apdesk.models.errors import ValidationError
from apdesk.services.attachments import AttachmentInfo, attachments_for_placement
from apdesk.services.school import SchoolDetails

from .formatting import session_times, sessions_pattern


@dataclass
class PlacementRecord:
    school: SchoolDetails
    pupil: Pupil
    provider: Provider
    placement: Placement
    contacts: list[Contact] = field(default_factory=list)
    attachments: list[AttachmentInfo] = field(default_factory=list)
    other_placements: list[str] = field(default_factory=list)

    @property
    def sessions_pattern(self) -> str:
        return sessions_pattern(self.placement.sessions)

    @property
    def session_times(self) -> str:
        """The clock times, then any note on them (e.g. 'mornings only in week 1')."""
        pl = self.placement
        times = session_times(pl.session_start, pl.session_end, pl.break_start, pl.break_end)
        return "\n".join(part for part in (times, pl.session_times.strip()) if part)

    @property
    def has_ehc_plan(self) -> bool:
        return self.pupil.sen_status == SenStatus.EHC_PLAN

    @property
    def ehc_plan_stored(self) -> bool:
        return any(a.kind == AttachmentKind.EHC_PLAN for a in self.attachments)

    @property
    def parents(self) -> list[Contact]:
        """Who the letter goes to: people with parental responsibility (else every contact)."""
        with_pr = [c for c in self.contacts if c.parental_responsibility]
        return with_pr or list(self.contacts)

    @property
    def pupil_name(self) -> str:
        return f"{self.pupil.forename} {self.pupil.surname}"


def _describe(placement: Placement, provider_name: str) -> str:
    """One line for "Any other AP in place": where, status and dates."""
    dates = " ".join(
        part
        for part in (
            _("from {date}").format(date=format_date(placement.start_date))
            if placement.start_date
            else "",
            _("to {date}").format(date=format_date(placement.end_date))
            if placement.end_date
            else "",
        )
        if part
    )
    text = f"{provider_name} ({placement.status.label.lower()}"
    if placement.hours_per_week:
        text += _(", {hours:g} hours a week").format(hours=placement.hours_per_week)
    return f"{text}{', ' + dates if dates else ''})"


def _school(session: Session) -> SchoolDetails:
    """The school's details, read without creating the row (a document must not write)."""
    row = session.exec(select(School)).first()
    if row is None:
        return SchoolDetails()
    return SchoolDetails(**{f.name: getattr(row, f.name) for f in fields(SchoolDetails)})


def load_placement_record(session: Session, placement_id: int) -> PlacementRecord:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise ValidationError(
            "placement",
            _("no placement {id}").format(id=placement_id),
            _("check the placement number on the pupil's placements list"),
        )
    pupil = session.get(Pupil, placement.pupil_id)
    provider = session.get(Provider, placement.provider_id)
    if pupil is None or provider is None:
        raise ValidationError(
            "placement",
            _("placement {id} has no pupil or provider").format(id=placement_id),
            _("open the placement and choose its pupil and provider"),
        )
    contacts = list(
        session.exec(
            select(Contact).where(Contact.pupil_id == pupil.id).order_by(col(Contact.id))
        ).all()
    )
    others = session.exec(
        select(Placement, Provider.name)
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .where(Placement.pupil_id == pupil.id)
        .where(Placement.id != placement.id)
        .where(col(Placement.status).in_([PlacementStatus.REFERRED, PlacementStatus.ACTIVE]))
        .order_by(col(Placement.start_date))
    ).all()
    return PlacementRecord(
        school=_school(session),
        pupil=pupil,
        provider=provider,
        placement=placement,
        contacts=contacts,
        attachments=attachments_for_placement(session, placement),
        other_placements=[_describe(other, name) for other, name in others],
    )
