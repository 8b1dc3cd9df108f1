"""The school's own details, kept in a single row."""

from __future__ import annotations

from dataclasses import fields

from sqlmodel import Session, select

from apdesk.models import School
from apdesk.models.school import SchoolDetails

__all__ = ["SchoolDetails", "get_school", "save_school", "school_details"]


def get_school(session: Session) -> School:
    """The school's row, made on first use: for writes only (reads use `school_details`)."""
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
