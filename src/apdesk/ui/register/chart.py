"""The selected pupil's weekly attendance across their placement, beside the AP cohort's.

Drawn by the shared QPainter chart (no QtCharts); the figures are also written out in a
sentence under it, so nobody has to read them off the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlmodel import Session

from apdesk.i18n import _, format_date, format_number, format_percent
from apdesk.models.charts import LINE, Chart, Series
from apdesk.models.kinds import Kind
from apdesk.services.attendance import Figures, cohort_figures
from apdesk.services.attendance.pupil_weeks import PupilWeeks, pupil_weeks
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.register.settle import TYPED, settle_timer
from apdesk.ui.widgets.chart import ChartWidget
from apdesk.ui.widgets.value_label import ValueLabel

SHOWS = frozenset({Kind.MARK, Kind.PLACEMENT, Kind.PUPIL, Kind.CLOSURE})


@dataclass(frozen=True)
class Asked:
    """Whose weeks the chart shows: the pupil, their name, the cohort beside them, the day."""

    pupil_id: int
    name: str
    cohort_ids: list[int]
    today: date


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
        "{name}: {rate} attendance from {start} to {end} ({attended} of {possible} "
        "sessions; {authorised} authorised and {unauthorised} unauthorised absences)."
    ).format(
        name=weeks.name,
        rate=format_percent(pupil.rate),
        start=format_date(weeks.start),
        end=format_date(weeks.end),
        attended=format_number(pupil.attended),
        possible=format_number(pupil.possible),
        authorised=format_number(pupil.authorised),
        unauthorised=format_number(pupil.unauthorised),
    )
    if cohort.rate is not None:
        text += " " + _("The AP cohort: {rate}.").format(rate=format_percent(cohort.rate))
    return text


class RegisterChart(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.weeks: PupilWeeks | None = None
        self.asked: Asked | None = None
        self.stale = False  # asked for while hidden: read when shown
        self.chart = ChartWidget()
        self.text = ValueLabel(
            _("Attendance summary"),
            _("Choose a pupil in the register to see their weekly attendance."),
        )
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.text)
        self.loader: Loader[PupilWeeks | None] = Loader(ctx, self._fetch, self.show_weeks, self)
        self.settle = settle_timer(self, self.reload)
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed)

    def show_pupil(self, pupil_id: int, name: str, cohort_ids: list[int], today: date) -> None:
        self.asked = Asked(pupil_id, name, list(cohort_ids), today)
        self.reload()

    def reload(self) -> None:
        """Read the chosen pupil's weeks, or, while the chart's tab is not shown, remember to:
        moving through the register reads nothing nobody sees."""
        self.settle.stop()
        if self.asked is None:
            return
        self.stale = not self.isVisible()
        if not self.stale:
            self.loader.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def _changed(self, changes: Changes) -> None:
        if self.asked is None:
            return
        if changes.kinds() <= TYPED:
            self.settle.start()  # more marks may be coming: read when they pause
        else:
            self.reload()

    def _fetch(self, session: Session) -> PupilWeeks | None:
        asked = self.asked  # read once: the GUI thread may ask for another pupil meanwhile
        if asked is None:
            return None
        return pupil_weeks(session, asked.pupil_id, asked.name, asked.cohort_ids, asked.today)

    def show_weeks(self, weeks: PupilWeeks | None) -> None:
        if weeks is None:
            return
        self.weeks = weeks
        self.chart.set_chart(to_chart(weeks))
        self.text.setText(summary(weeks))
