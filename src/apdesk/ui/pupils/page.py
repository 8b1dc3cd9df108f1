"""The pupil register: search as you type, filter, sort, and the chosen pupil's record beside it.

The list follows changes to pupils, placements and providers made anywhere (this page, another
page, another dialog); the record beside it follows its own kinds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _, ngettext
from apdesk.services.pupils import PupilRow, list_pupils
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.home.filters import narrow_pupils
from apdesk.ui.pupils.data import LIST_SHOWS, PupilView, load_pupil
from apdesk.ui.pupils.detail import PupilDetailPanel
from apdesk.ui.pupils.editor import PupilEditor
from apdesk.ui.pupils.filter_bar import PupilFilterBar
from apdesk.ui.pupils.import_dialog import ImportDialog
from apdesk.ui.pupils.jumps import jumps_menu
from apdesk.ui.pupils.model import ID_ROLE, PupilFilterProxy, PupilTableModel
from apdesk.ui.pupils.register_fit import RegisterFit
from apdesk.ui.theme import icons
from apdesk.ui.widgets.empty_state import EmptyState
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.filter_banner import FilterBanner
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader

HEADER_KEY, SPLITTER_KEY = settings_keys.PUPILS_HEADER.name, settings_keys.PUPILS_SPLITTER.name


class PupilsPage(QWidget):
    open_page = Signal(str, dict)  # page key, filter: a pupil's plan, register row, timetable

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: PupilEditor | None = None
        self.importer: ImportDialog | None = None
        self._want_id: int | None = None
        self._settling = False
        self.setAccessibleName(_("Pupils"))
        self.model = PupilTableModel(self)
        self.proxy = PupilFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_bar()
        self._build_table()
        self.detail = PupilDetailPanel(ctx, self)
        self.detail.edit_requested.connect(self.edit_pupil)
        self.placement_editor: QWidget | None = None
        jumps = self.detail.jumps
        jumps.place_requested.connect(self.place_pupil)
        jumps.placement_requested.connect(self.open_placement)
        jumps.page_requested.connect(self.open_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.fit = RegisterFit(self.table, self.splitter, self.detail, self)
        # A chosen pupil's record can need more width than the empty one: the split is worked
        # out again whenever a record is shown, not only when the window is resized. (A signal,
        # not an event filter on the record: a filter is called while the page is destroyed.)
        self.detail.shown.connect(self.fit.soon)
        self.empty = EmptyState(
            "empty.list",
            _("No pupils yet."),
            _("Import the school's roll from your MIS as a CSV file, or add pupils one by one."),
            action=_("Import pupils…"),
            parent=self,
        )
        self.empty.button.clicked.connect(self.import_pupils)
        self.switch = EmptySwitch(
            self.splitter, self.empty, self.model, self, nothing=lambda: not self.rows
        )
        self.banner = FilterBanner(_("Show all pupils"), self)
        self.banner.cleared.connect(self.clear_filter)
        self.from_home: dict[str, object] = {}  # the filter the home page opened it with
        self.rows: list[PupilRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.bar)
        layout.addWidget(self.switch, 1)
        self.setTabOrder(self.search, self.table)
        self._restore_state()
        # The whole register is read; search and filters narrow it on the GUI thread.
        self.loader: Loader[list[PupilRow]] = Loader(ctx, list_pupils, self.show_rows, self)
        self.follower = ChangeFollower(self, ctx, LIST_SHOWS, self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------------
    def _build_bar(self) -> None:
        self.filters = PupilFilterBar(self._filter)
        self.search, self.bar = self.filters.search, self.filters.bar
        self.year_filter, self.sen_filter = self.filters.year, self.filters.sen
        self.ap_filter, self.la_filter = self.filters.in_ap, self.filters.looked_after
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.new_action = self._action(_("&New pupil…"), "Ctrl+N", icons.icon("action.new"))
        self.new_action.triggered.connect(self.new_pupil)
        self.import_action = self._action(_("&Import…"), "Ctrl+I", icons.icon("action.import"))
        self.import_action.triggered.connect(self.import_pupils)
        self.header = PageHeader(_("Pupils"), "…", self)
        self.header.add_action(self.import_action)
        self.header.add_action(self.new_action, primary=True)
        self.count = self.header.context  # the header's context line: "24 of 200 pupils"

    def _action(self, text: str, shortcut: str, icon: Any) -> QAction:
        action = QAction(icon, text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        self.addAction(action)
        return action

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName(_("Pupil register"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setAccessibleName(_("Columns: click to sort"))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sortIndicatorChanged.connect(self._save_state)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    # -- settings ------------------------------------------------------------------
    def _restore_state(self) -> None:
        header = self.ctx.settings.value(HEADER_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)  # the sort
        self.fit.fit()
        splitter = self.ctx.settings.value(SPLITTER_KEY)
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([700, 360])
        self.splitter.splitterMoved.connect(self._save_state)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit.soon()  # once the splitter has its size

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit.soon()

    def _save_state(self, *_args: object) -> None:
        self.ctx.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())

    # -- data ----------------------------------------------------------------------
    def refresh(self, _changed: object = None) -> None:
        self.loader.reload()

    def show_rows(self, rows: list[PupilRow]) -> None:
        keep = self._want_id if self._want_id is not None else self.current_id()
        self._want_id = None
        self.rows = rows
        if self.from_home:
            rows, text = narrow_pupils(rows, self.from_home)
            self.banner.show_text(text)
        self._settling = True  # the reset moves the current row: not a person's choice
        try:
            self.model.set_rows(rows)
            shown = keep is not None and self.select_pupil(keep)
        finally:
            self._settling = False
        self._update_count()
        self.fit.fit()
        wanted = keep if shown else None
        if wanted != self.detail.pupil_id:
            self.detail.load(wanted)  # the same pupil's record follows its own changes

    def apply_filter(self, filters: dict[str, object]) -> None:
        """Narrow to `pupil_ids`; search and the other filters are reset so all of them show."""
        self.from_home = dict(filters)
        self.filters.reset()
        self.show_rows(self.rows)

    def clear_filter(self) -> None:
        self.from_home = {}
        self.banner.hide()
        self.show_rows(self.rows)

    def _filter(self, **changes: Any) -> None:
        self.proxy.set_filter(**changes)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(
            ngettext("{shown} of {total} pupil", "{shown} of {total} pupils", total).format(
                shown=shown, total=total
            )
        )

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_pupil(self, pupil_id: int) -> bool:
        """Make the pupil the current row, if they are shown; True when they were."""
        row = self.model.row_of(pupil_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pupil_id = current.data(ID_ROLE) if current.isValid() else None
        if not self._settling and pupil_id != self.detail.pupil_id:
            self.detail.load(pupil_id)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- dialogs -------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_pupil(index.data(ID_ROLE))

    def new_pupil(self) -> PupilEditor:
        open_now = self.ctx.windows.get(("pupil", "new"))
        if isinstance(open_now, PupilEditor):
            return self.ctx.windows.show(("pupil", "new"), lambda: open_now)
        return self._open_editor(PupilEditor(self.ctx, parent=self))

    def edit_pupil(self, pupil_id: int) -> None:
        """Loads the current record first, so the editor never shows a stale copy; a pupil
        whose editor is open already gets that window brought forward."""
        open_now = self.ctx.windows.get(("pupil", pupil_id))
        if open_now is not None:
            self.ctx.windows.show(("pupil", pupil_id), lambda: open_now)
            return
        self.ctx.query(load_pupil, pupil_id).success(self._show_editor).run()

    def _show_editor(self, view: PupilView | None) -> None:
        if view is not None:  # None: removed meanwhile, and the list follows
            self._open_editor(PupilEditor(self.ctx, view.data, view.id, self))

    def _open_editor(self, editor: PupilEditor) -> PupilEditor:
        key = ("pupil", "new" if editor.pupil_id is None else editor.pupil_id)
        open_now = self.ctx.windows.get(key)
        if open_now is not None:  # two reads raced: keep the window already open
            editor.deleteLater()
            return self.ctx.windows.show(key, lambda: editor)
        self.editor = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._saved(editor.saved_id))
        editor.finished.connect(lambda _code: self._editor_gone(editor))
        return self.ctx.windows.show(key, lambda: editor)

    def _editor_gone(self, editor: PupilEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _saved(self, pupil_id: int | None) -> None:
        self._want_id = pupil_id  # the change follows at once and reloads the list

    # -- from a pupil to their other records ----------------------------------------
    def place_pupil(self, pupil_id: int) -> QWidget:
        """New placement with the pupil chosen (a New placement already open comes forward)."""
        from apdesk.ui.placements.editor import PlacementEditor

        self.placement_editor = self.ctx.windows.show(
            ("placement", "new"),
            lambda: PlacementEditor(self.ctx, None, pupil_id=pupil_id, parent=self),
        )
        return self.placement_editor

    def open_placement(self, placement_id: int) -> QWidget:
        """The placement's editor: the same window the Placements page opens for it."""
        from apdesk.ui.placements.editor import PlacementEditor

        self.placement_editor = self.ctx.windows.show(
            ("placement", placement_id),
            lambda: PlacementEditor(self.ctx, placement_id, parent=self),
        )
        return self.placement_editor

    def table_menu(self) -> QMenu:
        """Edit, then what the chosen pupil's record links to (the record beside the table)."""
        menu = jumps_menu(self)
        view = self.detail.view if self.detail.view is not None else None
        if view is None or view.id != self.current_id():
            view = None
        self.detail.jumps.fill(menu, view, self.detail.chosen_placement)
        pupil_id = self.current_id()
        if view is None and pupil_id is not None:  # their record is still on its way
            place = menu.addAction(_("&Place this pupil…"))
            place.triggered.connect(lambda: self.place_pupil(pupil_id))
        edit = QAction(_("&Edit…"), menu)
        edit.setEnabled(self.current_id() is not None)
        edit.triggered.connect(lambda: self._open_index(self.table.currentIndex()))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, edit)  # type: ignore[arg-type]
        return menu

    def _table_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        if index.isValid() and index.row() != self.table.currentIndex().row():
            self.table.setCurrentIndex(index)  # a right-click chooses the pupil it is on
        menu = self.table_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not index.isValid():
            current = self.table.currentIndex()
            at = self.table.visualRect(current).center() if current.isValid() else QPoint()
        menu.popup(self.table.viewport().mapToGlobal(at))

    def import_pupils(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code: self._importer_gone(dialog))
        self.importer = dialog
        dialog.open()
        return dialog

    def _importer_gone(self, dialog: ImportDialog) -> None:
        if self.importer is dialog:
            self.importer = None
