"""The school that keeps the store, and the calendar that decides which days are school days."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.models.enums import Labelled


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
