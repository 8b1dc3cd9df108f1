"""The year planner view: days as small cells with a letter for each kind of closure."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from apdesk.i18n import _
from apdesk.ui.calendar.year_model import KIND_ROLE, LETTERS, YearModel

CELL = 27


class DayDelegate(QStyledItemDelegate):
    """Paints the day as usual, then the closure's letter small in the corner."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        letter = LETTERS.get(str(index.data(KIND_ROLE) or ""))
        if not letter:
            return
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.62, 6.0))
        font.setBold(True)
        painter.setFont(font)
        rect = option.rect.adjusted(0, 0, -2, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, letter)
        painter.restore()


class PlannerView(QTableView):
    """Enter edits or adds at the chosen day, Delete removes what shuts it."""

    day_activated = Signal(object)  # the date
    delete_requested = Signal(object)

    def __init__(self, model: YearModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.year_model = model
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(_("Year planner"))
        self.setAccessibleDescription(
            _(
                "Arrow keys move a day, Page Up and Page Down a month; Enter adds or edits, "
                "Delete removes"
            )
        )
        self.setShowGrid(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(CELL)
        header.setMinimumSectionSize(CELL - 5)
        header.setProperty("density", "compact")  # two letters fit a day's column
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(CELL - 6)
        self.activated.connect(self._activated)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Every day of the widest month in view without scrolling sideways, when it fits."""
        super().resizeEvent(event)
        room = self.viewport().width() // max(self.year_model.columnCount(), 1)
        self.horizontalHeader().setDefaultSectionSize(max(CELL - 5, min(room, CELL + 6)))

    def current_day(self) -> date | None:
        return self.year_model.day_at(self.currentIndex())

    def go_to(self, day: date) -> None:
        index = self.year_model.index_of(day)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        day = self.year_model.day_at(index)
        if day is not None:
            self.day_activated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.current_day()
        key = event.key()
        if day is not None and key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            months = day.year * 12 + day.month - 1 + (-1 if key == Qt.Key.Key_PageUp else 1)
            year, month = divmod(months, 12)
            last = monthrange(year, month + 1)[1]
            self.go_to(date(year, month + 1, min(day.day, last)))
            return
        if day is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(day)
            return
        if day is not None and key == Qt.Key.Key_Delete:
            self.delete_requested.emit(day)
            return
        super().keyPressEvent(event)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.current_day() is None:
            self._skip_blank(1 if key == Qt.Key.Key_Right else -1)

    def _skip_blank(self, step: int) -> None:
        """Blank cells at a month's ends are not days: move on to the next real day."""
        index = self.currentIndex()
        row, column = index.row(), index.column()
        for _step in range(80):
            column += step
            if column < 0:
                row, column = row - 1, self.year_model.columnCount() - 1
            elif column >= self.year_model.columnCount():
                row, column = row + 1, 0
            if not 0 <= row < self.year_model.rowCount():
                return
            candidate = self.year_model.index(row, column)
            if self.year_model.day_at(candidate) is not None:
                self.setCurrentIndex(candidate)
                return
