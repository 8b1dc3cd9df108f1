"""The Plans page: choose a placement on the left, read and act on its plan on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, QModelIndex, QSortFilterProxyModel, Qt
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

from apdesk.i18n import N_, _
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.actions import PlanActions
from apdesk.ui.plans.data import PlacementChoice, PlanData, list_choices, load_plan
from apdesk.ui.plans.view import PlanView
from apdesk.ui.widgets.columns_model import ROW_ROLE, Column, RowsModel

SPLITTER_KEY = "plans/splitter"
CHOICE_COLUMNS: list[Column[PlacementChoice]] = [
    Column(N_("Placement"), lambda c: c.label, tooltip=lambda c: f"{c.label} ({c.upn})")
]


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
        self.empty = QLabel(_("Choose a placement to see its plan."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)
        self._connect_view()
        ctx.store_changed.connect(self.refresh)
        self.refresh()

    def _connect_view(self) -> None:
        view = self.view
        view.print_requested.connect(self.print_plan)
        view.review_requested.connect(self.hold_review)
        view.end_requested.connect(self.end_placement)
        view.add_target_requested.connect(lambda: self.edit_target(None))
        view.edit_target_requested.connect(self._edit_current_target)
        view.remove_target_requested.connect(self.remove_target)
        view.save_text_requested.connect(self.save_text)
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
    def page_shown(self) -> None:
        self.refresh()

    def refresh(self, _changed: object = None) -> None:
        if not self.ctx.is_unlocked:
            return
        self.ctx.read(lambda store: list_choices(store, date.today()), self._show_choices)
        if self.placement_id is not None:
            self._load(self.placement_id)

    def _show_choices(self, rows: list[PlacementChoice]) -> None:
        self.choices.set_rows(rows)
        self._select(self.placement_id)

    def _select(self, placement_id: int | None) -> None:
        for row, choice in enumerate(self.choices.rows):
            if choice.id == placement_id:
                index = self.filter.mapFromSource(self.choices.index(row, 0))
                if index.isValid():
                    self.list.setCurrentIndex(index)
                return

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        choice = current.data(ROW_ROLE) if current.isValid() else None
        if choice is not None and choice.id != self.placement_id:
            self.show_placement(choice.id)

    def show_placement(self, placement_id: int) -> None:
        """Open a placement's plan (also how the Reviews page sends people here)."""
        self.placement_id = placement_id
        self._select(placement_id)
        self._load(placement_id)

    def _load(self, placement_id: int) -> None:
        self.ctx.read(lambda store: load_plan(store, placement_id), self._show_plan)

    def _show_plan(self, data: PlanData) -> None:
        if data.placement_id != self.placement_id:
            return  # an older read finishing after the person moved on
        self.empty.hide()
        self.view.show()
        self.view.show_plan(data)

    # -- actions -----------------------------------------------------------------------
