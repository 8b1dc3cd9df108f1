"""Small records for the plan tests: a pupil, a provider and a placement with real dates."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlmodel import Session

from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services.plans import TargetInput

START = date(2025, 1, 6)  # a Monday
END = date(2025, 4, 4)
_serial = itertools.count(1)


def make_pupil(session: Session, surname: str = "Example") -> Pupil:
    pupil = Pupil(
        upn=make_upn(855, 4001, 2020, next(_serial)),
        forename="Alex",
        surname=surname,
        dob=date(2012, 5, 1),
        nc_year=8,
    )
    session.add(pupil)
    session.flush()
    return pupil


def make_provider(session: Session) -> Provider:
    provider = Provider(name="Riverside Learning Centre")
    session.add(provider)
    session.flush()
    return provider


def make_placement(
    session: Session,
    pupil: Pupil | None = None,
    *,
    status: PlacementStatus = PlacementStatus.ACTIVE,
    start: date = START,
    end: date = END,
    outcome: PlacementOutcome | None = None,
    ended_on: date | None = None,
    referred_on: date | None = None,
    review_date: date | None = None,
) -> Placement:
    pupil = pupil or make_pupil(session)
    placement = Placement(
        pupil_id=pupil.id or 0,
        provider_id=make_provider(session).id or 0,
        status=status,
        start_date=start,
        end_date=end,
        referred_on=referred_on,
        started_on=start if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED) else None,
        ended_on=ended_on,
        outcome=outcome,
        review_date=review_date,
        exit_strategy="Phased return from week 6.",
    )
    session.add(placement)
    session.flush()
    return placement


def target(what: str = "Attend 90% of sessions", by: date = date(2025, 3, 28)) -> TargetInput:
    return TargetInput(
        what=what, measure="Provider's weekly returns", baseline="62%", target="90%", by_date=by
    )


def add_marks(session: Session, pupil: Pupil, day: date, codes: list[str]) -> None:
    """One mark per session from `day`, morning then afternoon, one day after another."""
    from datetime import timedelta

    for i, code in enumerate(codes):
        session.add(
            AttendanceMark(
                pupil_id=pupil.id or 0,
                mark_date=day + timedelta(days=i // 2),
                session=AmPm.AM if i % 2 == 0 else AmPm.PM,
                code=code,
            )
        )
    session.flush()


def make_returned(session: Session, surname: str, weeks_ago: int = 7) -> Placement:
    """A placement that ended with a return to mainstream `weeks_ago` weeks ago, its follow-ups
    not yet stored."""
    returned = date.today() - timedelta(weeks=weeks_ago)
    return make_placement(
        session,
        make_pupil(session, surname),
        status=PlacementStatus.ENDED,
        start=returned - timedelta(weeks=12),
        end=returned,
        outcome=PlacementOutcome.RETURNED,
        ended_on=returned,
    )
