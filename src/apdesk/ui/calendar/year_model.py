"""A school year as a planner: one row per month (August to July), one column per weekday
position, each day coloured by what it is and marked with a letter, so the colour is never the
only cue. Arrow keys move a day, Page Up and Page Down a month."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from apdesk.i18n import N_, _, format_date
from apdesk.models.school import ClosureKind
from apdesk.services.school_calendar.year import CalendarYear

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 37  # a month starting on a Sunday with 31 days spans 37 weekday positions
DAY_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
SCHOOL_DAY, WEEKEND = "school", "weekend"
# A letter for each kind of day the school is shut, and its colour.
LETTERS = {
    ClosureKind.HOLIDAY.value: "H",
    ClosureKind.INSET.value: "I",
    ClosureKind.BANK_HOLIDAY.value: "B",
    ClosureKind.CLOSURE.value: "C",
    ClosureKind.UNEXPECTED.value: "U",
}
COLOURS = {
    ClosureKind.HOLIDAY.value: "#cfe3f7",
    ClosureKind.INSET.value: "#f9dd8c",
    ClosureKind.BANK_HOLIDAY.value: "#f5c6dc",
    ClosureKind.CLOSURE.value: "#ddd0f2",
    ClosureKind.UNEXPECTED.value: "#f6b9b0",
    WEEKEND: "#e6e6e6",
}
DAY_HEADERS = (N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su"))
KEY_TEXT = N_(
    "H school holiday   I INSET day   B bank holiday   C planned closure   "
    "U unexpected closure   grey: weekend"
)


def month_start(year: int, row: int) -> date:
    """Row 0 is August of `year`, row 11 July of the next year."""
    month = 8 + row
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


class YearModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.view: CalendarYear | None = None

    def set_year(self, view: CalendarYear) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else 12

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def day_at(self, index: Index) -> date | None:
        if self.view is None or not index.isValid():
            return None
        first = month_start(self.view.year, index.row())
        day = first + timedelta(days=index.column() - first.weekday())
        return day if day.month == first.month else None

    def index_of(self, day: date) -> QModelIndex:
        if self.view is None or not self.view.first <= day <= self.view.last:
            return QModelIndex()
        row = (day.month - 8) % 12
        first = month_start(self.view.year, row)
        return self.index(row, first.weekday() + day.day - 1)

    def kind_of(self, day: date) -> str:
        view = self.view
        if view is None:
            return SCHOOL_DAY
        if day.weekday() >= 5:
            return WEEKEND
        entry = view.entry_on(day)
        if entry is not None:
            return entry.kind
        if not view.calendar.is_school_day(day):
            return ClosureKind.HOLIDAY.value  # outside the terms
        return SCHOOL_DAY

    def describe(self, day: date) -> str:
        view = self.view
        text = format_date(day, "EEEE d MMMM y")
        if view is None:
            return text
        entry = view.entry_on(day)
        if day.weekday() >= 5:
            return text + " · " + _("weekend")
        if entry is not None:
            reason = f" ({entry.reason})" if entry.reason else ""
            return f"{text} · {entry.kind_label()}: {entry.label}{reason}"
        if not view.calendar.is_school_day(day):
            return text + " · " + _("outside the terms: a holiday")
        term = view.term_on(day)
        return (
            text
            + " · "
            + (_("school day, {term}").format(term=term.label) if term else _("school day"))
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        kind = self.kind_of(day)
        if role == KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.BackgroundRole and kind in COLOURS:
            return QColor(COLOURS[kind])
        if role == Qt.ItemDataRole.ForegroundRole and kind in COLOURS:
            return QColor("#1a1a1a")  # the light fills keep dark text readable in any theme
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(day)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.day_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(DAY_HEADERS[section % 7])
        if self.view is None:
            return None
        return format_date(month_start(self.view.year, section), "MMM y")
