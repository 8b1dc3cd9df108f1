"""The home dashboard: today's work first, then the LA's success measures, then the trends.

A coordinator should see in ten seconds what needs doing and how AP is going. Every row of
today's work and every measure opens the records behind it; the window does the switching
(`open_page(key, filter)`), so this page never needs to know how other pages are built.

The page follows changes: a mark typed in the register or a placement ended anywhere refreshes
it at once while it is shown, or once when it is next shown; a visit with nothing new reads
nothing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, format_date, format_number
from apdesk.models.kinds import Kind
from apdesk.services.attendance.today import AFTERNOON_FROM
from apdesk.services.measures import Measure, TodayItem
from apdesk.services.measures.dashboard import FACTS, Dashboard, Overview, load_dashboard
from apdesk.services.measures.roster import BehindRow, rows_behind
from apdesk.services.operations.settings import set_national_rate
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.behind import BehindDialog
from apdesk.ui.home.since_read import SinceRead
from apdesk.ui.home.tiles import MeasureGrid
from apdesk.ui.home.today import TodayList
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.chart import ChartPanel, ChartWidget
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.value_label import ValueLabel

# Everything the dashboard counts, measures or lists as work: pupils, providers and their QA,
# placements and their plans, reviews and follow-ups, the register, suspensions, the outbox,
# the school's calendar and settings, and the hybrid timetables the trends chart.
SHOWS = frozenset(
    {
        Kind.PUPIL,
        Kind.PROVIDER,
        Kind.PROVIDER_AUDIT,
        Kind.QUALITY_CONCERN,
        Kind.PLACEMENT,
        Kind.PLAN,
        Kind.PLAN_TARGET,
        Kind.TRANSITION_STEP,
        Kind.VOICE,
        Kind.REVIEW,
        Kind.FOLLOW_UP,
        Kind.MARK,
        Kind.CLOSURE,
        Kind.SUSPENSION,
        Kind.OUTBOX,
        Kind.SCHOOL,
        Kind.SETTING,
        Kind.TIMETABLE_VERSION,
        Kind.TIMETABLE_SLOT,
    }
)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "section")
    return label


class HomePage(QWidget):
    open_page = Signal(str, dict)  # page key, filter for that page's apply_filter()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = datetime.now  # replaced in tests to fix the day
        self.overview: Overview | None = None
        self.dashboard: Dashboard | None = None
        self.behind_dialog: BehindDialog | None = None
        self.early: Dashboard | None = None  # read before the widgets below were ready
        self.built = False
        self.asked_at = self.now()  # the moment the next read is for, taken on the GUI thread
        self.loader: Loader[Dashboard] = Loader(ctx, self._fetch, self._dashboard_read, self)
        self.since = SinceRead()  # after marks alone, a read keeps the parts no mark moves
        self.loader.started = self.since.asked
        self.refresh()  # first, so the worker reads while the widgets are built
        self.setAccessibleName(_("Home"))
        body = QWidget(self)
        # The school is the page's title; its identifiers are the context line. Both are read
        # with what they are: "School name: …", "School identifiers: URN …".
        self.header = PageHeader(_("Loading…"), "", body)
        self.school = self.header.title
        self.school.set_caption(_("School name"))
        self.identifiers = self.header.context
        self.identifiers.set_caption(_("School identifiers"))
        self.values: dict[str, QLabel] = {}
        facts = QHBoxLayout()
        facts.setSpacing(18)
        for key, caption in FACTS:
            facts.addLayout(self._fact(body, key, _(caption)))
        facts.addStretch(1)
        self.report_button = QPushButton(icon("action.report"), _("&Termly report…"), body)
        self.report_button.setAccessibleName(_("Make the termly report for governors and the LA"))
        self.report_button.clicked.connect(self.show_termly_report)
        self.census_button = QPushButton(icon("action.census"), _("&Census export…"), body)
        self.census_button.setAccessibleName(_("Export the school census AP placements"))
        self.census_button.clicked.connect(self.show_census)
        self.header.add_widget(self.report_button)
        self.header.add_widget(self.census_button)

        self.today = TodayList(body)
        self.today.open_item.connect(self.open_item)
        self.today.extend_placement.connect(self.extend_placement)
        self.today.end_placement.connect(self.end_placement)
        self.measures_heading = _heading(_("Success measures"), body)
        self.tiles = MeasureGrid(body)
        self.tiles.activated.connect(self.show_behind)
        self.national = QDoubleSpinBox(body)
        self.national.setRange(0, 100)
        self.national.setDecimals(1)
        self.national.setSuffix(" %")
        self.national.setSpecialValueText(_("not set"))
        self.national.setAccessibleName(_("National attendance rate to compare with"))
        self.national.lineEdit().setAccessibleName(self.national.accessibleName())
        self.national.setToolTip(_("The national attendance rate published by the DfE"))
        self.national.editingFinished.connect(self.save_national)
        national_label = QLabel(_("&National attendance:"), body)
        national_label.setBuddy(self.national)
        trends = QHBoxLayout()
        trends.addWidget(_heading(_("Trends this school year"), body))
        trends.addStretch(1)
        trends.addWidget(national_label)
        trends.addWidget(self.national)
        self.charts: list[ChartWidget] = []
        self.chart_panels: list[ChartPanel] = []  # each chart with its figures in words
        chart_grid = QGridLayout()
        chart_grid.setSpacing(16)
        for index in range(4):
            panel = ChartPanel(body)
            chart_grid.addWidget(panel, index // 2, index % 2)
            self.chart_panels.append(panel)
            self.charts.append(panel.chart_widget)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addLayout(facts)
        layout.addWidget(self._rule(body))
        layout.addWidget(_heading(_("Today's work"), body))
        layout.addWidget(self.today)
        layout.addWidget(self._rule(body))
        layout.addWidget(self.measures_heading)
        layout.addWidget(self.tiles)
        layout.addWidget(self._rule(body))
        layout.addLayout(trends)
        layout.addLayout(chart_grid)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        # Not a Tab stop of its own (a silent, nameless one): every control in it takes the
        # focus, and a control taking the focus is scrolled into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed)
        self.built = True
        if self.early is not None:
            self.show_dashboard(self.early)
            self.early = None

    @staticmethod
    def _rule(parent: QWidget) -> QFrame:
        rule = QFrame(parent)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        return rule

    def _fact(self, parent: QWidget, key: str, caption: str) -> QHBoxLayout:
        value = ValueLabel(caption, "…", parent)
        font = QFont(value.font())
        font.setBold(True)
        value.setFont(font)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(value)
        row.addWidget(QLabel(caption.lower(), parent))
        self.values[key] = value
        return row

    # -- loading -----------------------------------------------------------------
    @property
    def reading(self) -> bool:
        """A dashboard read is queued or running on the worker."""
        return self.loader.running

    def page_shown(self) -> None:
        """Not for data (the follower refreshes when a change touched it) but for the clock:
        today's work read yesterday, or before the afternoon began, is read again."""
        now, asked = self.now(), self.asked_at
        if now.date() != asked.date() or asked.time() < AFTERNOON_FROM <= now.time():
            self.refresh()

    def refresh(self) -> None:
        """Read the dashboard again; asked while a read runs, it makes one more read after it."""
        self.asked_at = self.now()
        self.loader.reload()

    def _changed(self, changes: Changes) -> None:
        self.since.note(changes)
        self.refresh()

    def _fetch(self, session: Session) -> Dashboard:
        """On the worker: the dashboard on screen is kept in part if only marks changed since
        (the read checks it is the same day's)."""
        shown = self.dashboard
        keep = shown if shown is not None and self.since.marks_only() else None
        return load_dashboard(session, self.asked_at, after_marks=keep)

    def _dashboard_read(self, dashboard: Dashboard) -> None:
        self.since.shown()
        if self.built:
            self.show_dashboard(dashboard)
        else:  # read at once by a runner that does not wait (as in tests): show it when built
            self.early = dashboard

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        school = overview.school
        self.header.set_title(school.name or _("School name not set yet"))
        parts = [
            _("URN {urn}").format(urn=school.urn) if school.urn else "",
            _("LA {code}").format(code=school.la_code) if school.la_code else "",
            _("Establishment {estab}").format(estab=school.estab) if school.estab else "",
        ]
        self.header.set_context(" · ".join(p for p in parts if p))
        for key, label in self.values.items():
            label.setText(format_number(overview.counts.get(key, 0)))

    def show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self.show_overview(dashboard.overview)
        self.today.set_items(dashboard.work)
        self.measures_heading.setText(
            _("Success measures, {start} to {end}").format(
                start=format_date(dashboard.period.start), end=format_date(dashboard.period.end)
            )
        )
        self.tiles.set_measures(dashboard.measures)
        for panel, chart in zip(self.chart_panels, dashboard.charts, strict=False):
            panel.set_chart(chart)
        self.national.blockSignals(True)
        self.national.setValue((dashboard.national or 0) * 100)
        self.national.blockSignals(False)

    # -- actions -----------------------------------------------------------------
    def open_item(self, item: TodayItem) -> None:
        self.open_page.emit(item.page, dict(item.filter))

    def extend_placement(self, placement_id: int) -> None:
        """Placements, narrowed to this one, with its editor open at the end date."""
        wanted = {"placement_ids": [placement_id], "then": "extend", "placement_id": placement_id}
        self.open_page.emit("placements", wanted)

    def end_placement(self, placement_id: int, pupil_name: str) -> None:
        """Placements, narrowed to this one, with End placement open."""
        self.open_page.emit(
            "placements",
            {
                "placement_ids": [placement_id],
                "then": "end",
                "placement_id": placement_id,
                "pupil_name": pupil_name,
            },
        )

    def show_behind(self, measure: Measure) -> None:
        ids = list(measure.placement_ids)
        self.ctx.query(rows_behind, ids, self.now().date()).success(
            lambda rows: self._open_behind(measure, rows)
        ).run()

    def _open_behind(self, measure: Measure, rows: list[BehindRow]) -> None:
        dialog = BehindDialog(measure, rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_page.connect(self.open_page)
        dialog.destroyed.connect(lambda: setattr(self, "behind_dialog", None))
        self.behind_dialog = dialog
        dialog.open()

    def save_national(self) -> None:
        value = self.national.value()
        current = (self.dashboard.national or 0) * 100 if self.dashboard else 0
        if abs(value - current) < 0.05:
            return
        self.ctx.op(set_national_rate, value if value > 0 else None).run()

    def show_termly_report(self) -> None:
        from apdesk.ui.home.dialogs import TermlyReportDialog  # with the PDF viewer: on use

        dialog = TermlyReportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_census(self) -> None:
        from apdesk.ui.home.dialogs import CensusDialog

        dialog = CensusDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
