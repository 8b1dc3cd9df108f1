"""Pupils' names and UPNs read as columns, for the lists that name hundreds of pupils (the
day's board, reviews due, re-referrals): whole records would cost far more than the names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from apdesk.models import Pupil


def names_and_upns(session: Session, pupil_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(the name the school uses, "Known-as Surname"; the UPN) by pupil id."""
    who = sa_select(
        col(Pupil.id),
        col(Pupil.preferred_name),
        col(Pupil.forename),
        col(Pupil.surname),
        col(Pupil.upn),
    ).where(col(Pupil.id).in_(sorted(set(pupil_ids))))
    return {
        pid: (f"{preferred or forename} {surname}", upn)
        for pid, preferred, forename, surname, upn in session.connection().execute(who)
        if pid is not None
    }  # fmt: skip
