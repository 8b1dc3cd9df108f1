"""The Reviews page: every review and sustained-return follow-up that is due in the next two
weeks or overdue, most urgent first, with the way to hold or record each.

Listing what is due is a read: follow-ups a return has not stored yet are listed without an id
and stored when recorded, so opening the page writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.kinds import Kind
from apdesk.services.plan_rows import ReviewSetup, review_setup
from apdesk.services.plans.due_list import WINDOW_DAYS, DueRow, load_due
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.filters import narrow_reviews
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.review_followup import FollowUpDialog, FollowUpTask, follow_up_window
from apdesk.ui.plans.review_models import due_columns
from apdesk.ui.plans.tables import RowsTable
from apdesk.ui.plans.view import button, row
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.filter_banner import FilterBanner
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader

SORT_KEY = settings_keys.REVIEWS_SORT.name
# Reviews fall due from the placements' dates, the reviews held and the review interval;
# follow-ups from the placements that ended in a return and the checks recorded.
SHOWS = frozenset(
    {Kind.PLACEMENT, Kind.PUPIL, Kind.REVIEW, Kind.FOLLOW_UP, Kind.PLAN, Kind.SETTING}
)


class ReviewsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(_("Reviews"))
        self.dialog: QWidget | None = None
        self.header = PageHeader(_("Reviews"), _("Loading…"), self)
        self.summary = self.header.context  # "14 reviews overdue, 9 due in the next 14 days…"
        self.summary.set_caption(_("Summary"))
        self.table = RowsTable(
            _("Reviews and follow-ups due"), due_columns(self), self, fit=[0, 1, 2]
        )
        self.table.activated.connect(lambda _index: self.act())  # double-click and Enter
        self.table.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self._restore_sort()
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._remember_sort)
        self.open_button = button(_("&Open plan"), _("Open plan"), self)
        self.review_button = button(_("Hold &review…"), _("Hold review"), self, "Ctrl+R")
        self.review_tip = self.review_button.toolTip()  # while a review row is chosen
        self.follow_up_button = button(_("Record &follow-up…"), _("Record follow-up"), self)
        self.open_button.clicked.connect(self.open_plan)
        self.review_button.clicked.connect(self.hold_review)
        self.follow_up_button.clicked.connect(self.record_follow_up)
        self.banner = FilterBanner(_("Show all reviews and follow-ups"), self)
        self.banner.cleared.connect(self.clear_filter)
        self.from_home: dict[str, object] = {}  # the filter the home page opened it with
        self.rows: list[DueRow] = []
        self.read_for = date.today()  # the day the list was worked out for
        self.review_button.setIcon(icon("action.new"))
        self.review_button.setProperty("variant", "primary")
        self.open_button.setIcon(icon("action.open"))
        self.follow_up_button.setIcon(icon("action.edit"))
        self.header.add_widget(self.review_button)  # the page's main action; the rest act on a row
        self.empty = EmptyState(
            "state.success",
            _("Nothing due."),
            _("Reviews due within {days} days and follow-ups after a return show here.").format(
                days=WINDOW_DAYS
            ),
            parent=self,
        )
        self.switch = EmptySwitch(
            self.table,
            self.empty,
            self.table.model(),
            self,
            nothing=lambda: not self.rows and not self.from_home,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.switch, 1)
        layout.addLayout(row(self.open_button, self.follow_up_button))
        self.loader: Loader[list[DueRow]] = Loader(ctx, self._fetch, self.show_rows, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _changes: self.refresh())
        self._update_buttons()
        self.refresh()

    def _restore_sort(self) -> None:
        saved = str(self.ctx.settings.value(SORT_KEY, settings_keys.REVIEWS_SORT.default))
        column, _sep, order = saved.partition(",")
        if column.lstrip("-").isdigit() and order.isdigit():
            self.table.sortByColumn(int(column), Qt.SortOrder(int(order)))

    def _remember_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.ctx.settings.setValue(SORT_KEY, f"{column},{order.value}")

    def page_shown(self) -> None:
        """Not for data (the follower refreshes on a change) but for the day: what is due or
        overdue was worked out from the day it was read."""
        if date.today() != self.read_for:
            self.refresh()

    def refresh(self) -> None:
        self.read_for = date.today()
        self.loader.reload()

    def _fetch(self, session: Session) -> list[DueRow]:
        return load_due(session, self.read_for)

    def show_rows(self, rows: list[DueRow]) -> None:
        self.rows = rows
        self.table.set_rows(self._narrowed(rows))
        reviews = [r for r in rows if r.kind == "review"]
        overdue = sum(1 for r in reviews if r.overdue)
        follow_ups = len(rows) - len(reviews)
        self.summary.setText(
            _(
                "{overdue} reviews overdue, {due} due in the next {days} days; "
                "{follow_ups} follow-ups after a return to make."
            ).format(
                overdue=overdue, due=len(reviews) - overdue, days=WINDOW_DAYS, follow_ups=follow_ups
            )
        )
        self._update_buttons()

    def apply_filter(self, filters: dict[str, object]) -> None:
        """Narrow to `placement_ids` and/or a `state` ("overdue" or "due": reviews only)."""
        self.from_home = dict(filters)
        self.table.set_rows(self._narrowed(self.rows))
        self._update_buttons()

    def clear_filter(self) -> None:
        self.from_home = {}
        self.banner.hide()
        self.table.set_rows(self.rows)
        self._update_buttons()

    def _narrowed(self, rows: list[DueRow]) -> list[DueRow]:
        if not self.from_home:
            return rows
        rows, text = narrow_reviews(rows, self.from_home)
        self.banner.show_text(text)
        return rows

    def current(self) -> DueRow | None:
        item = self.table.current_row()
        return item if isinstance(item, DueRow) else None

    def _update_buttons(self) -> None:
        item = self.current()
        self.open_button.setEnabled(item is not None)
        can_review = item is not None and item.kind == "review"
        self.review_button.setEnabled(can_review)
        # A greyed button says why, so nobody wonders whether reviews can be held at all.
        tip = self.review_tip if can_review else _("Choose a review in the list first")
        self.review_button.setToolTip(tip)
        self.review_button.setStatusTip(tip)
        self.follow_up_button.setEnabled(item is not None and item.kind == "follow_up")

    def act(self) -> None:
        """Enter or double-click: hold the review, or record the follow-up."""
        item = self.current()
        if item is not None and item.kind == "review":
            self.hold_review()
        elif item is not None:
            self.record_follow_up()

    def _open(self, key: Hashable, make: Callable[[], QWidget]) -> None:
        """One window per record: an open review or follow-up is brought forward."""
        self.dialog = self.ctx.windows.show(key, make, delete_on_close=True)

    def hold_review(self) -> None:
        item = self.current()
        if item is None or item.kind != "review":
            return

        key = ("review", item.placement_id)
        if self.ctx.windows.get(key) is not None:  # one review form per placement
            self._open(key, lambda: QWidget())
            return

        def opened(setup: ReviewSetup) -> None:
            self._open(key, lambda: ReviewDialog(self.ctx, setup, self))

        self.ctx.query(review_setup, item.placement_id).success(opened).run()

    def record_follow_up(self) -> None:
        item = self.current()
        if item is None or item.kind != "follow_up":
            return
        task = FollowUpTask(
            item.follow_up_id, item.placement_id, item.pupil_name, item.weeks, item.due_on
        )
        key = follow_up_window(item.placement_id, item.weeks)
        self._open(key, lambda: FollowUpDialog(self.ctx, task, self))

    def open_plan(self) -> None:
        """Bring the Plans page forward on this placement, when inside the main window."""
        item = self.current()
        window = self.window()
        pages = getattr(window, "pages", {})
        specs = getattr(window, "specs", [])
        plans_page = pages.get("plans")
        if item is None or plans_page is None:
            return
        keys = [spec.key for spec in specs]
        window.sidebar.setCurrentRow(keys.index("plans"))  # type: ignore[attr-defined]
        plans_page.show_placement(item.placement_id)
