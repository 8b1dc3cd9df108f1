"""What the placement checks read, as light rows of plain columns.

The checks take a placement, its pupil and its provider. The editor hands them whole records;
the placements list reads only these columns, every placement with its pupil in one query and
the providers in another (no ORM rows, nothing read per placement).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, time
from typing import Any, Protocol

from sqlalchemy import Column, select
from sqlalchemy.sql import Select
from sqlmodel import Session, col

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import (
    Commissioner,
    DistanceBand,
    PlacementOutcome,
    PlacementStatus,
    RegistrationCode,
    RegistrationStatus,
    SenStatus,
)


class CheckedPlacement(Protocol):
    """The placement's fields the checks read (a `Placement`, or a `PlacementFacts`)."""

    id: int | None
    status: PlacementStatus
    category: str
    reasons: list[str]
    commissioner: Commissioner
    registration_code: RegistrationCode
    health_needs: str
    safety_info: str
    risk_assessment_date: date | None
    hours_per_week: float
    sessions: list[str]
    session_start: time | None
    session_end: time | None
    break_start: time | None
    break_end: time | None
    start_date: date | None
    started_on: date | None
    end_date: date | None
    learning_outcomes: str
    success_measures: str
    exit_strategy: str
    child_voice_date: date | None
    family_voice_date: date | None
    other_ap: str
    english_maths: bool
    review_date: date | None
    transport: str
    out_of_area: bool
    ehcp_attached: bool
    caseworker_told_on: date | None
    agreement_date: date | None
    la_told_on: date | None
    qa_override_reason: str
    off_site_direction: bool
    parent_notice_date: date | None
    la_notice_date: date | None
    reporting_to: str
    direction_days: int
    last_direction_review: date | None
    review_requested_on: date | None


class CheckedPupil(Protocol):
    sen_status: SenStatus
    looked_after: bool
    health_needs: str  # what the form prints when the placement records none
    safety_info: str


class OtherPlacement(Protocol):
    """What the part-time rule reads of the pupil's other placements."""

    id: int | None
    pupil_id: int
    status: PlacementStatus
    hours_per_week: float
    start_date: date | None
    end_date: date | None


class CheckedProvider(Protocol):
    address: str
    distance_band: DistanceBand
    registration: RegistrationStatus


@dataclass(slots=True)
class PlacementFacts:
    """A placement's checked fields and what its list row shows, read as columns."""

    id: int | None
    pupil_id: int
    provider_id: int
    outcome: PlacementOutcome | None
    status: PlacementStatus
    category: str
    reasons: list[str]
    commissioner: Commissioner
    registration_code: RegistrationCode
    health_needs: str
    safety_info: str
    risk_assessment_date: date | None
    hours_per_week: float
    sessions: list[str]
    session_start: time | None
    session_end: time | None
    break_start: time | None
    break_end: time | None
    start_date: date | None
    started_on: date | None
    end_date: date | None
    learning_outcomes: str
    success_measures: str
    exit_strategy: str
    child_voice_date: date | None
    family_voice_date: date | None
    other_ap: str
    english_maths: bool
    review_date: date | None
    transport: str
    out_of_area: bool
    ehcp_attached: bool
    caseworker_told_on: date | None
    agreement_date: date | None
    la_told_on: date | None
    qa_override_reason: str
    off_site_direction: bool
    parent_notice_date: date | None
    la_notice_date: date | None
    reporting_to: str
    direction_days: int
    last_direction_review: date | None
    review_requested_on: date | None


@dataclass(slots=True)
class PupilFacts:
    id: int
    forename: str
    surname: str
    preferred_name: str
    upn: str
    sen_status: SenStatus
    looked_after: bool
    health_needs: str
    safety_info: str

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.forename} {self.surname}"


@dataclass(slots=True)
class ProviderFacts:
    id: int
    name: str
    address: str
    distance_band: DistanceBand
    registration: RegistrationStatus
    insurance_expiry: date | None
    staff_checks_confirmed: bool


@dataclass(slots=True)
class Overlapping:
    """What the part-time rule reads of a pupil's other placements."""

    id: int | None
    pupil_id: int
    status: PlacementStatus
    hours_per_week: float
    start_date: date | None
    end_date: date | None


def _columns(model: Any, facts: type[Any]) -> list[Column[Any]]:
    table = model.__table__
    return [table.c[f.name] for f in fields(facts)]


PLACEMENT_COLUMNS = _columns(Placement, PlacementFacts)
PUPIL_COLUMNS = _columns(Pupil, PupilFacts)
PROVIDER_COLUMNS = _columns(Provider, ProviderFacts)
OVERLAP_COLUMNS = _columns(Placement, Overlapping)


def placements_query() -> Select[Any]:
    """Each placement's facts joined to its pupil's: filter it with `where`."""
    pupil = Pupil.__table__  # type: ignore[attr-defined]
    return select(*PLACEMENT_COLUMNS, *PUPIL_COLUMNS).join_from(
        Placement.__table__,  # type: ignore[attr-defined]
        pupil,
        pupil.c.id == Placement.__table__.c.pupil_id,  # type: ignore[attr-defined]
    )


def placement_facts(
    session: Session, query: Select[Any]
) -> list[tuple[PlacementFacts, PupilFacts]]:
    """The placements `placements_query()` (filtered) returns, each with its pupil."""
    split = len(PLACEMENT_COLUMNS)
    pupils: dict[int, PupilFacts] = {}
    out = []
    for row in session.connection().execute(query):
        pupil = pupils.get(row[split])
        if pupil is None:
            pupil = pupils[row[split]] = PupilFacts(*row[split:])
        out.append((PlacementFacts(*row[:split]), pupil))
    return out


def provider_facts(session: Session) -> dict[int, ProviderFacts]:
    rows = session.connection().execute(select(*PROVIDER_COLUMNS))
    return {row[0]: ProviderFacts(*row) for row in rows}


def overlapping(session: Session, pupil_id: int | None = None) -> dict[int, list[OtherPlacement]]:
    """Every placement's dates, hours and status by pupil (one pupil's when given)."""
    query = select(*OVERLAP_COLUMNS)
    if pupil_id is not None:
        query = query.where(col(Placement.pupil_id) == pupil_id)
    return by_pupil(Overlapping(*row) for row in session.connection().execute(query))


def by_pupil(placements: Iterable[OtherPlacement]) -> dict[int, list[OtherPlacement]]:
    out: dict[int, list[OtherPlacement]] = {}
    for placement in placements:
        out.setdefault(placement.pupil_id, []).append(placement)
    return out
