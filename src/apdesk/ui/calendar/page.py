"""The school calendar: a year planner of terms and closures with the list of entries beside
it, edited with the keyboard (Enter adds or edits at the chosen day, Delete removes), imported
from the LA's file, with bank holidays offered, never added unasked. Every change says what it
did to expected sessions, review dates and notice deadlines."""

from __future__ import annotations

import itertools
from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from apdesk.i18n import N_, _, format_date, format_number, ngettext
from apdesk.models.kinds import Kind
from apdesk.models.school import ClosureKind
from apdesk.services.calendar import school_year_of
from apdesk.services.operations.calendar import CalendarChange, remove_calendar_entry
from apdesk.services.school_calendar import TERM, CalendarEntry
from apdesk.services.school_calendar.year import CalendarYear, calendar_year
from apdesk.ui.calendar.planner import PlannerView
from apdesk.ui.calendar.year_model import KEY_TEXT, YearModel
from apdesk.ui.core.context import AppContext, describe_error
from apdesk.ui.core.follow import ChangeFollower, Latest

SHOWS = frozenset({Kind.CLOSURE, Kind.TERM})
HEADERS = (
    N_("Kind"),
    N_("First day"),
    N_("Last day"),
    N_("School days"),
    N_("Label"),
    N_("Reason"),
)


class CalendarPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view_data: CalendarYear | None = None
        self.answer = Latest()
        self.dialog: QWidget | None = None
        self.setAccessibleName(_("School calendar"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(school_year_of(date.today()))
        self.year.setAccessibleName(_("School year starting in"))
        self.year.setToolTip(_("The school year starting in August of this year"))
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.year_label = QLabel(self)
        self.import_button = self._button(
            _("&Import term dates…"), _("Import term dates from a file")
        )
        self.import_button.clicked.connect(self.open_import)
        self.term_button = self._button(_("Add &term…"), _("Add a term"))
        self.term_button.clicked.connect(lambda: self.add_entry(TERM))
        self.closure_button = self._button(_("Add &closure…"), _("Add a closure or INSET day"))
        self.closure_button.clicked.connect(lambda: self.add_entry(ClosureKind.INSET.value))
        self.bank_button = self._button(_("&Bank holidays…"), _("Bank holidays to add"))
        self.bank_button.clicked.connect(self.open_bank_holidays)
        top = QHBoxLayout()
        year_caption = QLabel(_("School &year from:"), self)
        year_caption.setBuddy(self.year)
        self.year_label.setWordWrap(True)
        top.addWidget(year_caption)
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.import_button, self.term_button, self.closure_button, self.bank_button):
            top.addWidget(button)  # one line with the year: the list below keeps five rows
        self.model = YearModel()
        self.planner = PlannerView(self.model, self)
        self.planner.day_activated.connect(self.edit_day)
        self.planner.delete_requested.connect(self.remove_day)
        months = self.planner.verticalHeader().defaultSectionSize() * 12
        heading = self.planner.horizontalHeader().sizeHint().height()
        self.planner.setMinimumHeight(months + heading + 2 * self.planner.frameWidth() + 2)
        self.key = QLabel(_(KEY_TEXT), self)
        self.key.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setAccessibleName(_("Terms and closures"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.table.currentCellChanged.connect(self._row_changed)
        self.edit_button = self._button(_("&Edit…"), _("Edit the chosen entry"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = self._button(_("&Remove"), _("Remove the chosen entry"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What the last change did"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()  # shown with what a change did; until then the list has the room
        # The key and the list's own buttons share a line, so the terms and closures show
        # five rows below the year on a 1280x720 screen.
        keyed = QHBoxLayout()
        keyed.addWidget(self.key, 1)
        keyed.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignBottom)
        keyed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.year_label)  # what the year's terms make of its days
        layout.addWidget(self.planner)
        layout.addLayout(keyed)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        chain = (self.planner, self.edit_button, self.remove_button, self.table)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)  # Tab follows the eye: the buttons sit above
        self.follower = ChangeFollower(self, ctx, SHOWS, lambda _c: self.reload())
        self.reload()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    # -- reading -------------------------------------------------------------------
    def reload(self) -> None:
        if not self.ctx.is_unlocked:
            return
        self.ctx.query(calendar_year, self.year.value()).success(
            self.answer.ask(self.show_year)
        ).run()

    def _fetch(self, session: Session) -> CalendarYear:
        return calendar_year(session, self.year.value())

    def show_year(self, view: CalendarYear) -> None:
        day = self.planner.current_day()
        self.view_data = view
        self.model.set_year(view)
        terms = len(view.terms)
        self.year_label.setText(
            ngettext(
                "{title}: {days} school day", "{title}: {days} school days", view.school_days
            ).format(title=view.title, days=format_number(view.school_days))
            if terms
            else _("{title}: no terms set yet, so every weekday not closed counts").format(
                title=view.title
            )
        )
        self._fill_table(view)
        self.bank_button.setText(
            _("&Bank holidays ({n})…").format(n=len(view.suggestions))
            if view.suggestions
            else _("&Bank holidays…")
        )
        if day is not None and view.first <= day <= view.last:
            self.planner.go_to(day)
        elif not self.planner.currentIndex().isValid():
            today = date.today()
            self.planner.go_to(today if view.first <= today <= view.last else date(view.year, 9, 1))

    def entries(self) -> list[CalendarEntry]:
        view = self.view_data
        if view is None:
            return []
        rows = [t.entry for t in view.terms] + list(view.closures)
        return sorted(rows, key=lambda e: (e.first, e.kind != TERM, e.last))

    def _fill_table(self, view: CalendarYear) -> None:
        rows = self.entries()
        school_days = {t.entry.key: t.school_days for t in view.terms}
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            cells = (
                entry.kind_label(),
                format_date(entry.first, "EEE d MMM y"),
                format_date(entry.last, "EEE d MMM y"),
                str(school_days.get(entry.key, "")) if entry.is_term else "",
                entry.label,
                entry.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.key)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        has_rows = bool(rows)
        self.edit_button.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)

    def _row_changed(self, row: int, *_args: int) -> None:
        if not shiboken6.isValid(self.planner):  # the page is being torn down
            return
        rows = self.entries()
        if 0 <= row < len(rows) and self.table.hasFocus():
            self.planner.go_to(rows[row].first)

    # -- changing ------------------------------------------------------------------
    def add_entry(self, kind: str, day: date | None = None) -> QWidget:
        day = day or self.planner.current_day() or date.today()
        return self.open_entry(CalendarEntry(kind, day, day))

    def open_entry(self, entry: CalendarEntry) -> QWidget:
        from apdesk.ui.calendar.entry_dialog import EntryDialog

        key = ("calendar", entry.key or "new")

        def make() -> EntryDialog:
            dialog = EntryDialog(self.ctx, entry, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(self.show_change)
            return dialog

        self.dialog = self.ctx.windows.show(key, make)
        return self.dialog

    def edit_day(self, day: date) -> QWidget:
        """Enter on a day: edit what shuts the school that day, else add a closure there."""
        view = self.view_data
        found = view.entry_on(day) if view is not None else None
        if found is not None and found.key:
            return self.open_entry(found)
        return self.add_entry(ClosureKind.INSET.value, day)

    def selected_entry(self) -> CalendarEntry | None:
        rows = self.entries()
        row = self.table.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_entry(entry)

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.confirm_remove(entry)

    def remove_day(self, day: date) -> None:
        view = self.view_data
        found = view.entry_on(day) if view is not None else None
        if found is not None and found.key:
            self.confirm_remove(found)
        else:
            self.say(_("Nothing to remove on {day}.").format(day=format_date(day)))

    def confirm_remove(self, entry: CalendarEntry) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Remove from the calendar"))
        box.setText(
            _("Remove {kind} “{label}” ({first} to {last})?").format(
                kind=entry.kind_label(),
                label=entry.label,
                first=format_date(entry.first),
                last=format_date(entry.last),
            )
        )
        box.setInformativeText(
            _("Those days become school days again unless something else shuts the school.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(_("&Remove"))
        box.accepted.connect(lambda: self.remove(entry))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def remove(self, entry: CalendarEntry) -> None:
        self.ctx.op(remove_calendar_entry, entry.key, date.today()).success(
            self.show_change
        ).failure(lambda exc: self.say(describe_error(exc))).run()

    def open_import(self) -> QWidget:
        from apdesk.ui.calendar.import_dialog import ImportCalendarDialog

        def make() -> ImportCalendarDialog:
            dialog = ImportCalendarDialog(self.ctx, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.imported.connect(self.show_change)
            return dialog

        self.dialog = self.ctx.windows.show(("calendar", "import"), make)
        return self.dialog

    def open_bank_holidays(self) -> QWidget:
        from apdesk.ui.calendar.bank_holidays_dialog import BankHolidaysDialog

        suggestions = list(self.view_data.suggestions) if self.view_data else []

        def make() -> BankHolidaysDialog:
            dialog = BankHolidaysDialog(self.ctx, suggestions, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.added.connect(self.show_change)
            return dialog

        self.dialog = self.ctx.windows.show(("calendar", "bank-holidays"), make)
        return self.dialog

    def show_change(self, change: CalendarChange) -> None:
        details = change.impact.details()
        text = change.summary()
        if details:
            text += "\n" + "\n".join(details[:6])
            if len(details) > 6:
                text += "\n" + _("…and {n} more.").format(n=len(details) - 6)
        self.say(text)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setAccessibleDescription(text)
