"""The placements page: every placement with its warnings count, filters, and the status moves.

Refer, start and end are operations, so each queues the LA's pack in the same transaction; the
page follows changes to what it shows, wherever they are made. The referral form and the
parents' letter are rendered on the worker and previewed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.enums import PlacementStatus
from apdesk.models.kinds import Kind
from apdesk.services.operations.placements import refer_placement, start_placement
from apdesk.services.placement_actions import Listing, placement_listing
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.services.placements import PlacementResult
from apdesk.store.operations import OperationFn
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.filters import narrow_placements
from apdesk.ui.placements.dialogs import DayDialog
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.placements.model import (
    END,
    PROVIDER,
    PUPIL,
    ROW_ROLE,
    SORT_ROLE,
    START,
    STATUS,
    PlacementSearch,
    PlacementsModel,
)
from apdesk.ui.placements.page_actions import page_actions
from apdesk.ui.placements.page_filters import PlacementFilters
from apdesk.ui.placements.print_actions import PrintMixin
from apdesk.ui.widgets.basics import BusyBar, ErrorLabel
from apdesk.ui.widgets.column_fit import fit_columns
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.filter_banner import FilterBanner
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader

SIZED_BY_ROWS = 200  # columns fit the widest of this many rows, not of every placement
HEADER_KEY = settings_keys.PLACEMENTS_HEADER.name
MAX_WIDTH = 240  # px: a long status or outcome is elided, its tooltip is not
STATUS_WIDTH = 150  # px: "Ended: Returned to mainstream school" elides; the provider reads whole
Mover = OperationFn[[int, date, date], PlacementResult]
# The rows, and what their warnings are checked against (QA, agencies, the school's calendar,
# the reviews held and scheduled).
SHOWS = frozenset(
    {
        Kind.PLACEMENT,
        Kind.PUPIL,
        Kind.PROVIDER,
        Kind.PROVIDER_AUDIT,
        Kind.QUALITY_CONCERN,
        Kind.AGENCY,
        Kind.REVIEW,
        Kind.CLOSURE,
        Kind.SCHOOL,
        Kind.SETTING,
    }
)


@dataclass(frozen=True)
class Asked:
    """The filters the store is asked for, read on the GUI thread before each load."""

    provider_id: int | None = None
    status: PlacementStatus | None = None


class PlacementsPage(PrintMixin, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: PlacementEditor | None = None
        self.end_dialog: EndPlacementDialog | None = None
        self.day_dialog: DayDialog | None = None
        self.setAccessibleName(_("Placements"))
        self.filters = PlacementFilters(self)
        self.status, self.provider = self.filters.status, self.filters.provider
        self.warnings_only, self.search = self.filters.warnings_only, self.filters.search
        for signal in (self.status.currentIndexChanged, self.provider.currentIndexChanged):
            signal.connect(lambda _i: self.refresh())
        self.warnings_only.toggled.connect(lambda _on: self._apply_rows())
        self.search.textChanged.connect(self._search)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.model = PlacementsModel(self, self)
        self.proxy = PlacementSearch(self)  # sorts 2,000 placements without freezing the window
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Placements"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._open_index)  # double-click and Enter: one signal
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROVIDER, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(SIZED_BY_ROWS)
        self.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)  # the running ones first
        # Every action is a button Tab reaches, its Alt+letter, and the table's context menu;
        # the common ones have a Ctrl shortcut.
        actions, self.buttons = page_actions(
            self,
            [
                (
                    "new",
                    "action.new",
                    _("&New placement"),
                    self.new_placement,
                    QKeySequence.StandardKey.New,
                ),
                ("open", "action.open", _("&Open"), self.open_selected, None),
                ("refer", "action.refer", _("&Refer…"), lambda: self.refer_selected(), None),
                ("start", "action.start", _("S&tart…"), lambda: self.start_selected(), None),
                ("end", "action.end", _("&End…"), self.end_selected, None),
                (
                    "referral",
                    "action.document",
                    _("Print referral for&m…"),
                    self.print_referral,
                    "Ctrl+P",
                ),
                ("letter", "action.letter", _("Print parents' &letter…"), self.print_letter, None),
            ],
            main="new",
        )
        self.buttons["new"].setToolTip(_("Plan a new placement (Ctrl+N)"))
        self.buttons["referral"].setToolTip(_("Preview, save or print the referral form (Ctrl+P)"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(list(self.buttons.values()))
        filters = self.filters.row()
        self.message = ErrorLabel(self)
        self.busy = BusyBar(self)
        self.header = PageHeader(_("Placements"), "…", self)
        self.new_button = self.header.add_action(self.buttons["new"], primary=True)
        self.count = self.header.context  # "77 placements"
        self.empty = EmptyState(
            "empty.list",
            _("No placements yet."),
            _("Plan a placement for a pupil: the provider, the days and the hours."),
            action=_("New placement…"),
            parent=self,
        )
        self.empty.button.clicked.connect(self.new_placement)
        self.switch = EmptySwitch(
            self.table,
            self.empty,
            self.model,
            self,
            nothing=lambda: not self.rows and self.asked == Asked() and not self.from_home,
        )
        self.banner = FilterBanner(_("Show all placements"), self)
        self.banner.cleared.connect(self.clear_filter)
        self.from_home: dict[str, object] = {}  # the filter the home page opened it with
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(filters)
        layout.addWidget(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.switch, 1)
        # Tab follows the screen: the header's main action, the filters, the actions above the
        # table, then the table.
        chain = [self.new_button, self.search, self.status, self.provider, self.warnings_only]
        chain += [actions.widgetForAction(a) for k, a in self.buttons.items() if k != "new"]
        chain.append(self.table)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.rows: list[PlacementRow] = []
        saved = ctx.settings.value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)
        self._sized = saved is not None
        header.sectionResized.connect(self._remember_header)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.asked = Asked()
        self.loader: Loader[Listing] = Loader(ctx, self._fetch, self._show, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _changes: self.refresh())
        self._enable()
        self.refresh()

    # -- listing -------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the rows again under the status and provider chosen now."""
        status = self.status.currentData() or None
        self.asked = Asked(
            int(self.provider.currentData() or 0) or None,
            PlacementStatus(status) if status else None,
        )
        self.loader.reload()

    def _fetch(self, session: Session) -> Listing:
        asked = self.asked
        return placement_listing(session, date.today(), asked.provider_id, asked.status)

    def _show(self, listing: Listing) -> None:
        self.rows = listing.rows
        self.filters.offer_providers(listing.providers)
        self._apply_rows()

    def _apply_rows(self) -> None:
        selected = self.selected_row()
        rows = [r for r in self.rows if r.warnings] if self.warnings_only.isChecked() else self.rows
        if self.from_home:
            rows, text = narrow_placements(rows, self.from_home)
            self.banner.show_text(text)
        self.model.set_rows(rows)
        if not self._sized and rows:
            fit_columns(self.table, SIZED_BY_ROWS)  # the table may be hidden: not every row
            # Sized by the first rows only: names and dates get room for longer ones than they
            # hold; a long outcome is elided (its tooltip is not), so the provider's name,
            # which takes what is left, reads whole.
            slack = self.table.fontMetrics().horizontalAdvance("MMM")
            for column in range(self.model.columnCount()):
                roomy = column in (PUPIL, START, END)
                width = self.table.columnWidth(column) + (slack if roomy else 0)
                cap = STATUS_WIDTH if column == STATUS else MAX_WIDTH
                self.table.setColumnWidth(column, min(width, cap))
            self._sized = True
        self._show_count()
        if selected is not None:
            self.select(selected.id)
        self._enable()

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            text = ngettext("{n} placement", "{n} placements", total).format(n=total)
        else:
            text = ngettext("{shown} of {n} placement", "{shown} of {n} placements", total).format(
                shown=shown, n=total
            )
        self.count.setText(text)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_count()
        self._enable()

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filter(self, filters: dict[str, object]) -> None:
        """Narrow to `placement_ids` and/or a `status`; the other filters are reset so every
        one of them shows."""
        self.from_home = dict(filters)
        self.search.clear()  # every placement it names shows, whatever was typed before
        self._reset_filters(str(filters.get("status") or ""))
        then, placement_id = filters.get("then"), filters.get("placement_id")
        if then == "extend" and isinstance(placement_id, int):  # Home's Today's work
            self.extend_placement(placement_id)
        elif then == "end" and isinstance(placement_id, int):
            self.end_placement(placement_id, str(filters.get("pupil_name") or ""))

    def extend_placement(self, placement_id: int) -> PlacementEditor:
        """The placement's editor at its end date: a later date there extends it."""
        editor = self.open_placement(placement_id)
        editor.focus_field("end_date")
        return editor

    def end_placement(self, placement_id: int, pupil_name: str) -> EndPlacementDialog:
        self.end_dialog = self.ctx.windows.show(
            ("end placement", placement_id),
            lambda: EndPlacementDialog(self.ctx, placement_id, pupil_name, self),
        )
        return self.end_dialog

    def clear_filter(self) -> None:
        self.from_home = {}
        self.banner.hide()
        self._reset_filters("")

    def _reset_filters(self, status: str) -> None:
        """Re-read only when the status or provider asked of the store changes."""
        if self.filters.reset(status):
            self.refresh()
        else:
            self._apply_rows()

    def _remember_header(self) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def selected_row(self) -> PlacementRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select(self, placement_id: int) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == placement_id), -1)
        shown = self.proxy.shown_row(row) if row >= 0 else -1
        if shown >= 0:
            self.table.setCurrentIndex(self.proxy.index(shown, PUPIL))
            self.table.selectRow(shown)

    def _enable(self) -> None:
        row = self.selected_row()
        status = row.status if row else None
        self.buttons["open"].setEnabled(row is not None)
        self.buttons["refer"].setEnabled(status == PlacementStatus.DRAFT)
        self.buttons["start"].setEnabled(status == PlacementStatus.REFERRED)
        self.buttons["end"].setEnabled(status == PlacementStatus.ACTIVE)
        self.buttons["referral"].setEnabled(row is not None)
        self.buttons["letter"].setEnabled(row is not None)

    # -- editing ---------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_placement(index.data(ROW_ROLE).id)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_placement(row.id)

    def new_placement(self) -> PlacementEditor:
        return self.open_placement(None)

    def open_placement(self, placement_id: int | None) -> PlacementEditor:
        key = ("placement", "new" if placement_id is None else placement_id)
        self.editor = self.ctx.windows.show(
            key, lambda: PlacementEditor(self.ctx, placement_id, parent=self)
        )
        return self.editor

    # -- status moves ------------------------------------------------------------------
    def refer_selected(self, on: date | None = None) -> None:
        self._move(refer_placement, _("Refer"), _("Referred on"), on)

    def start_selected(self, on: date | None = None) -> None:
        self._move(start_placement, _("Start"), _("Started on"), on)

    def _move(self, mover: Mover, title: str, prompt: str, on: date | None) -> None:
        row = self.selected_row()
        if row is None:
            return
        if on is None:  # ask for the day; the move is made when the dialog is accepted
            ask = self.day_dialog = DayDialog(title, prompt, date.today(), self)
            ask.accepted.connect(lambda: self._move(mover, title, prompt, ask.value()))
            ask.open()
            return
        self.message.show_message("")
        self.ctx.op(mover, row.id, on, date.today()).failure(self._failed).source(self).run()

    def end_selected(self) -> EndPlacementDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        self.end_dialog = self.ctx.windows.show(
            ("end placement", row.id),
            lambda: EndPlacementDialog(self.ctx, row.id, row.pupil_name, self),
        )
        return self.end_dialog

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.message.show_message(describe_error(exc))
