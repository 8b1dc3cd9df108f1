"""Parents, carers and other contacts for a pupil."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models import Contact
from apdesk.models.errors import ValidationError
from apdesk.services.pupils.input import PupilNotFound
from apdesk.services.pupils.records import get_pupil


@dataclass
class ContactInput:
    name: str = ""
    relationship: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    parental_responsibility: bool = True

    def validate(self) -> None:
        self.name = " ".join(self.name.split())
        if not self.name:
            raise ValidationError(
                "Name", _("is empty"), _("enter the contact's name, e.g. Mrs A. Khan")
            )
        self.email = self.email.strip()
        if self.email and ("@" not in self.email or " " in self.email):
            raise ValidationError(
                "Email",
                _("'{value}' is not an email address").format(value=self.email),
                _("check it"),
            )
        self.phone = self.phone.strip()
        if self.phone and sum(ch.isdigit() for ch in self.phone) < 6:
            raise ValidationError(
                "Phone",
                _("'{value}' is too short").format(value=self.phone),
                _("enter the full number"),
            )


def add_contact(session: Session, pupil_id: int, data: ContactInput) -> Contact:
    get_pupil(session, pupil_id)
    data.validate()
    contact = Contact(pupil_id=pupil_id, **data.__dict__)
    session.add(contact)
    session.flush()
    return contact


def update_contact(session: Session, contact_id: int, data: ContactInput) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise PupilNotFound(
            _("There is no contact with id {id}: refresh the page.").format(id=contact_id)
        )
    data.validate()
    for name, value in data.__dict__.items():
        setattr(contact, name, value)
    session.add(contact)
    session.flush()
    return contact
