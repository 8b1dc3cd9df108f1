"""The placements a termly report lists, as plain rows, with an anonymised form of each pupil."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from apdesk.models import Provider, Pupil
from apdesk.models.enums import SheffieldCategory
from apdesk.services.measures.common import Period, began, finished, in_period, started_placements
from apdesk.services.placement_rules import is_full_time


@dataclass(frozen=True)
class RosterRow:
    """One placement of the period, with the pupil's initials for the anonymised report."""

    placement_id: int
    pupil_name: str
    initials: str
    nc_year: int
    provider: str
    category: str
    start: date | None
    end: date | None
    hours: float
    full_time: bool
    outcome: str


def initials(forename: str, surname: str) -> str:
    return "".join(f"{part[0].upper()}." for part in (forename, surname) if part.strip())


def report_placements(session: Session, period: Period) -> list[RosterRow]:
    pupils = {p.id: p for p in session.exec(select(Pupil)).all()}
    providers = {p.id: p.name for p in session.exec(select(Provider)).all()}
    rows = []
    for p in started_placements(session):
        if not in_period(p, period):
            continue
        pupil = pupils[p.pupil_id]
        end = finished(p)
        rows.append(
            RosterRow(
                p.id or 0,
                pupil.display_name,
                initials(pupil.preferred_name or pupil.forename, pupil.surname),
                pupil.nc_year,
                providers.get(p.provider_id, ""),
                SheffieldCategory(p.category).label if p.category else "",
                began(p),
                end if end is not None and end <= period.end else None,
                p.hours_per_week,
                is_full_time(p),
                p.outcome.label if p.outcome and end and end <= period.end else "",
            )
        )
    return sorted(rows, key=lambda r: (r.start or date.min, r.placement_id))


@dataclass(frozen=True)
class BehindRow:
    """One placement behind a measure's figure, as the drill-down list shows it."""

    placement_id: int
    pupil_id: int
    pupil_name: str
    upn: str
    provider: str
    status: str
    start: date | None
    end: date | None


def rows_behind(session: Session, placement_ids: list[int], today: date) -> list[BehindRow]:
    """The placements behind a figure, by pupil name."""
    from apdesk.services.placement_lifecycle import list_placements

    wanted = set(placement_ids)
    rows = [
        BehindRow(
            r.id,
            r.pupil_id,
            r.pupil_name,
            r.upn,
            r.provider_name,
            r.status_label,
            r.start_date,
            r.end_date,
        )
        for r in list_placements(session, today)
        if r.id in wanted
    ]
    return sorted(rows, key=lambda r: (r.pupil_name, r.start or date.min))
