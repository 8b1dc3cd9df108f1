"""The school's own details, kept in a single row."""

from __future__ import annotations

from sqlmodel import Session, select

from apdesk.models import School
from apdesk.models.school import SchoolDetails

__all__ = ["SchoolDetails", "get_school", "save_school", "school_details"]

TEXT_FIELDS = tuple(name for name in SchoolDetails.model_fields if name != "logo")


def get_school(session: Session) -> School:
    """The school's row, made on first use: for writes only (reads use `school_details`)."""
    school = session.exec(select(School)).first()
    if school is None:
        school = School()
        session.add(school)
        session.flush()
    return school


def save_school(session: Session, details: SchoolDetails, *, keep_logo: bool = False) -> School:
    """Check and keep every detail; the logo too unless `keep_logo` (forms that do not show
    the logo leave it as it is)."""
    details.validate()
    school = get_school(session)
    for name in TEXT_FIELDS:
        setattr(school, name, getattr(details, name).strip())
    if not keep_logo:
        school.logo = bytes(details.logo)
    session.add(school)
    return school


def save_school_changes(session: Session, changes: dict[str, str | bytes]) -> School:
    """Change only the named details (the others stay as they are), checked as a whole."""
    unknown = set(changes) - set(SchoolDetails.model_fields)
    if unknown:
        raise KeyError(f"no school detail called {sorted(unknown)[0]}")
    merged = school_details(session).model_copy(update=changes)
    return save_school(session, merged)


def school_details(session: Session) -> SchoolDetails:
    """The details to show or print; blank until they are set (a read: it writes nothing)."""
    school = session.exec(select(School)).first()
    if school is None:
        return SchoolDetails()
    return SchoolDetails(**{name: getattr(school, name) for name in SchoolDetails.model_fields})


def school_name(session: Session) -> str:
    """The school's name for the window title ("" before set-up has named it); reads only."""
    return session.exec(select(School.name)).first() or ""
