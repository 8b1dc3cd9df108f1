"""What the measures share: the period they cover, which placements fall in it, and the
national attendance comparator the user sets (it is published yearly, so it is typed in)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Placement, Setting
from apdesk.models.enums import Commissioner, PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.school_year import school_year_start
from apdesk.services.placement_span import began_column, finished_column

NATIONAL_KEY = "measures.national_attendance"
STARTED = (PlacementStatus.ACTIVE, PlacementStatus.ENDED)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                _("To"), _("is before From"), _("choose an end date on or after the start date")
            )


def year_to_date(today: date) -> Period:
    """From 1 September of the current school year to today."""
    return Period(school_year_start(today), today)


@dataclass(frozen=True, slots=True)
class PlacementFacts:
    """What the home page's measures and charts read of a started placement. Read as plain
    columns: a whole ORM row also decodes JSON lists and some forty other columns."""

    id: int | None
    pupil_id: int
    provider_id: int
    status: PlacementStatus
    outcome: PlacementOutcome | None
    category: str
    commissioner: Commissioner
    hours_per_week: float
    learning_outcomes: str
    child_voice: str
    child_voice_date: date | None
    family_voice: str
    family_voice_date: date | None
    referred_on: date | None
    start_date: date | None
    started_on: date | None
    end_date: date | None
    ended_on: date | None


Started = Placement | PlacementFacts


def began(p: Started) -> date | None:
    return p.started_on or p.start_date


def finished(p: Started) -> date | None:
    """The day it ended, None while it runs (an active placement past its planned end still
    does); an ended placement with no date counts as ended on its planned end. The same rule
    as `placement_span.finished_column`."""
    if p.status is PlacementStatus.ENDED:
        return p.ended_on or p.end_date or began(p)
    return p.ended_on


def running_on(p: Started, day: date) -> bool:
    start, end = began(p), finished(p)
    return (
        p.status in STARTED and start is not None and start <= day and (end is None or end >= day)
    )


def in_period(p: Started, period: Period) -> bool:
    """A placement the pupil was in at some point in the period (started, not a draft)."""
    start, end = began(p), finished(p)
    return (
        p.status in STARTED
        and start is not None
        and start <= period.end
        and (end is None or end >= period.start)
    )


def started_placements(session: Session) -> list[Placement]:
    query = select(Placement).where(col(Placement.status).in_([s.value for s in STARTED]))
    return sorted(session.exec(query).all(), key=lambda p: p.id or 0)


def started_facts(session: Session, since: date | None = None) -> list[PlacementFacts]:
    """The placements of `started_placements`, in its order, as `PlacementFacts`; with
    `since`, only those that began on or after it or had not finished before it (`finished`
    worked out by SQLite), which is every placement a figure from `since` on can count."""
    columns = [getattr(Placement, f.name) for f in fields(PlacementFacts)]
    query = (
        select(*columns)
        .where(col(Placement.status).in_([s.value for s in STARTED]))
        .order_by(col(Placement.id))
    )
    if since is not None:
        began_on, done = began_column(), finished_column()
        query = query.where(or_(began_on >= since, done.is_(None), done >= since))
    return [PlacementFacts(*row) for row in session.connection().execute(query)]


def get_national_rate(session: Session) -> float | None:
    """The national attendance rate to compare with (0..1), or None if nobody has set it."""
    row = session.get(Setting, NATIONAL_KEY)
    try:
        value = float(row.value) if row and row.value else None
    except ValueError:
        return None
    return value if value is not None and 0 <= value <= 1 else None


def set_national_rate(session: Session, percent: float | str | None) -> float | None:
    """Store the comparator given as a percentage (e.g. 93.2); None or "" clears it."""
    row = session.get(Setting, NATIONAL_KEY) or Setting(key=NATIONAL_KEY)
    if percent is None or (isinstance(percent, str) and not percent.strip()):
        row.value = ""
        session.add(row)
        return None
    try:
        value = float(str(percent).strip().rstrip("%"))
    except ValueError:
        raise ValidationError(
            _("National attendance"), _("is not a number"), _("type a percentage such as 93.2")
        ) from None
    if not 0 <= value <= 100:
        raise ValidationError(
            _("National attendance"), _("is not between 0 and 100"), _("type a percentage")
        )
    row.value = f"{value / 100:.4f}"
    session.add(row)
    return value / 100
