"""The Plans page: choose a placement on the left, read and act on its plan on the right.

It follows changes to what it shows: a target saved in a dialog, a placement ended on the
Placements page or a review held from the Reviews page shows here within one refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QModelIndex, QSortFilterProxyModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import N_, _
from apdesk.models.kinds import Kind
from apdesk.services.plan_rows import PlacementChoice, PlanData, list_choices, load_plan
from apdesk.store.changes import Changes
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.plans.actions import PlanActions
from apdesk.ui.plans.view import PlanView
from apdesk.ui.widgets.columns_model import ROW_ROLE, Column, RowsModel
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.unsaved import ask_then

SPLITTER_KEY = settings_keys.PLANS_SPLITTER.name
CHOICE_COLUMNS: list[Column[PlacementChoice]] = [
    Column(N_("Placement"), lambda c: c.label, tooltip=lambda c: f"{c.label} ({c.upn})")
]
CHOICES_SHOW = frozenset({Kind.PLACEMENT, Kind.PUPIL, Kind.PROVIDER})
PLAN_SHOWS = CHOICES_SHOW | {
    Kind.PLAN,
    Kind.PLAN_TARGET,
    Kind.TARGET_PROGRESS,
    Kind.TRANSITION_STEP,
    Kind.AGENCY,
    Kind.VOICE,
    Kind.REVIEW,
    Kind.REVIEW_DETAIL,
    Kind.FOLLOW_UP,
    Kind.TIMETABLE_VERSION,
    Kind.SETTING,  # the review interval decides when the next review is due
}


class ChoiceFilter(QSortFilterProxyModel):
    """Matches the search against the pupil, UPN, provider and status."""

    words: list[str] = []

    def set_search(self, text: str) -> None:
        self.words = text.casefold().split()
        self.setFilterFixedString(text)  # refilters; the match itself is by words below

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        words = self.words
        choice = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if not words or choice is None:
            return True
        text = f"{choice.label} {choice.upn}".casefold()
        return all(word in text for word in words)


class PlansPage(PlanActions):
    open_page = Signal(str, dict)  # page key, filter: the empty page's way to Placements

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(_("Plans"))
        self.placement_id: int | None = None
        self.dialog: QWidget | None = None  # the dialog open now, for tests and screenshots
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search pupil, UPN or provider"))
        self.search.setAccessibleName(_("Search placements"))
        self.search.setClearButtonEnabled(True)
        for clear in self.search.findChildren(QToolButton):
            clear.setAccessibleName(_("Clear the search"))
        self.choices: RowsModel[PlacementChoice] = RowsModel(CHOICE_COLUMNS, self)
        self.filter = ChoiceFilter(self)
        self.filter.setSourceModel(self.choices)
        self.search.textChanged.connect(self._search)
        self.list = QListView(self)
        self.list.setModel(self.filter)
        self.list.setAccessibleName(_("Placements"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        # A trust's thousands of placements are measured a hundred per turn of the event loop
        # (each wrapped line has its own height), not all at once with the window frozen.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        chooser = QWidget(self)
        chooser_layout = QVBoxLayout(chooser)
        chooser_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("&Placements"), chooser)
        label.setBuddy(self.search)
        chooser_layout.addWidget(label)
        chooser_layout.addWidget(self.search)
        chooser_layout.addWidget(self.list, 1)
        self.view = PlanView(self)
        self.empty = EmptyState(
            "page.plans",
            _("Choose a placement to see its plan."),
            _("Search by pupil, UPN or provider; the plan opens here."),
            parent=self,
        )
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty)
        right_layout.addWidget(self.view, 1)
        self.view.hide()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(chooser)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(self._remember_splitter)
        self.header = PageHeader(
            _("Plans"),
            _("Each placement's plan: outcomes, targets, transition, agencies and voice."),
            self,
        )
        self.no_placements = EmptyState(
            "empty.list",
            _("No placements to plan yet."),
            _("A plan belongs to a placement: plan one on the Placements page first."),
            action=_("Go to Placements"),
            parent=self,
        )
        self.no_placements.button.clicked.connect(lambda: self.open_page.emit("placements", {}))
        self.switch = EmptySwitch(self.splitter, self.no_placements, self.choices, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.switch, 1)
        self._connect_view()
        self.choice_loader: Loader[list[PlacementChoice]] = Loader(
            ctx, self._fetch_choices, self._show_choices, self
        )
        self.plan_loader: Loader[PlanData | None] = Loader(
            ctx, self._fetch_plan, self._show_plan, self
        )
        self.follower = ChangeFollower(self, ctx, PLAN_SHOWS, self.refresh)
        self.refresh()

    def _connect_view(self) -> None:
        view = self.view
        view.print_requested.connect(self.print_plan)
        view.review_requested.connect(self.hold_review)
        view.end_requested.connect(self.end_placement)
        view.add_target_requested.connect(lambda: self.edit_target(None))
        view.edit_target_requested.connect(self._edit_current_target)
        view.remove_target_requested.connect(self.remove_target)
        view.save_text_requested.connect(lambda: self.save_text())
        view.follow_up_requested.connect(self.record_follow_up)
        view.add_step.clicked.connect(self.add_step)
        view.edit_step.clicked.connect(self._edit_current_step)
        view.remove_step.clicked.connect(self.remove_step)
        view.add_agency.clicked.connect(self.add_agency)
        view.remove_agency.clicked.connect(self.remove_agency)
        view.add_voice.clicked.connect(self.add_voice)
        view.print_review.clicked.connect(self.print_review)

    def _remember_splitter(self) -> None:
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    def _search(self, text: str) -> None:
        self.filter.set_search(text)

    # -- loading -----------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Read the list again if a placement, pupil or provider changed, and the plan shown."""
        if changes is None or changes.touches(CHOICES_SHOW):
            self.choice_loader.reload()
        if self.placement_id is not None:
            self.plan_loader.reload()

    def _fetch_choices(self, session: Session) -> list[PlacementChoice]:
        return list_choices(session, date.today())

    def _fetch_plan(self, session: Session) -> PlanData | None:
        placement_id = self.placement_id  # read once: the person may choose another meanwhile
        return None if placement_id is None else load_plan(session, placement_id)

    def _show_choices(self, rows: list[PlacementChoice]) -> None:
        self.choices.set_rows(rows)
        self._select(self.placement_id)

    def _select(self, placement_id: int | None, *, unhide: bool = False) -> None:
        """Highlight the plan shown in the list beside it. When a plan is opened (`unhide`),
        one the search hides brings the whole list back, so another pupil's line is never left
        highlighted beside it; a refresh while someone types leaves their search alone."""
        for row, choice in enumerate(self.choices.rows):
            if choice.id == placement_id:
                source = self.choices.index(row, 0)
                hidden = not self.filter.mapFromSource(source).isValid()
                if unhide and hidden and self.search.text():
                    self.search.clear()
                index = self.filter.mapFromSource(source)
                if index.isValid():
                    self.list.setCurrentIndex(index)
                return

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        choice = current.data(ROW_ROLE) if current.isValid() else None
        if choice is not None and choice.id != self.placement_id:
            self.show_placement(choice.id)

    def apply_filter(self, filters: dict[str, object]) -> None:
        """`placement_id`: show that placement's plan (a pupil's record links here)."""
        placement_id = filters.get("placement_id")
        if isinstance(placement_id, int):
            self.search.clear()  # so the placement shows in the list beside its plan
            self.show_placement(placement_id)

    def show_placement(self, placement_id: int) -> None:
        """Open a placement's plan (also how the Reviews page sends people here), asking first
        about exit and transition text typed for the plan shown and not saved."""
        if placement_id == self.placement_id:
            return
        if not ask_then(self, self, lambda: self._open_plan(placement_id)):
            # Cancel: the list goes back to the plan still on screen, once this choice is over.
            QTimer.singleShot(0, lambda: self._select(self.placement_id))

    def _open_plan(self, placement_id: int) -> None:
        self.placement_id = placement_id
        self._select(placement_id, unhide=True)
        self.plan_loader.reload()

    # -- typed text not yet saved (the exit and transition tab) ------------------------
    def unsaved_input(self) -> str:
        if not self.view.has_unsaved_text():
            return ""
        return _("The plan's exit and transition text ({placement})").format(
            placement=self.view.title.text()
        )

    def save_input(self, then: Callable[[], None]) -> None:
        self.save_text(then)

    def discard_input(self) -> None:
        self.view.discard_text()

    def _show_plan(self, data: PlanData | None) -> None:
        if data is None or data.placement_id != self.placement_id:
            return  # an older read finishing after the person moved on
        self.empty.hide()
        self.view.show()
        self.view.show_plan(data)

    # -- actions -----------------------------------------------------------------------
