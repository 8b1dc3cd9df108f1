"""The pupils a picker offers, read as columns: a trust's 10,000 pupils in one light query.

A picker needs each pupil's id, the name as the register shows it and the UPN, not the whole
record: reading whole rows (with the notes they carry) took more than a second at trust scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session, col, func

from apdesk.models import Pupil


@dataclass(frozen=True)
class PupilPicks:
    """Pupils on roll in the register's order (surname, then forename), one list per column."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # "Surname, Preferred-or-forename"
    upns: list[str] = field(default_factory=list)


def pupil_picks(session: Session) -> PupilPicks:
    """Every pupil on roll, named as the register names them."""
    query = (
        select(
            col(Pupil.id),
            col(Pupil.surname),
            col(Pupil.preferred_name),
            col(Pupil.forename),
            col(Pupil.upn),
        )
        .where(col(Pupil.on_roll).is_(True))
        .order_by(func.lower(Pupil.surname), func.lower(Pupil.forename), col(Pupil.id))
    )
    picks = PupilPicks()
    for pupil_id, surname, preferred, forename, upn in session.execute(query):
        picks.ids.append(int(pupil_id or 0))
        picks.names.append(f"{surname}, {preferred or forename}")
        picks.upns.append(upn)
    return picks


def as_display_name(listed: str) -> str:
    """A list's "Surname, Known-as" as every title, letter and sentence names the pupil:
    "Known-as Surname" (the display name)."""
    surname, comma, known_as = listed.partition(", ")
    return f"{known_as} {surname}" if comma else listed
