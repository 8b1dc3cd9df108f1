"""The agencies around a child in AP: who is involved, the named contact, their part in the
plan, and when consent to share information with them was given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, or_, select

from apdesk.i18n import _, format_date
from apdesk.models import AgencyInvolvement
from apdesk.models.enums import Agency
from apdesk.models.errors import ValidationError

from .common import clean, load_placement, require


@dataclass
class AgencyInput:
    agency: Agency | str = Agency.OTHER
    agency_name: str = ""  # required for OTHER; optional detail (e.g. team name) otherwise
    contact: str = ""
    role: str = ""
    consent_date: date | None = None

    def checked_agency(self) -> Agency:
        try:
            agency = Agency(self.agency)
        except ValueError:
            raise ValidationError(
                _("Agency"),
                _("'{value}' is not on the list").format(value=self.agency),
                _("choose an agency, or Other and type its name"),
            ) from None
        if agency is Agency.OTHER:
            require(self.agency_name, _("Agency name"), _("type the agency's name"))
        return agency

    def validate(self, today: date | None = None) -> Agency:
        agency = self.checked_agency()
        require(self.contact, _("Contact"), _("name the person at the agency"))
        for label, value in (
            (_("Agency name"), self.agency_name),
            (_("Contact"), self.contact),
            (_("Role"), self.role),
        ):
            if len(value) > 400:
                raise ValidationError(label, _("is too long"), _("keep it under 400 characters"))
        if today and self.consent_date and self.consent_date > today:
            raise ValidationError(
                _("Consent date"),
                _("{day} is in the future").format(day=format_date(self.consent_date)),
                _("record consent on or after the day it was given"),
            )
        return agency


@dataclass(frozen=True)
class AgencyRow:
    """One line of the agencies table, with what to warn about."""

    id: int
    agency: Agency
    name: str  # what to print: the typed name for OTHER, else the list label
    contact: str
    role: str
    consent_date: date | None

    @property
    def warning(self) -> str:
        if self.consent_date is None:
            return _("No consent to share recorded: ask the family before sharing information.")
        return ""


def agency_display_name(row: AgencyInvolvement) -> str:
    if row.agency is Agency.OTHER:
        return row.agency_name or Agency.OTHER.label
    if row.agency_name:
        return f"{row.agency.label} ({row.agency_name})"
    return row.agency.label


def add_agency(
    session: Session, placement_id: int, data: AgencyInput, today: date | None = None
) -> AgencyInvolvement:
    agency = data.validate(today)
    placement = load_placement(session, placement_id)
    row = AgencyInvolvement(
        pupil_id=placement.pupil_id,
        placement_id=placement_id,
        agency=agency,
        agency_name=clean(data.agency_name),
        contact=clean(data.contact),
        role=clean(data.role),
        consent_date=data.consent_date,
    )
    session.add(row)
    session.flush()
    return row


def update_agency(
    session: Session, involvement_id: int, data: AgencyInput, today: date | None = None
) -> AgencyInvolvement:
    agency = data.validate(today)
    row = session.get(AgencyInvolvement, involvement_id)
    if row is None:
        raise ValidationError(
            _("Agency"), _("no agency entry with id {id}").format(id=involvement_id)
        )
    row.agency, row.agency_name = agency, clean(data.agency_name)
    row.contact, row.role, row.consent_date = (
        clean(data.contact),
        clean(data.role),
        (data.consent_date),
    )
    session.add(row)
    session.flush()
    return row


def remove_agency(session: Session, involvement_id: int) -> None:
    row = session.get(AgencyInvolvement, involvement_id)
    if row is not None:
        session.delete(row)
        session.flush()


def list_agencies(session: Session, placement_id: int) -> list[AgencyRow]:
    """This placement's agencies and the pupil's agencies not tied to any one placement."""
    placement = load_placement(session, placement_id)
    query = (
        select(AgencyInvolvement)
        .where(
            AgencyInvolvement.pupil_id == placement.pupil_id,
            or_(
                col(AgencyInvolvement.placement_id) == placement_id,
                col(AgencyInvolvement.placement_id).is_(None),
            ),
        )
        .order_by(col(AgencyInvolvement.id))
    )
    return [
        AgencyRow(r.id or 0, r.agency, agency_display_name(r), r.contact, r.role, r.consent_date)
        for r in session.exec(query).all()
    ]


def consent_warnings(rows: list[AgencyRow]) -> list[str]:
    return [
        _("{agency}: no consent to share recorded").format(agency=r.name)
        for r in rows
        if r.consent_date is None
    ]
