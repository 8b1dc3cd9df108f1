"""A pupil's weekly attendance across their placement, beside the AP cohort's: the register's
chart reads it in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from apdesk.models.figures import Figures
from apdesk.models.school_year import school_year_start
from apdesk.services.attendance.expected import load_patterns
from apdesk.services.attendance.statistics import weekly_figures

DEFAULT_WEEKS = 12
LONGEST = timedelta(weeks=52)


@dataclass(frozen=True)
class PupilWeeks:
    """Plain figures for the chart: the range, the pupil's weeks and the cohort's."""

    name: str
    start: date
    end: date
    pupil: list[tuple[date, Figures]]
    cohort: list[tuple[date, Figures]]


def pupil_weeks(
    session: Session, pupil_id: int, name: str, cohort_ids: list[int], today: date
) -> PupilWeeks:
    """The placement's weeks of this school year up to today (the last twelve weeks when it
    has no start yet): a placement begun in July is summed from 1 September, as every other
    year-to-date figure is, not across two school years."""
    patterns = load_patterns(session, today - LONGEST, today, [pupil_id])
    starts = [p.start for p in patterns]
    start = min(starts) if starts else today - timedelta(weeks=DEFAULT_WEEKS)
    ends = [p.end or today for p in patterns]
    end = min(max(ends), today) if ends else today
    start = max(start, end - LONGEST, school_year_start(end))
    return PupilWeeks(
        name,
        start,
        end,
        weekly_figures(session, start, end, [pupil_id]),
        weekly_figures(session, start, end, cohort_ids),
    )
