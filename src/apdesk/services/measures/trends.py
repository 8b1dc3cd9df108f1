"""Time series for the dashboard's charts and the termly report, in plain data.

Both the Qt widgets and the PDF draw from these, so the screen and the paper agree. Weekly
points are Mondays; a week with nothing to count has no point (a gap, never a false zero).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from statistics import median

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import TimetableVersion
from apdesk.models.charts import BAR, Chart, Series
from apdesk.models.figures import Figures
from apdesk.services.attendance.tally import daily_figures
from apdesk.services.measures.common import (
    STARTED,
    Period,
    Started,
    began,
    finished,
    get_national_rate,
    started_placements,
)
from apdesk.services.timetables import share_history


def mondays(period: Period, today: date) -> list[date]:
    end = min(period.end, today)
    day = period.start - timedelta(days=period.start.weekday())
    out = []
    while day <= end:
        out.append(max(day, period.start))
        day += timedelta(days=7)
    return out


def pupils_over_time(
    session: Session, period: Period, today: date, placements: Sequence[Started] | None = None
) -> Chart:
    placements = started_placements(session) if placements is None else placements
    # `running_on` for each week, with each placement's dates read once rather than per week
    days = mondays(period, today)
    first, last = (days[0], days[-1]) if days else (date.max, date.min)
    # Only the placements that overlap the weeks shown: the others count on none of them.
    spans = [
        (p.pupil_id, start, end)
        for p in placements
        if p.status in STARTED
        and (start := began(p)) is not None
        and start <= last
        and ((end := finished(p)) is None or end >= first)
    ]

    def running(day: date) -> float:
        return float(len({pid for pid, start, end in spans if start <= day <= (end or day)}))

    points = [(day, running(day)) for day in days]
    return Chart("pupils", _("Pupils in AP"), _("pupils"), [Series(_("Pupils in AP"), points)])


def attendance_trend(session: Session, period: Period, today: date) -> Chart:
    end = min(period.end, today)
    ap: dict[date, Figures] = defaultdict(Figures)
    school: dict[date, Figures] = defaultdict(Figures)
    for day, provider, figures in daily_figures(session, period.start, end):
        week = day - timedelta(days=day.weekday())
        school[week].merge(figures)
        if provider:
            ap[week].merge(figures)

    def points(weeks: dict[date, Figures]) -> list[tuple[date, float]]:
        return [
            (max(w, period.start), f.rate) for w, f in sorted(weeks.items()) if f.rate is not None
        ]

    series = [
        Series(_("AP pupils at providers"), points(ap)),
        # Every pupil apdesk holds marks for: the whole school only where its registers are
        # imported, often just the pupils in AP; the name says which it is.
        Series(_("All pupils with marks"), points(school)),
    ]
    national = get_national_rate(session)
    days = mondays(period, today)
    if national is not None and days:
        series.append(Series(_("National"), [(days[0], national), (days[-1], national)]))
    return Chart("attendance", _("Attendance"), _("attendance"), series, percent=True)


def mainstream_share(session: Session, period: Period, today: date) -> Chart:
    """The average share of lessons in mainstream, over pupils with an IAP timetable in force."""
    pupil_ids = sorted(set(session.exec(select(TimetableVersion.pupil_id)).all()))
    histories = {pid: share_history(session, pid) for pid in pupil_ids}
    points = []
    for day in mondays(period, today):
        shares = []
        for rows in histories.values():
            in_force = [r for r in rows if r.effective_date <= day]
            if in_force:
                shares.append(in_force[-1].share.mainstream_share)
        if shares:
            points.append((day, sum(shares) / len(shares)))
    return Chart(
        "share",
        _("Time in mainstream lessons (pupils in internal AP)"),
        _("share of lessons"),
        [Series(_("Average mainstream share"), points)],
        percent=True,
    )


def referral_to_start(
    session: Session, period: Period, today: date, placements: Sequence[Started] | None = None
) -> Chart:
    """Median days from referral to start, by the month placements started."""
    by_month: dict[date, list[int]] = defaultdict(list)
    for p in started_placements(session) if placements is None else placements:
        start = began(p)
        if p.referred_on and start and period.start <= start <= min(period.end, today):
            by_month[start.replace(day=1)].append(max(0, (start - p.referred_on).days))
    points = [(max(m, period.start), float(median(v))) for m, v in sorted(by_month.items())]
    return Chart(
        "referral",
        _("Days from referral to start (median)"),
        _("days"),
        [Series(_("Median days"), points)],
        kind=BAR,
    )


def all_charts(
    session: Session, period: Period, today: date, placements: Sequence[Started] | None = None
) -> list[Chart]:
    """Every chart; `placements`, if given, are the started placements (`started_facts`)."""
    placements = started_placements(session) if placements is None else placements
    return [
        pupils_over_time(session, period, today, placements),
        attendance_trend(session, period, today),
        mainstream_share(session, period, today),
        referral_to_start(session, period, today, placements),
    ]
