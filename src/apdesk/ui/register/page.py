"""The Attendance page: the week's register, and beside it the Today panel and the selected
pupil's chart as two tabs (together they left the day's list two rows on a laptop's screen).

Marks are typed straight into the grid (see view.py). Each one is written at once by an
operation on the worker; changing a recorded mark asks why, because the register keeps the
original. The page follows changes made anywhere to what it shows, and shows its own marks
as they are written. The home dashboard opens the page narrowed with `apply_filter`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget
from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services.attendance import RegisterGrid, register_grid
from apdesk.services.attendance.register import RegisterCell
from apdesk.services.operations.attendance import (
    MarkWritten,
    record_register_mark,
    redo_amendment,
    redo_first_mark,
    undo_amendment,
    undo_first_mark,
)
from apdesk.ui.core import settings_keys
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Loader
from apdesk.ui.register.amend import AmendDialog, Change
from apdesk.ui.register.bar import build_bar
from apdesk.ui.register.chart import RegisterChart
from apdesk.ui.register.export_dialog import ExportDialog
from apdesk.ui.register.import_dialog import ImportReturnDialog
from apdesk.ui.register.legend import CodeLegend
from apdesk.ui.register.model import RegisterModel
from apdesk.ui.register.today import TodayPanel
from apdesk.ui.register.undo import AmendCommand
from apdesk.ui.register.view import RegisterView
from apdesk.ui.register.words import half_text, provider_slip
from apdesk.ui.widgets.page_header import PAGE_MARGINS, PageHeader

SPLITTER_KEY = settings_keys.REGISTER_SPLITTER.name
SIDE_LEAST = 240  # the Today panel and the chart stay readable beside the week
SIDE_KEY = settings_keys.REGISTER_SIDE.name
# The grid: pupils and their names, placements (who is expected), providers, marks, closures.
SHOWS = frozenset({Kind.MARK, Kind.PLACEMENT, Kind.PUPIL, Kind.PROVIDER, Kind.CLOSURE})


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class RegisterPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.now: Callable[[], datetime] = datetime.now  # replaced in tests and screenshots
        self.monday = monday_of(self.now().date())
        self.focus_day: date | None = None
        self.focus_pupil: int | None = None  # whose row gets the focus once the week shows
        self.amend_dialog: AmendDialog | None = None
        self.legend: CodeLegend | None = None
        self.import_dialog: ImportReturnDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.chart_pupil: int | None = None
        self.undo_stack = QUndoStack(self)
        self.model = RegisterModel(self)
        self.view = RegisterView()
        self.view.setModel(self.model)
        self.view.code_typed.connect(self.enter_code)
        self.view.message.connect(self.say)
        self.view.legend_requested.connect(self.show_legend)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Register messages"))
        self.key = QLabel(
            _("Shaded with a corner notch: expected at a provider (· = not yet due)    "
              "? = mark missing    ✎ = amended\nF4: list the codes    Enter: next pupil    "
              "Delete never removes a mark (type over it to amend)")
        )  # fmt: skip
        self.key.setWordWrap(True)
        self.today = TodayPanel(ctx, lambda: self.now())
        self.today.pupil_chosen.connect(self.select_pupil)
        self.chart = RegisterChart(ctx)
        self.header = PageHeader(_("Attendance"), "…", self)
        self.bar = build_bar(self, self, self.header.context)  # the week shown: context line
        self.header.add_widget(self.bar.import_button)
        self.header.add_widget(self.bar.export_button)
        self.bar.search.textChanged.connect(self.model.set_search)
        self.bar.search.returnPressed.connect(self.view.setFocus)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.bar.search)  # above the grid: the bar is full already
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.key)
        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        self.side.addTab(self.today, _("Toda&y"))
        self.side.addTab(self.chart, _("Pupil's atten&dance"))
        self.side.setTabToolTip(0, _("Who is expected at a provider today, and late returns"))
        self.side.setTabToolTip(1, _("The chosen pupil's weekly attendance"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 0)  # a week has fixed columns: the side takes the rest
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.fitted = False  # sized to the week's columns once, unless the user has resized
        state = ctx.settings.value(SPLITTER_KEY)
        if state is not None:
            self.fitted = self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: self._save(self.splitter, SPLITTER_KEY))
        tab = ctx.settings.value(SIDE_KEY, settings_keys.REGISTER_SIDE.default)
        self.side.setCurrentIndex(int(str(tab)) if str(tab).isdigit() else 0)
        self.side.currentChanged.connect(lambda index: ctx.settings.setValue(SIDE_KEY, index))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.header)
        layout.addLayout(self.bar.layout)
        layout.addWidget(self.splitter, 1)
        self.setAccessibleName(_("Attendance"))
        self.asked = (self.monday, self.now().date())  # the week and day of the next read
        self.loader: Loader[RegisterGrid] = Loader(ctx, self._fetch, self._show_grid, self)
        # The page shows its own marks as they are written (skip_own); others' changes re-read.
        self.follower = ChangeFollower(
            self, ctx, SHOWS, lambda _changes: self.load_grid(), skip_own=True
        )
        self.refresh()

    # -- reading -----------------------------------------------------------------------
    def page_shown(self) -> None:
        """Records changed meanwhile are caught up by the followers; only the clock is
        checked here: a new day moves the missing marks and the Today panel."""
        if self.now().date() != self.asked[1]:
            self.load_grid()
            self._chart_as_of_now()
        self.today.refresh_if_time_moved()

    def refresh(self) -> None:
        """Read everything the page shows again (the week, Today, the chart)."""
        self.load_grid()
        self.today.refresh()
        if not self._chart_as_of_now():
            self.chart.reload()

    def _chart_as_of_now(self) -> bool:
        """Ask the chart again for its pupil if it was asked on another day: a placement still
        running reaches to today, so the weeks it shows move on with the clock."""
        asked, today = self.chart.asked, self.now().date()
        if asked is None or asked.today == today:
            return False
        self.chart.show_pupil(asked.pupil_id, asked.name, asked.cohort_ids, today)
        return True

    def load_grid(self) -> None:
        self.bar.set_week(self.monday)
        self.asked = (self.monday, self.now().date())
        self.loader.reload()

    def _fetch(self, session: Session) -> RegisterGrid:
        monday, today = self.asked
        return register_grid(session, monday, monday + timedelta(days=4), today=today)

    def _show_grid(self, grid: RegisterGrid) -> None:
        current = self.view.currentIndex()
        self.model.set_grid(grid)
        self.bar.set_filtered(self.model.filtered, self.model.rowCount())
        if not self.fitted and self.model.columnCount():
            self._fit()
        else:
            self._keep_week_visible()
        if self.focus_day is not None and self.focus_day in grid.days:
            am = grid.days.index(self.focus_day) * 2
            self.view.move_to(0, am + (1 if self.now().hour >= 12 else 0))
            self.focus_day = None
        elif not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.move_to(min(max(current.row(), 0), self.model.rowCount() - 1), 0)
        if self.focus_pupil is not None:  # a pupil's record asked for their row
            pupil_id, self.focus_pupil = self.focus_pupil, None
            self.select_pupil(pupil_id)

    def go_to_week(self, day: date) -> None:
        self.monday = monday_of(day)
        self.load_grid()

    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Narrow the page: {"day": ISO date, "status", "pupil_ids", "provider_ids"}."""
        day = filters.get("day")
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day)
            except ValueError:
                day = None
        if isinstance(day, date):
            self.monday, self.focus_day = monday_of(day), day
        self.today.set_status(str(filters.get("status") or ""))
        self.model.set_filters(filters.get("pupil_ids"), filters.get("provider_ids"))
        pupil_id = filters.get("pupil_id")
        self.focus_pupil = pupil_id if isinstance(pupil_id, int) else None
        self.say("")  # a line about a mark made before the jump would read as about this view
        self.load_grid()

    def show_all(self) -> None:
        self.model.set_filters(None, None)
        self.today.set_status("")
        self.bar.set_filtered(False, self.model.rowCount())

    # -- writing -----------------------------------------------------------------------
    def enter_code(self, index: QModelIndex, code: str) -> None:
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        day, half = self.model.slot(index.column())
        cell = self.model.cell_at(index)
        change = Change(row.pupil_id, row.name, day, half, cell.code, code)
        self.write(change, "", undoable=True, cell=cell)

    def write(
        self,
        change: Change,
        reason: str,
        undoable: bool = False,
        cell: RegisterCell | None = None,
    ) -> None:
        def done(written: MarkWritten) -> None:
            self._show_written(written)
            c = change
            if undoable and written.outcome == "amended":
                amended = Change(c.pupil_id, c.name, c.day, c.half, c.old, written.code)
                self.undo_stack.push(AmendCommand(amended, self.step))
            elif undoable and written.outcome == "created":  # a first mark: undone, kept
                first = Change(c.pupil_id, c.name, c.day, c.half, None, written.code)
                self.undo_stack.push(AmendCommand(first, self.step))
            slip = provider_slip(cell, c.name, written.code) if cell else ""
            if written.outcome == "created":
                self.say(_("{code} recorded for {name}, {half}.").format(
                    code=written.code, name=c.name, half=half_text(c.half)) + slip)  # fmt: skip
            elif written.outcome == "amended":
                text = _("{name} {half} amended from {old} to {new}; the original is kept.")
                half = half_text(c.half)
                said = text.format(name=c.name, half=half, old=c.old, new=written.code)
                self.say(said + slip)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError) and exc.field == "reason":
                self.ask_reason(change, undoable)
            else:
                self.say(describe_error(exc))

        c = change
        self.ctx.op(record_register_mark, c.pupil_id, c.day, c.half, c.new, reason).success(
            done
        ).failure(failed).source(self).run()

    def step(self, change: Change, undo: bool) -> None:
        """Undo (or redo) `change.old` -> `change.new` as a further amendment; a first mark
        (no old code) is taken back with a blank amendment, kept in the history."""
        c = change
        if c.old is None:
            first = undo_first_mark if undo else redo_first_mark
            run = self.ctx.op(first, c.pupil_id, c.day, c.half, c.new)
        else:
            operation = undo_amendment if undo else redo_amendment
            run = self.ctx.op(operation, c.pupil_id, c.day, c.half, c.old, c.new)

        def done(written: MarkWritten) -> None:
            self._show_written(written)
            if written.outcome == "withdrawn":
                text = _("Mark {code} for {name}, {day} {half}, undone. The register keeps a "
                         "record of the change.")  # fmt: skip
                day = format_date(c.day, "EEEE")
                self.say(text.format(code=c.new, name=c.name, day=day, half=half_text(c.half)))
                return
            text = (
                _("{name} {half} back to {code} (undone); every change is kept.")
                if undo
                else _("{name} {half} amended to {code} again (redone); every change is kept.")
            )
            self.say(text.format(name=c.name, half=half_text(c.half), code=written.code))

        def failed(exc: BaseException) -> None:
            # The record moved on since: this history no longer matches it.
            QTimer.singleShot(0, self.undo_stack.clear)
            self.say(
                (_("Not undone: {why}") if undo else _("Not redone: {why}")).format(
                    why=describe_error(exc)
                )
            )

        run.success(done).failure(failed).source(self).run()

    def _show_written(self, written: MarkWritten) -> None:
        if written.outcome == "withdrawn":  # a first mark undone: the cell is empty again
            self.model.update_cell(written.pupil_id, written.day, written.half, None, True)
            return
        self.model.update_cell(written.pupil_id, written.day, written.half, written.code,
                               written.outcome == "amended")  # fmt: skip

    def ask_reason(self, change: Change, undoable: bool) -> None:
        dialog = AmendDialog(change, self)
        dialog.accepted.connect(lambda: self.write(change, dialog.reason_text(), undoable))
        dialog.finished.connect(lambda _r: self.view.setFocus())
        self.amend_dialog = dialog
        dialog.open()

    # -- helpers -------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def show_legend(self) -> None:
        self.legend = CodeLegend(self)
        self.legend.chosen.connect(lambda code: self.enter_code(self.view.currentIndex(), code))
        self.legend.finished.connect(lambda _r: self.view.setFocus())
        self.legend.open()

    def open_import(self) -> None:
        self.import_dialog = ImportReturnDialog(self.ctx, self)
        self.import_dialog.open()

    def open_export(self) -> None:
        self.export_dialog = ExportDialog(self.ctx, self.monday, self.monday + timedelta(4), self)
        self.export_dialog.open()

    def select_pupil(self, pupil_id: int) -> None:
        for row, entry in enumerate(self.model.rows):
            if entry.pupil_id == pupil_id:
                column = max(self.view.currentIndex().column(), 0)
                self.view.move_to(row, column)
                self.view.setFocus()
                return

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        if row.pupil_id == self.chart_pupil:
            return
        self.chart_pupil = row.pupil_id
        cohort = [r.pupil_id for r in self.model.grid.rows]
        self.chart.show_pupil(row.pupil_id, row.name, cohort, self.now().date())

    def _fit(self) -> None:
        """Give the grid room for the whole week and the side the rest."""
        self.fitted = True
        self.view.fit_columns()
        wanted = self.view.week_width()
        total = max(self.splitter.width(), 900)
        side = max(total - wanted, self.side.minimumSizeHint().width(), SIDE_LEAST)
        self.splitter.setSizes([total - side, side])

    def _keep_week_visible(self) -> None:
        """A remembered split (made in another language, or on a wider window) that hides
        part of the week gives the grid back what the side can spare."""
        if not self.fitted or not self.model.columnCount():
            return
        self.view.fit_columns()
        left, side = self.splitter.sizes()
        short = self.view.week_width() - left
        spare = side - max(self.side.minimumSizeHint().width(), SIDE_LEAST)
        if short > 0 and spare > 0:
            give = min(short, spare)
            self.splitter.setSizes([left + give, side - give])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._keep_week_visible)  # once the splitter has its size

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._keep_week_visible)

    def _save(self, splitter: QSplitter, key: str) -> None:
        self.ctx.settings.setValue(key, splitter.saveState())
