"""The provider directory page: search as you type, QA state in words and icon, open to edit.

It follows changes to providers, their QA audits and concerns, and the placements that fill
their places, wherever they were made."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _, ngettext
from apdesk.models.kinds import Kind
from apdesk.services.providers import ProviderRow, list_providers
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.filters import narrow_providers
from apdesk.ui.providers.editor import ProviderEditor
from apdesk.ui.providers.find import FindProviderDialog
from apdesk.ui.providers.model import (
    APPROVAL,
    DELIVERY,
    NAME,
    QA,
    ROW_ROLE,
    SETTING,
    ProvidersFilter,
    ProvidersModel,
)
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.column_fit import fit_columns
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.filter_banner import FilterBanner
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader

HEADER_KEY = settings_keys.PROVIDERS_HEADER.name
# Long words wrap onto two lines at this width, so the name keeps its room.
WRAPPED, WRAP_WIDTH = (SETTING, APPROVAL, DELIVERY, QA), 150
ITEM_PADDING = 12  # pixels the style pads a cell with, beyond the text
FITTED_ROWS = 50
SHOWS = frozenset({Kind.PROVIDER, Kind.PROVIDER_AUDIT, Kind.QUALITY_CONCERN, Kind.PLACEMENT})


class ProvidersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: ProviderEditor | None = None
        self.finder: FindProviderDialog | None = None
        self.setAccessibleName(_("Providers"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search providers by name"))
        self.search.setAccessibleName(_("Search providers"))
        self.search.setClearButtonEnabled(True)
        self.model = ProvidersModel(self, self)
        self.proxy = ProvidersFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Provider directory"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.activated.connect(self._open_index)  # double-click and Enter: one signal
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.header = PageHeader(_("Providers"), "…", self)
        self.count = self.header.context  # "13 providers"
        self.new_button = QPushButton(icon("action.new"), _("&New provider"), self)
        self.new_button.setProperty("variant", "primary")
        self.new_button.setToolTip(_("Add a provider to the directory (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_provider)
        self.open_button = QPushButton(icon("action.open"), _("&Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.find_button = QPushButton(icon("action.search"), _("Fin&d a provider…"), self)
        self.find_button.setToolTip(_("Match a pupil's needs to providers, best first"))
        self.find_button.clicked.connect(self.find_provider)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_provider)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.open_button)
        self.header.add_widget(self.find_button)
        self.header.add_widget(self.new_button)
        self.empty = EmptyState(
            "empty.list",
            _("No providers yet."),
            _("Add the providers the school places pupils with, and their QA visits."),
            action=_("New provider…"),
            parent=self,
        )
        self.empty.button.clicked.connect(self.new_provider)
        self.switch = EmptySwitch(
            self.table, self.empty, self.model, self, nothing=lambda: not self.rows
        )
        self.banner = FilterBanner(_("Show all providers"), self)
        self.banner.cleared.connect(self.clear_filter)
        self.from_home: dict[str, object] = {}  # the filter the home page opened it with
        self.rows: list[ProviderRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.switch, 1)
        self.setTabOrder(self.search, self.table)
        saved = ctx.settings.value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)  # the sort; widths follow this language's words
        header.sectionResized.connect(self._remember_header)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.loader: Loader[list[ProviderRow]] = Loader(ctx, self._fetch, self._show, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, self.refresh)
        self.refresh()

    def refresh(self, _changes: object = None) -> None:
        self.loader.reload()

    @staticmethod
    def _fetch(session: Session) -> list[ProviderRow]:
        return list_providers(session, date.today())

    def _show(self, rows: list[ProviderRow]) -> None:
        self.rows = rows
        selected = self.selected_id()
        rows = self._narrowed(rows)
        self.model.set_rows(rows)
        self._fit_columns()
        self.count.setText(ngettext("{n} provider", "{n} providers", len(rows)).format(n=len(rows)))
        if selected is not None:
            self.select(selected)

    def _fit_columns(self) -> None:
        """Columns as wide as their heading and words in this language; the setting and the
        LA approval wrap, so the name keeps its room on a laptop."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(self.table, FITTED_ROWS)
        for column in range(header.count()):
            self.table.setColumnWidth(column, header.sectionSize(column) + ITEM_PADDING)
        for column in WRAPPED:
            least = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(
                column, max(least, min(WRAP_WIDTH, header.sectionSize(column)))
            )
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

    def apply_filter(self, filters: dict[str, object]) -> None:
        """Narrow to `provider_ids` and/or `qa` ("overdue": QA overdue, missing or failed;
        "failed": QA failed or missing, or approval suspended)."""
        self.from_home = dict(filters)
        self.search.clear()
        self._show(self.rows)

    def clear_filter(self) -> None:
        self.from_home = {}
        self.banner.hide()
        self._show(self.rows)

    def _narrowed(self, rows: list[ProviderRow]) -> list[ProviderRow]:
        if not self.from_home:
            return rows
        rows, text = narrow_providers(rows, self.from_home)
        self.banner.show_text(text)
        return rows

    def _remember_header(self) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: ProviderRow = index.data(ROW_ROLE)
        return row.id

    def select(self, provider_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, NAME)
            if index.data(ROW_ROLE).id == provider_id:
                self.table.setCurrentIndex(index)
                self.table.selectRow(r)
                return

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_provider(index.data(ROW_ROLE).id)

    def open_selected(self) -> None:
        provider_id = self.selected_id()
        if provider_id is not None:
            self.open_provider(provider_id)

    def new_provider(self) -> None:
        self.open_provider(None)

    def open_provider(self, provider_id: int | None) -> ProviderEditor:
        key = ("provider", "new" if provider_id is None else provider_id)
        self.editor = self.ctx.windows.show(
            key, lambda: ProviderEditor(self.ctx, provider_id, self)
        )
        return self.editor

    def find_provider(self) -> FindProviderDialog:
        self.finder = FindProviderDialog(self.ctx, self)
        self.finder.open_requested.connect(self.open_provider)
        self.finder.open()
        return self.finder
