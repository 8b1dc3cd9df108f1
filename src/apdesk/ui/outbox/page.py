"""The Outbox page: every notification pack, where it is on its way to the LA, and what to fix.

A pack leaves the outbox only with the LA's receipt, so this page is where a person sees
that the LA has been told, and acts when it could not be. It follows every change to the outbox:
packs queued by any operation, and what each sending round did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.models.errors import ApdeskError
from apdesk.models.kinds import Kind
from apdesk.services.operations.outbox import retry_pack
from apdesk.sync import outbox
from apdesk.sync.outbox import OutboxRow
from apdesk.sync.pack import SUFFIX
from apdesk.sync.verify import PackError
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.filters import narrow_packs
from apdesk.ui.outbox.contents import PackContentsDialog
from apdesk.ui.outbox.filters import StatusButtons
from apdesk.ui.outbox.model import (
    CREATED,
    PROBLEM,
    ROW_ROLE,
    OutboxModel,
    StatusFilter,
    problem_text,
    receipt_detail,
    when,
)
from apdesk.ui.outbox.no_connection import send_or_explain
from apdesk.ui.outbox.sync_controller import SyncController
from apdesk.ui.outbox.sync_state import SyncState
from apdesk.ui.theme.icons import icon
from apdesk.ui.widgets.basics import ErrorLabel
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.filter_banner import FilterBanner
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.value_label import ValueLabel

if TYPE_CHECKING:
    from apdesk.sync.overview import PackOverview

HEADER_KEY, SAVE_DIR_KEY = settings_keys.OUTBOX_HEADER.name, settings_keys.OUTBOX_SAVE_DIR.name
RETRYABLE = frozenset({"queued", "attention"})
SHOWS = frozenset({Kind.OUTBOX, Kind.PLACEMENT, Kind.PUPIL})  # packs, with their pupil's name


class OutboxPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = SyncController.for_context(ctx)
        self.contents_dialog: PackContentsDialog | None = None
        self.setAccessibleName(_("Outbox"))
        self.header = PageHeader(_("Outbox"), "…", self)
        self.state_label = self.header.context  # "LA connection not set — 3 packs waiting"
        self.state_label.set_caption(_("Sending state"))
        self.send_button = QPushButton(icon("action.send"), _("&Send now"), self)
        self.send_button.setProperty("variant", "primary")
        self.send_button.setAccessibleName(_("Send every queued pack to the LA now"))
        self.send_button.setToolTip(_("Send every queued pack to the LA now (F5)"))
        self.send_button.clicked.connect(self.send_now)
        self.filters = StatusButtons(self)
        self.filters.changed.connect(self._filter)

        self.model = OutboxModel(self)
        self.proxy = StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.detail = ValueLabel(_("Selected pack"), "", self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)
        self.error = ErrorLabel(self)

        self.retry_button = QPushButton(icon("action.refresh"), _("&Retry now"), self)
        self.retry_button.setShortcut(QKeySequence("Ctrl+R"))
        self.retry_button.setAccessibleName(_("Retry the selected pack now"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.save_button = QPushButton(icon("action.save"), _("Save pack to &file…"), self)
        self.save_button.setAccessibleName(_("Save the selected pack to a file"))
        self.save_button.clicked.connect(self.save_selected)
        self.open_button = QPushButton(icon("action.show"), _("&Open contents…"), self)
        self.open_button.setAccessibleName(_("Open the selected pack's contents"))
        self.open_button.clicked.connect(self.open_selected)
        self.table.activated.connect(lambda _index: self.open_selected())

        self.header.add_widget(self.send_button)
        actions = QHBoxLayout()  # the filters, then what can be done with the selected pack
        actions.addWidget(self.filters, 1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.open_button)
        self.banner = FilterBanner(_("Show all packs"), self)
        self.banner.cleared.connect(self.clear_filter)
        self.from_home: dict[str, object] = {}
        self.rows: list[OutboxRow] = []
        self.empty = EmptyState(
            "page.outbox",
            _("Nothing to send."),
            _("A pack for the LA is made here when a placement is referred, started or ended."),
            parent=self,
        )
        self.switch = EmptySwitch(
            self.table,
            self.empty,
            self.model,
            self,
            nothing=lambda: not self.rows and not self.from_home,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.switch, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.error)
        QWidget.setTabOrder(self.filters.last_button(), self.table)
        QWidget.setTabOrder(self.table, self.retry_button)

        self.loader: Loader[list[OutboxRow]] = Loader(ctx, outbox.list_outbox, self.show_rows, self)
        self.follower = ChangeFollower(self, ctx, SHOWS, self.refresh)
        self.sync.state_changed.connect(self.show_state)
        self.show_state(self.sync.state)
        self._update_actions()
        self.refresh()

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(_("Notification packs"))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setAccessibleName(_("Columns"))
        header.setHighlightSections(False)
        table.sortByColumn(CREATED, Qt.SortOrder.DescendingOrder)
        saved = self.ctx.settings.value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)  # the sort kept; widths follow the text below
        # Short columns as wide as their words; what to fix takes the rest and wraps, so the
        # sentence is read in the table (an empty Delivered column no longer takes the width).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.sortIndicatorChanged.connect(self._save_header)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _save_header(self, *_args: object) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- data ------------------------------------------------------------------
    def refresh(self, _changed: object = None) -> None:
        self.loader.reload()

    def show_rows(self, rows: list[OutboxRow]) -> None:
        self.rows = rows
        rows = self._narrowed(rows)
        chosen = self.selected()
        self.model.set_rows(rows)
        self.filters.set_counts(rows)
        if chosen is not None:
            self.select(chosen.pack_id)
        self._selection_changed()
        self.show_state(self.sync.state)

    def apply_filter(self, filters: dict[str, object]) -> None:
        """Narrow to `pack_ids` and/or a `status` ("waiting": every pack not yet delivered)."""
        self.from_home = dict(filters)
        self.filters.choose("all")
        self.show_rows(self.rows)

    def clear_filter(self) -> None:
        self.from_home = {}
        self.banner.hide()
        self.show_rows(self.rows)

    def _narrowed(self, rows: list[OutboxRow]) -> list[OutboxRow]:
        if not self.from_home:
            return rows
        rows, text = narrow_packs(rows, self.from_home)
        self.banner.show_text(text)
        return rows

    def show_state(self, state: SyncState) -> None:
        """The sending state in the header; between rounds (nothing to say yet), the packs."""
        n = len(self.rows)
        packs = ngettext("{n} pack in the outbox", "{n} packs in the outbox", n).format(n=n)
        self.state_label.setText(state.text or packs)
        self.state_label.setToolTip(state.detail)

    def _filter(self, statuses: frozenset[str]) -> None:
        self.proxy.set_statuses(statuses)
        self._selection_changed()

    # -- selection -------------------------------------------------------------
    def selected(self) -> OutboxRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, OutboxRow) else None

    def select(self, pack_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            found = index.data(ROW_ROLE)
            if isinstance(found, OutboxRow) and found.pack_id == pack_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self, *_args: QItemSelection | QModelIndex) -> None:
        row = self.selected()
        self.detail.setText(self._describe(row) if row is not None else "")
        self._update_actions()

    def _describe(self, row: OutboxRow) -> str:
        lines = [
            _("{kind} for {pupil} · {status} · pack {pack_id}").format(
                kind=_(row.kind_label),
                pupil=row.pupil_name or _("no pupil"),
                status=_(row.status_label),
                pack_id=row.pack_id,
            )
        ]
        problem = problem_text(row)
        if problem:
            lines.append(problem)
        if row.delivered_at is not None:
            lines.append(_("Delivered {when}.").format(when=when(row.delivered_at)))
            lines.append(receipt_detail(row))
        return "\n".join(lines)

    def _update_actions(self) -> None:
        row = self.selected()
        self.retry_button.setEnabled(row is not None and row.status in RETRYABLE)
        self.save_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)

    # -- actions ---------------------------------------------------------------
    def send_now(self) -> None:
        """Send every waiting pack; with no LA connection set up, say so and offer it."""
        self.error.show_message("")
        send_or_explain(self.ctx, self, self.sync.send_now)

    def retry_selected(self) -> None:
        row = self.selected()
        if row is None or row.status not in RETRYABLE:
            return
        self.error.show_message("")
        self.ctx.op(retry_pack, row.pack_id).success(lambda _id: self.sync.send_now()).failure(
            self._show_error
        ).run()

    def save_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        folder = str(self.ctx.settings.value(SAVE_DIR_KEY, str(Path.home())))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save notification pack"),
            str(Path(folder) / f"{row.pack_id}{SUFFIX}"),
            _("Notification packs (*{suffix})").format(suffix=SUFFIX),
        )
        if not path:
            return
        self.ctx.settings.setValue(SAVE_DIR_KEY, str(Path(path).parent))
        self.ctx.query(outbox.save_pack, row.pack_id, Path(path)).success(self._saved).failure(
            self._show_error
        ).run()

    def _saved(self, path: Path) -> None:
        self.error.show_message("")
        self.detail.setText(_("Saved the pack to {path}").format(path=path))

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        from apdesk.sync.overview import pack_overview  # the pack's crypto, loaded when asked

        self.ctx.query(pack_overview, row.pack_id).success(self._show_contents).failure(
            self._show_error
        ).run()

    def _show_contents(self, overview: PackOverview) -> None:
        if self.contents_dialog is not None:
            self.contents_dialog.close()
        self.contents_dialog = PackContentsDialog(overview, self)
        self.contents_dialog.open()

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            reason = exc.strerror or type(exc).__name__
            self.error.show_message(
                _("The pack could not be saved ({reason}): choose another folder.").format(
                    reason=reason
                )
            )
        elif isinstance(exc, ApdeskError | PackError):
            self.error.show_message(str(exc))
        else:
            self.error.show_message(describe_error(exc))
