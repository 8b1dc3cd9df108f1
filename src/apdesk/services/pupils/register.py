"""The pupil register: one plain row per pupil, searched and filtered, for a table model."""

from __future__ import annotations

from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import String, type_coerce
from sqlmodel import Session, col, select

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SenStatus
from apdesk.services.pupils.input import year_label
from apdesk.services.pupils.picks import display_name, register_order


class PupilRow(NamedTuple):
    """One line of the pupil register, plain values only (a table model shows these)."""

    id: int
    upn: str
    name: str
    surname: str
    forename: str
    known_as: str  # the preferred name, else the forename: the name the list shows and sorts by
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
    for pupil_id, name in session.connection().execute(query):
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
    # Columns, not whole rows: a Pupil also decodes its JSON lists and some thirty more columns.
    query: Any = select(  # type: ignore[call-overload]
        Pupil.id,
        Pupil.upn,
        Pupil.forename,
        Pupil.surname,
        Pupil.preferred_name,
        Pupil.nc_year,
        type_coerce(Pupil.sen_status, String),  # its stored value: looked up once per value
        Pupil.looked_after,
    )
    if not include_left:
        query = query.where(col(Pupil.on_roll).is_(True))
    words = search.casefold().split()
    if year is not None:
        query = query.where(Pupil.nc_year == year)
    if sen_status is not None:
        query = query.where(Pupil.sen_status == sen_status)
    if looked_after is not None:
        query = query.where(Pupil.looked_after == looked_after)
    active = _active_providers(session)
    years: dict[int, str] = {}
    sen_labels: dict[str, tuple[SenStatus, str]] = {}
    rows = []
    # The core connection, not the ORM's result: plain tuples, no per-row ORM bookkeeping.
    for (
        pid,
        upn,
        forename,
        surname,
        preferred,
        nc_year,
        stored,
        looked_after_,
    ) in session.connection().execute(query):
        if words:
            haystack = " ".join((forename, surname, preferred, upn)).casefold()
            if not all(word in haystack for word in words):
                continue  # in Python, so that accented names match whatever the case
        providers = active.get(pid, [])
        if in_ap_now is not None and bool(providers) != in_ap_now:
            continue
        label = years.get(nc_year)
        if label is None:
            label = years[nc_year] = year_label(nc_year)
        sen_known = sen_labels.get(stored)
        if sen_known is None:
            status = SenStatus(stored)
            sen_known = sen_labels[stored] = (status, status.label)
        sen, sen_label = sen_known
        known_as = preferred or forename
        rows.append(
            (
                register_order(surname, known_as, forename),
                pid,
                PupilRow(
                    id=pid,
                    upn=upn,
                    name=display_name(forename, surname, preferred),  # sorted by surname
                    surname=surname,
                    forename=forename,
                    known_as=known_as,
                    year=nc_year,
                    year_label=label,
                    sen_status=sen,
                    sen_label=sen_label,
                    looked_after=looked_after_,
                    in_ap_now=bool(providers),
                    provider=", ".join(providers),
                ),
            )
        )
    # Sorted here, not by SQL: a sort in SQLite allocates per row, which the encrypted store's
    # memory security makes dear; casefold also orders accented names as people expect.
    rows.sort(key=itemgetter(0, 1))
    return [r[2] for r in rows]
