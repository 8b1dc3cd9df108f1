"""The home dashboard's one read: the school and its counts, today's work, the LA's measures
and the trends, read together so the measures and the charts share one pass over placements.

A mark is the commonest change by far (a register of thirty pupils is sixty of them a day), and
it moves only today's work, the attendance measures and the attendance chart: read again after
marks alone, the dashboard keeps everything else from the read before (`after_marks`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, func, select

from apdesk.i18n import N_
from apdesk.models import Pupil
from apdesk.models.charts import Chart
from apdesk.services.attendance.expected import PlacementPattern, load_patterns
from apdesk.services.attendance.today import board_start
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.info import record_counts
from apdesk.services.measures.common import (
    Period,
    Started,
    get_national_rate,
    started_facts,
    year_to_date,
)
from apdesk.services.measures.measures import all_measures, mark_measures
from apdesk.services.measures.model import Measure
from apdesk.services.measures.today import TodayItem, todays_work
from apdesk.services.measures.trends import all_charts, attendance_trend
from apdesk.services.school import SchoolDetails, school_details

# (key in Overview.counts, caption)
FACTS = (
    ("pupils", N_("Pupils")),
    ("providers", N_("Providers")),
    ("active_placements", N_("Active placements")),
    ("placements", N_("Placements in all")),
)


@dataclass(frozen=True)
class Overview:
    school: SchoolDetails
    counts: dict[str, int]


@dataclass(frozen=True)
class Inputs:
    """What the parts are read from, kept for a read after marks alone: no mark moves them."""

    placements: Sequence[Started]
    calendar: SchoolCalendar
    patterns: list[PlacementPattern]


@dataclass(frozen=True)
class Dashboard:
    overview: Overview
    period: Period
    work: list[TodayItem]
    measures: list[Measure]
    charts: list[Chart]
    national: float | None
    inputs: Inputs | None = field(default=None, compare=False, repr=False)


def read_overview(session: Session) -> Overview:
    """Only the counts the page shows: counting every record (the marks run to millions) is
    for the store's info, not for the home page."""
    counts = record_counts(session, [key for key, _caption in FACTS])
    on_roll = select(func.count()).select_from(Pupil).where(col(Pupil.on_roll).is_(True))
    counts["pupils"] = int(session.exec(on_roll).one())  # leavers are not the school's pupils
    return Overview(school_details(session), counts)


def load_dashboard(
    session: Session, now: datetime, after_marks: Dashboard | None = None
) -> Dashboard:
    """Everything the home page shows, in one read. `after_marks` is a dashboard read earlier
    the same day, since which nothing but attendance marks changed (the caller knows from the
    change sets): its parts no mark moves are kept, the rest read again."""
    today = now.date()
    period = year_to_date(today)
    if after_marks is not None and after_marks.inputs is not None and after_marks.period == period:
        return _after_marks(session, now, after_marks, after_marks.inputs)
    # Read once, the measures and the charts share them: those the year's figures can count.
    placements = started_facts(session, period.start)
    # Read once, the year's attendance and the day's board share the placements' patterns.
    calendar = SchoolCalendar.load(session)
    first = min(period.start, board_start(calendar, today))
    patterns = load_patterns(session, first, today)
    return Dashboard(
        read_overview(session),
        period,
        todays_work(session, now, patterns, calendar),
        all_measures(session, period, today, placements, patterns),
        all_charts(session, period, today, placements),
        get_national_rate(session),
        Inputs(placements, calendar, patterns),
    )


def _after_marks(session: Session, now: datetime, before: Dashboard, inputs: Inputs) -> Dashboard:
    today, period = now.date(), before.period
    moved = mark_measures(session, period, today, inputs.placements, inputs.patterns)
    fresh = {m.name: m for m in moved}
    return Dashboard(
        before.overview,
        period,
        todays_work(session, now, inputs.patterns, inputs.calendar, after_marks=before.work),
        [fresh.get(m.name, m) for m in before.measures],
        [
            attendance_trend(session, period, today) if c.key == "attendance" else c
            for c in before.charts
        ],
        before.national,
        inputs,
    )
