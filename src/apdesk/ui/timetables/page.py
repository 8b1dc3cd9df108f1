"""Timetables: a pupil's hybrid timetable version by version, edited in a week grid with live
checks beside it, the mainstream share over time, the suggested next step, and the IAP group
view. Reads and operations run on the worker; the widgets only show plain rows. The page
follows changes made elsewhere, but never reloads over edits that are not saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.kinds import Kind
from apdesk.services.timetables import Check, check_grid
from apdesk.services.timetables.editor_data import (
    Catalogue,
    PupilChoice,
    PupilTimetables,
    VersionDoc,
    VersionRow,
    load_catalogue,
    load_pupil,
    load_pupils,
    load_version,
)
from apdesk.store.changes import Changes
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.follow import ChangeFollower, Latest, Loader
from apdesk.ui.theme.icons import icon
from apdesk.ui.timetables.actions import TimetableActions
from apdesk.ui.timetables.checks import ChecksPanel
from apdesk.ui.timetables.editor import TimetableEditor
from apdesk.ui.timetables.group import GroupViewPanel
from apdesk.ui.timetables.share_box import share_box
from apdesk.ui.timetables.versions import list_versions, point_at_version, row_of, versions_box
from apdesk.ui.timetables.widgets import buddy, name_controls
from apdesk.ui.widgets.choice_list import SEARCH_ROLE
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader
from apdesk.ui.widgets.unsaved import ask_then
from apdesk.ui.widgets.value_label import ValueLabel
from apdesk.ui.widgets.word_search import WordSearch

CHECK_DELAY_MS = 400
SPLIT_KEYS = tuple(key.name for key in settings_keys.TIMETABLES_SPLITS)
GRID_FIRST = 10_000  # the grid all the width the column beside it can spare
SIDE_WIDTH = 330  # the checks, versions and chart beside the grid
# Versions and their slots, the pupils and their placements (off-site slots name the
# provider), the groups, sessions and periods of the school's day, the reintegration goal.
SHOWS = frozenset(
    {
        Kind.TIMETABLE_VERSION,
        Kind.TIMETABLE_SLOT,
        Kind.TIMETABLE_STATE,
        Kind.PUPIL,
        Kind.PLACEMENT,
        Kind.PROVIDER,
        Kind.IAP_GROUP,
        Kind.IAP_ACTIVITY,
        Kind.PERIOD,
        Kind.REINTEGRATION_GOAL,
    }
)


def load_choices(session: Session) -> tuple[Catalogue, list[PupilChoice]]:
    """The page's menus in one read: the school's day and menus, and the pupils."""
    return load_catalogue(session), load_pupils(session)


class TimetablesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(_("Timetables"))
        self.catalogue: Catalogue | None = None
        self.pupils: list[PupilChoice] = []
        self.pupil: PupilTimetables | None = None
        self.doc: VersionDoc | None = None
        self.stale = False
        self.wanted: int | None = None  # the pupil asked for before the pupils were read
        self._check_generation = 0
        self.pupil_answer = Latest()  # the pupil and version last asked for are the ones shown
        self.version_answer = Latest()
        self._build()
        self.commands = TimetableActions(self, self)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_checks)
        self.editor.document.changed.connect(lambda _keys: self.check_timer.start())
        self.editor.document.stack.cleanChanged.connect(self._clean_changed)
        self.checks.slots_chosen.connect(self.editor.select_slots)
        self.loader: Loader[tuple[Catalogue, list[PupilChoice]]] = Loader(
            ctx, load_choices, self._show_choices, self
        )
        # Its own writes the page shows itself (the actions re-read the pupil they changed).
        self.follower = ChangeFollower(self, ctx, SHOWS, self._changed, skip_own=True)
        self.refresh()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        # Tab follows the order controls are made in, so they are made in screen order (Qt's
        # setTabOrder across the splitters here made Tab go round the grid and lists for ever):
        # the header's actions, left to right, first.
        self.header = PageHeader(
            _("Timetables"),
            _("Hybrid timetables, version by version: back to mainstream lessons step by step."),
            self,
        )
        self.print_button = QPushButton(icon("action.print"), _("&Print timetable…"), self)
        self.print_button.setAccessibleName(_("Print this timetable version"))
        self.new_button = QPushButton(icon("action.new"), _("&New timetable…"), self)
        self.new_button.setAccessibleName(_("New timetable for another pupil"))
        self.new_button.setProperty("variant", "primary")
        self.header.add_widget(self.print_button)
        self.header.add_widget(self.new_button)
        self.pupil_combo = QComboBox(self)
        self.pupil_combo.setAccessibleName(_("Pupil"))
        self.pupil_combo.setMinimumContentsLength(28)
        self.pupil_search = WordSearch(self.pupil_combo)  # either name, the UPN, any order
        self.pupil_combo.activated.connect(self._pupil_chosen)
        top = QHBoxLayout()
        top.addWidget(buddy(_("P&upil:"), self.pupil_combo))
        top.addWidget(self.pupil_combo, 1)
        top.addStretch(1)

        self.undo_button = QPushButton(_("Undo"), self)
        self.redo_button = QPushButton(_("Redo"), self)
        self.save_button = QPushButton(_("&Save"), self)
        self.save_button.setAccessibleName(_("Save this version"))
        self.save_new_button = QPushButton(_("Save as ne&xt version…"), self)
        self.editor = TimetableEditor(self)
        self.editor.status.connect(self._status)
        self.status_label = ValueLabel(_("Editor messages"), "", self)
        self.status_label.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.undo_button, self.redo_button, self.save_button, self.save_new_button):
            bar.addWidget(button)
        bar.addWidget(self.status_label, 1)
        editor_box = QWidget(self)
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.editor, 1)
        self.checks = ChecksPanel(self)

        listed = versions_box(self)
        self.versions = listed.versions
        self.accept_button, self.reject_button = listed.accept_button, listed.reject_button
        self.versions.currentItemChanged.connect(self._version_chosen)

        self.share = share_box(self)
        self.chart, self.chart_summary = self.share.chart, self.share.summary
        self.suggest_button = self.share.suggest_button

        # The week's grid has the page's whole height (all the periods of a day show on a
        # 1280x720 screen); the checks, the versions and the chart share the column beside it.
        self.split_side = QSplitter(Qt.Orientation.Vertical, self)
        for panel in (self.checks, listed.box, self.share.box):
            self.split_side.addWidget(panel)
        self.split_side.setSizes([150, 170, 260])
        self.split_grid = QSplitter(Qt.Orientation.Horizontal, self)
        self.split_grid.addWidget(editor_box)
        self.split_grid.addWidget(self.split_side)
        self.split_grid.setStretchFactor(0, 1)
        self.split_grid.setStretchFactor(1, 0)
        self.split_grid.setSizes([GRID_FIRST, SIDE_WIDTH])
        for split in self._splitters():
            split.setChildrenCollapsible(False)
        for key, split in zip(SPLIT_KEYS, self._splitters(), strict=True):
            state = self.ctx.settings.value(key)
            if state is not None:
                split.restoreState(state)
            split.splitterMoved.connect(lambda *_a, k=key, s=split: self._remember(k, s))

        pupil_tab = QWidget(self)
        layout = QVBoxLayout(pupil_tab)
        layout.addLayout(top)
        layout.addWidget(self.split_grid, 1)
        self.group_panel = GroupViewPanel(self.ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Timetable views"))
        self.tabs.addTab(pupil_tab, _("Pupil &timetable"))
        self.tabs.addTab(self.group_panel, _("G&roup view"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.addWidget(self.header)
        outer.addWidget(self.tabs)
        name_controls(self)

    def _splitters(self) -> tuple[QSplitter, QSplitter]:
        return (self.split_grid, self.split_side)

    def _remember(self, key: str, split: QSplitter) -> None:
        self.ctx.settings.setValue(key, split.saveState())

    def _status(self, text: str) -> None:
        self.status_label.setText(text)

    # -- loading -------------------------------------------------------------------
    def _changed(self, _changes: Changes) -> None:
        if self.editor.document.dirty:
            self.stale = True  # read again once the edits are saved or undone
            return
        self.refresh()

    def _clean_changed(self, clean: bool) -> None:
        if clean and self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.loader.reload()

    def _show_choices(self, choices: tuple[Catalogue, list[PupilChoice]]) -> None:
        catalogue, pupils = choices
        self._show_catalogue(catalogue)
        self.show_pupils(pupils)

    def _show_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.editor.set_structure(catalogue.structure)
        placements = self.pupil.placements if self.pupil else []
        self.editor.set_choices(catalogue.activities, placements, self._name_of(self.pupil))

    def _name_of(self, pupil: PupilTimetables | None) -> str:
        if pupil is None:
            return ""
        return next((p.name for p in self.pupils if p.id == pupil.pupil_id), "")

    def show_pupils(self, pupils: list[PupilChoice]) -> None:
        self.pupils = pupils
        chosen = self.pupil.pupil_id if self.pupil else None
        combo = self.pupil_combo
        combo.blockSignals(True)
        combo.clear()
        for p in pupils:
            if p.has_timetable:
                combo.addItem(f"{p.name} ({p.upn})", p.id)
                combo.setItemData(combo.count() - 1, p.search, SEARCH_ROLE)
        if combo.count() == 0:
            combo.setPlaceholderText(_("No timetables yet: use New timetable…"))
        combo.blockSignals(False)
        if self.wanted is not None and combo.findData(self.wanted) >= 0:
            chosen, self.wanted = self.wanted, None  # asked for from a pupil's record
        if chosen is None and combo.count():
            chosen = combo.itemData(0)
        if chosen is not None and combo.findData(chosen) >= 0:
            combo.setCurrentIndex(combo.findData(chosen))
            self.show_pupil(chosen)
        if self.wanted is not None:  # asked for, but no timetable yet
            self._show_wanted()
        self.commands.update_buttons()

    def apply_filter(self, filters: dict[str, object]) -> None:
        """`pupil_id`: show that pupil's timetable (a pupil's record links here)."""
        pupil_id = filters.get("pupil_id")
        if isinstance(pupil_id, int):
            self.tabs.setCurrentIndex(0)
            self.wanted = pupil_id
            if self.pupils:  # else once the pupils are read
                self._show_wanted()

    def _show_wanted(self) -> None:
        """A pupil with no timetable yet is told how to make one; unsaved edits are never
        dropped unasked."""
        pupil_id, self.wanted = self.wanted, None
        if pupil_id is None or (self.pupil is not None and self.pupil.pupil_id == pupil_id):
            return
        known = next((p for p in self.pupils if p.id == pupil_id), None)
        if known is None or not known.has_timetable:
            name = known.name if known is not None else _("This pupil")
            self.status_label.setText(
                _("{name} has no timetable yet: New timetable… makes one.").format(name=name)
            )
            self.new_button.setFocus()
            return

        def go() -> None:
            self.pupil_combo.setCurrentIndex(self.pupil_combo.findData(pupil_id))
            self.status_label.setText("")
            self.show_pupil(pupil_id)

        ask_then(self, self, go)

    def _pupil_chosen(self, index: int) -> None:
        pid = self.pupil_combo.itemData(index)
        if pid is not None and not ask_then(self, self, lambda: self.show_pupil(pid)):
            self._point_at_shown()  # Cancel: the pupil and the edits on screen stay

    def _point_at_shown(self) -> None:
        """The pupil box and the version list name what the grid shows again."""
        if self.pupil is not None:
            self.pupil_combo.blockSignals(True)
            self.pupil_combo.setCurrentIndex(self.pupil_combo.findData(self.pupil.pupil_id))
            self.pupil_combo.blockSignals(False)
        if self.doc is not None:
            point_at_version(self.versions, self.doc.version_id)

    def show_pupil(self, pupil_id: int, version_id: int | None = None) -> None:
        def show(data: PupilTimetables) -> None:
            self._show_pupil(data, version_id)

        self.ctx.query(load_pupil, pupil_id).success(self.pupil_answer.ask(show)).run()

    def _show_pupil(self, data: PupilTimetables, version_id: int | None) -> None:
        self.pupil = data
        if self.catalogue is not None:
            self.editor.set_choices(self.catalogue.activities, data.placements, self._name_of(data))
        self.share.show(data.chart)
        current = version_id
        if current is None and self.doc is not None and self.doc.draft.pupil_id == data.pupil_id:
            current = self.doc.version_id
        list_versions(self.versions, data.versions, current, date.today())
        self.commands.update_buttons()

    def _version_chosen(self, item: QListWidgetItem | None, previous: object = None) -> None:
        if item is None or self.pupil is None:
            return
        row: VersionRow = item.data(Qt.ItemDataRole.UserRole)
        same = self.doc is not None and self.doc.version_id == row.version_id
        if same and self.editor.document.dirty:
            self.commands.update_buttons()
            return
        pupil_id, show = self.pupil.pupil_id, self.version_answer.ask(self._show_version)
        if not ask_then(
            self, self, lambda: self.ctx.query(load_version, pupil_id, row).success(show).run()
        ):
            QTimer.singleShot(0, self._point_at_shown)  # once the click has chosen its row

    def _show_version(self, doc: VersionDoc) -> None:
        self.doc = doc
        self.editor.document.load(doc.grid)
        self.status_label.setText("")
        self.commands.update_buttons()
        self.run_checks()

    def selected_row(self) -> VersionRow | None:
        return row_of(self.versions.currentItem())

    # -- checks --------------------------------------------------------------------
    def run_checks(self) -> None:
        if self.doc is None or not self.ctx.is_unlocked:
            return
        self.check_timer.stop()
        self._check_generation += 1
        generation, draft = self._check_generation, self.doc.draft
        grid, structure = dict(self.editor.document.grid), self.editor.structure

        def done(checks: list[Check]) -> None:
            if generation == self._check_generation:
                self.checks.set_checks(checks)

        self.checks.set_checks(None)
        self.ctx.query(check_grid, draft, grid, structure).success(done).run()

    # -- edits not yet saved ---------------------------------------------------------
    def unsaved_input(self) -> str:
        if not self.editor.document.dirty or self.pupil is None:
            return ""
        return _("The timetable of {name}").format(name=self.pupil_combo.currentText())

    def save_input(self, then: Callable[[], None]) -> None:
        self.commands.save(then)

    def discard_input(self) -> None:
        self.editor.document.discard()
