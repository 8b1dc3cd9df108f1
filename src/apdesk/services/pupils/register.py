"""The pupil register: one plain row per pupil, searched and filtered, for a table model."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SenStatus
from apdesk.services.pupils.input import year_label


@dataclass(frozen=True)
class PupilRow:
    """One line of the pupil register, plain values only (a table model shows these)."""

    id: int
    upn: str
    name: str
    surname: str
    forename: str
    year: int
    year_label: str
    sen_status: SenStatus
    sen_label: str
    looked_after: bool
    in_ap_now: bool
    provider: str  # the current provider(s), comma separated; "" when not in AP


def _active_providers(session: Session) -> dict[int, list[str]]:
    query = (
        select(Placement.pupil_id, Provider.name)
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .where(Placement.status == PlacementStatus.ACTIVE)
        .order_by(col(Provider.name))
    )
    found: dict[int, list[str]] = {}
    for pupil_id, name in session.exec(query):
        found.setdefault(pupil_id, []).append(name)
    return found


def list_pupils(
    session: Session,
    search: str = "",
    *,
    year: int | None = None,
    sen_status: SenStatus | None = None,
    in_ap_now: bool | None = None,
    looked_after: bool | None = None,
    include_left: bool = False,
) -> list[PupilRow]:
    """The register, sorted by surname; each word of `search` must match a name or the UPN.
    Pupils who have left are kept (under the retention rules) but not listed unless asked."""
    query = select(Pupil)
    if not include_left:
        query = query.where(col(Pupil.on_roll).is_(True))
    words = search.casefold().split()
    if year is not None:
        query = query.where(Pupil.nc_year == year)
    if sen_status is not None:
        query = query.where(Pupil.sen_status == sen_status)
    if looked_after is not None:
        query = query.where(Pupil.looked_after == looked_after)
    query = query.order_by(func.lower(Pupil.surname), func.lower(Pupil.forename), col(Pupil.id))
    active = _active_providers(session)
    rows = []
    for pupil in session.exec(query):
        assert pupil.id is not None
        haystack = " ".join((pupil.forename, pupil.surname, pupil.preferred_name, pupil.upn))
        if words and not all(word in haystack.casefold() for word in words):
            continue  # in Python, so that accented names match whatever the case
        providers = active.get(pupil.id, [])
        if in_ap_now is not None and bool(providers) != in_ap_now:
            continue
        rows.append(
            PupilRow(
                id=pupil.id,
                upn=pupil.upn,
                name=f"{pupil.surname}, {pupil.preferred_name or pupil.forename}",
                surname=pupil.surname,
                forename=pupil.forename,
                year=pupil.nc_year,
                year_label=year_label(pupil.nc_year),
                sen_status=pupil.sen_status,
                sen_label=pupil.sen_status.label,
                looked_after=pupil.looked_after,
                in_ap_now=bool(providers),
                provider=", ".join(providers),
            )
        )
    return rows
