"""The selected pupil's weekly attendance across their placement, beside the AP cohort's.

Drawn by the shared QPainter chart (no QtCharts); the figures are also written out in a
sentence under it, so nobody has to read them off the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from apdesk.i18n import _, format_date
from apdesk.models.charts import LINE, Chart, Series
from apdesk.services.attendance import Figures, cohort_figures, weekly_figures
from apdesk.services.attendance.expected import load_patterns
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.widgets.chart import ChartWidget

DEFAULT_WEEKS = 12


@dataclass
class PupilWeeks:
    """Plain figures for the chart: the range, the pupil's weeks and the cohort's."""

    name: str
    start: date
    end: date
    pupil: list[tuple[date, Figures]]
    cohort: list[tuple[date, Figures]]


def load_weeks(
    store: Store, pupil_id: int, name: str, cohort_ids: list[int], today: date
) -> PupilWeeks:
    """The placement's weeks up to today (the last twelve weeks when it has no start yet)."""
    with store.session() as s:
        patterns = load_patterns(s, today - timedelta(weeks=52), today, [pupil_id])
        starts = [p.start for p in patterns]
        start = min(starts) if starts else today - timedelta(weeks=DEFAULT_WEEKS)
        ends = [p.end or today for p in patterns]
        end = min(max(ends), today) if ends else today
        start = max(start, end - timedelta(weeks=52))
        return PupilWeeks(
            name,
            start,
            end,
            weekly_figures(s, start, end, [pupil_id]),
            weekly_figures(s, start, end, cohort_ids),
        )


def to_chart(weeks: PupilWeeks) -> Chart:
    def points(rows: list[tuple[date, Figures]]) -> list[tuple[date, float]]:
        return [(monday, f.rate) for monday, f in rows if f.rate is not None]

    return Chart(
        "register",
        _("Weekly attendance: {name}").format(name=weeks.name),
        _("Attendance"),
        [Series(weeks.name, points(weeks.pupil)), Series(_("AP cohort"), points(weeks.cohort))],
        kind=LINE,
        percent=True,
    )


def summary(weeks: PupilWeeks) -> str:
    pupil = cohort_figures(f for _m, f in weeks.pupil)
    cohort = cohort_figures(f for _m, f in weeks.cohort)
    if pupil.rate is None:
        return _("{name} has no marked sessions from {start} to {end}.").format(
            name=weeks.name, start=format_date(weeks.start), end=format_date(weeks.end)
        )
    text = _(
        "{name}: {rate:.0%} attendance from {start} to {end} ({attended} of {possible} "
        "sessions; {authorised} authorised and {unauthorised} unauthorised absences)."
    ).format(
        name=weeks.name,
        rate=pupil.rate,
        start=format_date(weeks.start),
        end=format_date(weeks.end),
        attended=pupil.attended,
        possible=pupil.possible,
        authorised=pupil.authorised,
        unauthorised=pupil.unauthorised,
    )
    if cohort.rate is not None:
        text += " " + _("The AP cohort: {rate:.0%}.").format(rate=cohort.rate)
    return text


class RegisterChart(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.weeks: PupilWeeks | None = None
        self.chart = ChartWidget()
        self.text = QLabel(_("Choose a pupil in the register to see their weekly attendance."))
        self.text.setWordWrap(True)
        self.text.setAccessibleName(_("Attendance summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.text)

    def show_pupil(self, pupil_id: int, name: str, cohort_ids: list[int], today: date) -> None:
        self.ctx.read(
            lambda store: load_weeks(store, pupil_id, name, cohort_ids, today), self.show_weeks
        )

    def show_weeks(self, weeks: PupilWeeks) -> None:
        self.weeks = weeks
        self.chart.set_chart(to_chart(weeks))
        self.text.setText(summary(weeks))
