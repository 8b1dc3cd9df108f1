"""The school that keeps the store, and the calendar that decides which days are school days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.i18n import _
from apdesk.models.enums import Labelled
from apdesk.models.errors import ValidationError


class School(SQLModel, table=True):
    """One row: the school whose records these are (a store belongs to one school)."""

    id: int | None = Field(default=None, primary_key=True)
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


@dataclass
class SchoolDetails:
    """The school's details as plain data: what forms edit and every document's letterhead
    prints (no session attached, so the PDFs need none)."""

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
            raise ValidationError(
                _("URN"),
                _("'{value}' is not a URN").format(value=self.urn),
                _("a URN has 6 digits"),
            )
        if self.la_code and not (self.la_code.isdigit() and len(self.la_code) == 3):
            raise ValidationError(
                _("LA code"),
                _("'{value}' is not an LA code").format(value=self.la_code),
                _("it has 3 digits, e.g. 855"),
            )
        if self.estab and not (self.estab.isdigit() and len(self.estab) == 4):
            raise ValidationError(
                _("Establishment number"),
                _("'{value}' is not valid").format(value=self.estab),
                _("it has 4 digits, e.g. 4001"),
            )


class ClosureKind(Labelled):
    HOLIDAY = "holiday", "School holiday"
    INSET = "inset", "INSET day"
    BANK_HOLIDAY = "bank_holiday", "Bank holiday"
    CLOSURE = "closure", "Planned closure"
    UNEXPECTED = "unexpected", "Unexpected closure"


class Closure(SQLModel, table=True):
    """Days the school is shut (holidays, INSET, closures): not school days."""

    id: int | None = Field(default=None, primary_key=True)
    start_date: date
    end_date: date
    kind: str = ClosureKind.HOLIDAY.value
    name: str = ""
    reason: str = ""  # why an unexpected closure happened (snow, no heating, a burst pipe)


class Term(SQLModel, table=True):
    """A term (or half term) the school is open: with terms set for a school year, the days of
    that year outside every term are holidays."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    start_date: date = Field(index=True)
    end_date: date


class Setting(SQLModel, table=True):
    """Store-wide settings that travel with the data (LA endpoint, registers cut-off...)."""

    key: str = Field(primary_key=True)
    value: str = ""
