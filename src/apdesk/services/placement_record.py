"""Everything a referral form or parents' letter prints, gathered in one read of the store, and
the referral form made from it (the notification packs carry it: sync is handed the bytes)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from apdesk.documents.placement_data import PlacementRecord
from apdesk.documents.referral import render_referral
from apdesk.i18n import _, format_date
from apdesk.models import Contact, Placement, Provider, Review
from apdesk.models.enums import PlacementStatus
from apdesk.models.parties import load_placement_parties
from apdesk.services.attachments import attachments_for_placement
from apdesk.services.plans.due import RUNNING, next_due
from apdesk.services.school import school_details


def load_placement_record(
    session: Session, placement_id: int, today: date | None = None
) -> PlacementRecord:
    """The placement, its pupil and provider, the school, contacts, attachments, any other AP
    the pupil has and the next review due; a ValidationError naming the fix when the placement
    is missing."""
    parties = load_placement_parties(session, placement_id)
    placement, pupil = parties.placement, parties.pupil
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
        school=school_details(session),
        pupil=pupil,
        provider=parties.provider,
        placement=placement,
        contacts=contacts,
        attachments=attachments_for_placement(session, placement),
        other_placements=[_describe(other, name) for other, name in others],
        review_due=_review_due(session, placement),
        made_on=today or date.today(),
    )


def _review_due(session: Session, placement: Placement) -> date | None:
    """When a running placement's next review is due, as the Reviews list works it out."""
    if placement.status not in RUNNING:
        return None
    reviews = session.exec(select(Review).where(Review.placement_id == placement.id)).all()
    return next_due(placement, list(reviews))[0]


def referral_pdf(session: Session, placement_id: int) -> bytes:
    """The referral form as the LA's pack carries it and the school prints it."""
    return render_referral(load_placement_record(session, placement_id))


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
