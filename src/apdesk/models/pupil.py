"""Pupils on the school's roll and the people around them."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from apdesk.models.enums import Gender, SenStatus
from apdesk.models.types import enum_field, list_field, utcnow


class Pupil(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    upn: str = Field(index=True, unique=True, max_length=13)
    forename: str
    surname: str = Field(index=True)
    preferred_name: str = ""
    middle_names: str = ""
    former_upn: str = ""
    dob: date
    gender: Gender = enum_field(Gender, default=Gender.OTHER)
    nc_year: int = 7
    sen_status: SenStatus = enum_field(SenStatus, default=SenStatus.NONE)
    looked_after: bool = False
    care_authority: str = ""  # the LA code of the authority that looks after the pupil
    needs: list[str] = list_field()
    sen_types: list[str] = list_field()  # SEN need types, most significant first (CTF ranks)
    medical_flag: bool = False
    health_needs: str = ""
    family_support: str = ""
    safety_info: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    on_roll: bool = True
    left_on: date | None = None  # the last day on roll, for a pupil who has left
    leaving_destination: str = ""
    leaving_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.forename
        return f"{first} {self.surname}"


class Contact(SQLModel, table=True):
    """A parent, carer or other contact for a pupil."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    name: str  # as printed on a letter: title, forename and surname
    title: str = ""
    forename: str = ""
    surname: str = ""
    priority: int | None = None  # the MIS's contact order: 1 is contacted first
    relationship: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    parental_responsibility: bool = True
