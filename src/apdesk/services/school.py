"""The school's own details, kept in a single row."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlmodel import Session, select

from apdesk.models import School
from apdesk.models.errors import ValidationError


@dataclass
class SchoolDetails:
    name: str = ""
    urn: str = ""
    la_code: str = ""
    estab: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    key_contact_name: str = ""
    key_contact_role: str = ""
    key_contact_phone: str = ""
    key_contact_email: str = ""

    def validate(self) -> None:
        if self.urn and not (self.urn.isdigit() and len(self.urn) == 6):
            raise ValidationError("URN", f"'{self.urn}' is not a URN", "a URN has 6 digits")
        if self.la_code and not (self.la_code.isdigit() and len(self.la_code) == 3):
            raise ValidationError(
                "LA code", f"'{self.la_code}' is not an LA code", "it has 3 digits, e.g. 855"
            )
        if self.estab and not (self.estab.isdigit() and len(self.estab) == 4):
            raise ValidationError(
                "Establishment number", f"'{self.estab}' is not valid", "it has 4 digits, e.g. 4001"
            )


def get_school(session: Session) -> School:
    school = session.exec(select(School)).first()
    if school is None:
        school = School()
        session.add(school)
        session.flush()
    return school


def save_school(session: Session, details: SchoolDetails) -> School:
    details.validate()
    school = get_school(session)
    for f in fields(details):
        setattr(school, f.name, getattr(details, f.name).strip())
    session.add(school)
    return school


def school_details(session: Session) -> SchoolDetails:
    """The details to show or print; blank until they are set (a read: it writes nothing)."""
    school = session.exec(select(School)).first()
    if school is None:
        return SchoolDetails()
    return SchoolDetails(**{f.name: getattr(school, f.name) for f in fields(SchoolDetails)})


def school_name(session: Session) -> str:
    """The school's name for the window title ("" before set-up has named it); reads only."""
    return session.exec(select(School.name)).first() or ""
