"""Saving pupils: create and update, refusing duplicates by UPN or by name and date of birth."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import Pupil
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow
from apdesk.services.pupils.input import FIELD_LABELS, PupilInput, PupilNotFound


def _same_person_key(forename: str, surname: str, dob: date) -> tuple[str, str, date]:
    return (forename.strip().casefold(), surname.strip().casefold(), dob)


def check_duplicates(session: Session, data: PupilInput, pupil_id: int | None = None) -> None:
    """Same UPN, or same name and date of birth, as another pupil: refuse with that pupil's UPN."""
    same_upn = session.exec(select(Pupil).where(Pupil.upn == data.upn)).first()
    if same_upn is not None and same_upn.id != pupil_id:
        raise ValidationError(
            FIELD_LABELS["upn"],
            _("{upn} already belongs to {name}").format(upn=data.upn, name=same_upn.display_name),
            _("open that pupil instead, or check the UPN"),
        )
    assert data.dob is not None
    key = _same_person_key(data.forename, data.surname, data.dob)
    for other in session.exec(select(Pupil).where(Pupil.dob == data.dob)):
        if (
            other.id != pupil_id
            and _same_person_key(other.forename, other.surname, other.dob) == key
        ):
            raise ValidationError(
                FIELD_LABELS["surname"],
                _("a pupil with this name and date of birth already exists (UPN {upn})").format(
                    upn=other.upn
                ),
                _("open that pupil instead; if they are different children, check the spelling"),
            )


def create_pupil(session: Session, data: PupilInput, today: date | None = None) -> Pupil:
    data.validate(today)
    check_duplicates(session, data)
    pupil = Pupil(**{name: getattr(data, name) for name in PupilInput.__dataclass_fields__})
    session.add(pupil)
    session.flush()
    return pupil


def update_pupil(
    session: Session, pupil_id: int, data: PupilInput, today: date | None = None
) -> Pupil:
    pupil = get_pupil(session, pupil_id)
    data.validate(today)
    check_duplicates(session, data, pupil_id)
    for name in PupilInput.__dataclass_fields__:
        setattr(pupil, name, getattr(data, name))
    pupil.updated_at = utcnow()
    session.add(pupil)
    session.flush()
    return pupil


def get_pupil(session: Session, pupil_id: int) -> Pupil:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise PupilNotFound(
            _("There is no pupil with id {id}: refresh the list.").format(id=pupil_id)
        )
    return pupil
