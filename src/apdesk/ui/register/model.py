"""The register grid as a Qt table model: one row per AP pupil, an AM and a PM column per day.

Fed the plain `RegisterGrid` the attendance service builds; it never touches the store. Every
cue is given in text as well as colour: an expected session shows a dot (or its code), a
missing mark shows "?", an amended mark a pencil, and the tooltip says it all in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from apdesk.i18n import _, format_date
from apdesk.models.codes import meaning_words
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import RegisterCell, RegisterGrid
from apdesk.services.attendance.register import RegisterRow
from apdesk.ui.register.words import half_text

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the RegisterCell
PUPIL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
DAY_ROLE = Qt.ItemDataRole.UserRole + 3  # (date, AmPm) of the column
HALVES = (AmPm.AM, AmPm.PM)
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # made once: asked a cell
EXPECTED_DOT = "·"
MISSING_TEXT = "?"
AMENDED_MARK = "✎"

Index = QModelIndex | QPersistentModelIndex


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = RegisterGrid([], [], {})
        self.rows: list[RegisterRow] = []
        self.pupil_filter: set[int] | None = None
        self.provider_filter: set[int] | None = None
        self.search: list[str] = []  # words typed in the register's search box
        # Cells that showed a missing mark before one was typed: taking the mark back (undo)
        # shows them missing again, as they were, not as sessions not yet due.
        self.was_missing: set[tuple[int, date, AmPm]] = set()
        # A half-day's heading and its tooltip, worded once: the header asks for them at every
        # repaint and every fit of the columns, and dates in words are slow to make.
        self._headings: dict[tuple[date, AmPm, bool], str] = {}

    # -- feeding -----------------------------------------------------------------
    def set_grid(self, grid: RegisterGrid) -> None:
        """New figures; a plain data change when the rows and days are the same (keeps focus)."""
        rows = self._visible(grid)
        same = grid.days == self.grid.days and [r.pupil_id for r in rows] == [
            r.pupil_id for r in self.rows
        ]
        if same and rows:
            self.grid, self.rows = grid, rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            return
        self.beginResetModel()
        self.grid, self.rows = grid, rows
        self.endResetModel()

    def set_filters(
        self, pupil_ids: Iterable[int] | None = None, provider_ids: Iterable[int] | None = None
    ) -> None:
        self.pupil_filter = set(pupil_ids) if pupil_ids is not None else None
        self.provider_filter = set(provider_ids) if provider_ids is not None else None
        self.beginResetModel()
        self.rows = self._visible(self.grid)
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Keep the pupils whose name or UPN holds every word typed."""
        self.search = text.casefold().split()
        self.beginResetModel()
        self.rows = self._visible(self.grid)
        self.endResetModel()

    @property
    def filtered(self) -> bool:
        return self.pupil_filter is not None or self.provider_filter is not None

    def _visible(self, grid: RegisterGrid) -> list[RegisterRow]:
        rows = grid.rows
        if self.search:
            words = self.search
            rows = [r for r in rows if all(w in f"{r.name} {r.upn}".casefold() for w in words)]
        if self.pupil_filter is not None:
            rows = [r for r in rows if r.pupil_id in self.pupil_filter]
        if self.provider_filter is not None:
            wanted = self.provider_filter
            rows = [
                r
                for r in rows
                if any(
                    grid.cell(r.pupil_id, d, h).provider_id in wanted
                    for d in grid.days
                    for h in HALVES
                )
            ]
        return rows

    def update_cell(
        self, pupil_id: int, day: date, half: AmPm, code: str | None, amended: bool
    ) -> None:
        """Show a mark just written without re-reading the week."""
        key = (pupil_id, day, half)
        cell = self.grid.cells.setdefault(key, RegisterCell())
        if cell.missing:
            self.was_missing.add(key)
        cell.code, cell.missing = code, code is None and key in self.was_missing
        cell.amended = cell.amended or amended
        index = self.index_of(pupil_id, day, half)
        if index.isValid():
            self.dataChanged.emit(index, index)

    # -- lookups ---------------------------------------------------------------------
    def slot(self, column: int) -> tuple[date, AmPm]:
        return self.grid.days[column // 2], HALVES[column % 2]

    def index_of(self, pupil_id: int, day: date, half: AmPm) -> QModelIndex:
        for row, entry in enumerate(self.rows):
            if entry.pupil_id == pupil_id and day in self.grid.days:
                return self.index(row, self.grid.days.index(day) * 2 + HALVES.index(half))
        return QModelIndex()

    def look_at(self, index: Index) -> tuple[str | None, bool, bool, bool]:
        """What decides how the cell is drawn: its code and cues (for the delegate's pixmaps)."""
        cell = self.cell_at(index)
        return cell.code, cell.expected_at_provider, cell.missing, cell.amended

    def cell_at(self, index: Index) -> RegisterCell:
        day, half = self.slot(index.column())
        return self.grid.cell(self.rows[index.row()].pupil_id, day, half)

    # -- the model ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.days) * 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        cell = self.cell_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            day, half = self.slot(index.column())
            return cell_description(self.rows[index.row()].name, day, half, cell)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            day, half = self.slot(index.column())
            return cell_speech(day, half, cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and (cell.amended or cell.missing):
            font = QFont()
            font.setItalic(cell.amended)
            font.setBold(cell.missing)
            return font
        if role == CELL_ROLE:
            return cell
        if role == PUPIL_ID_ROLE:
            return self.rows[index.row()].pupil_id
        if role == DAY_ROLE:
            return self.slot(index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self.columnCount():
                return None
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            day, half = self.slot(section)
            key = (day, half, role == Qt.ItemDataRole.DisplayRole)
            heading = self._headings.get(key)
            if heading is None:
                heading = self._headings[key] = _heading(day, half, key[2])
            return heading
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{name}, UPN {upn}, at {providers}").format(
                name=row.name, upn=row.upn, providers=row.providers or _("no provider")
            )
        return None


def _heading(day: date, half: AmPm, short: bool) -> str:
    """A half-day's column heading ("Mon 3" over "AM"), or its tooltip in full words."""
    if short:
        return f"{format_date(day, 'EEE d')}\n{half_text(half)}"
    return f"{format_date(day, 'EEEE d MMMM y')} {half_text(half)}"


def cell_text(cell: RegisterCell) -> str:
    if cell.code:
        return f"{cell.code}{AMENDED_MARK}" if cell.amended else cell.code
    if cell.missing:
        return MISSING_TEXT
    return EXPECTED_DOT if cell.expected_at_provider else ""


def cell_description(name: str, day: date, half: AmPm, cell: RegisterCell) -> str:
    """The cell in words, pupil and day included: for the tooltip."""
    return f"{name}, {format_date(day, 'EEEE d MMMM')} {half_text(half)}; " + cell_speech(
        day, half, cell
    )


def cell_speech(day: date, half: AmPm, cell: RegisterCell) -> str:
    """What a screen reader says on moving to the cell: the session and the mark, no more.
    The row and column headers give the pupil and the day, and are read when they change."""
    return f"{half_text(half)}: " + _mark_words(day, cell)


def _mark_words(day: date, cell: RegisterCell) -> str:
    parts = []
    if cell.code:
        meaning = meaning_words(cell.code, day) or _("unknown code")
        parts.append(_("{code}: {meaning}").format(code=cell.code, meaning=meaning))
    elif cell.missing:
        parts.append(_("mark missing: the provider has not sent it yet"))
    else:
        parts.append(_("no mark"))
    if cell.expected_at_provider:
        parts.append(_("expected at a provider"))
    if cell.amended:
        parts.append(_("amended: the original mark is kept in the history"))
    return "; ".join(parts)
