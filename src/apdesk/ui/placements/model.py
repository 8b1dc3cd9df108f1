"""Placements as a Qt table model, fed plain rows from the lifecycle service."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from apdesk.i18n import N_, _, format_date, format_number
from apdesk.models.enums import PlacementStatus
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.services.warning_titles import warning_title
from apdesk.ui.theme import icons
from apdesk.ui.widgets.list_proxy import ListProxy
from apdesk.ui.widgets.row_table import RowTableModel

PUPIL, PROVIDER, STATUS, START, END, HOURS, WARNINGS = range(7)
HEADERS = (
    N_("Pupil"),
    N_("Provider"),
    N_("Status"),
    N_("Start"),
    N_("End"),
    N_("Hours"),
    N_("Warnings"),
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# The page opens on the placements running now, then those on their way, then the ended:
# next term's drafts first (the newest start) hid the pupils at a provider today.
STATUS_ORDER = {
    PlacementStatus.ACTIVE: 0,
    PlacementStatus.REFERRED: 1,
    PlacementStatus.DRAFT: 2,
    PlacementStatus.ENDED: 3,
}


def _day(value: date | None) -> str:
    return format_date(value) if value is not None else ""


class PlacementsModel(RowTableModel[PlacementRow]):
    """Placements by row; each row's cells are worded once, the first time it is drawn.

    A repaint asks for the text of every cell on screen: dates and hours formatted for the
    language and the warning titled again each time cost a frame's time on every page visit.
    """

    # Every role `cell` answers: the proxy answers the rest (a cell's font, colours, check box)
    # without asking.
    ANSWERED_ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
        SORT_ROLE,
    )

    def __init__(self, icon_source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._icons = icon_source
        self._worded: dict[int, tuple[str, ...]] = {}  # row number -> its cells' text
        self._warning: QIcon | None = None

    def set_rows(self, rows: Sequence[PlacementRow]) -> None:
        self._worded = {}
        super().set_rows(rows)

    def data_at(self, row: int, column: int, role: int) -> Any:
        """`cell`, with the text of a row worded once: what the proxy asks a cell painted."""
        shown = 0 <= row < len(self.rows) and 0 <= column < len(HEADERS)
        if role != Qt.ItemDataRole.DisplayRole or not shown:
            return super().data_at(row, column, role)
        words = self._worded.get(row)
        if words is None:
            cells = self.rows[row]
            words = self._worded[row] = tuple(self._text(cells, c) for c in range(len(HEADERS)))
        return words[column]

    def sort_keys(self, column: int, role: int = SORT_ROLE) -> list[Any]:
        """Every row's sort key for `column` in one pass, for the page's proxy."""
        return [self.cell(row, column, role) for row in self.rows]

    def cell(self, row: PlacementRow, column: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole and column == WARNINGS:
            return " ".join(row.warning_words) or _("No warnings")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            if column == START:
                return (row.start_date or date.min).isoformat()
            if column == END:
                return (row.end_date or date.max).isoformat()
            if column == HOURS:
                return row.hours_per_week
            if column == WARNINGS:
                return row.warnings or 0
            if column == STATUS:  # in the lifecycle's order, the latest start first in each
                start = (row.start_date or date.max).toordinal()
                return (STATUS_ORDER.get(row.status, len(STATUS_ORDER)), -start, row.id)
            return self._text(row, column).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == WARNINGS and row.warnings:
            if self._warning is None:  # one icon for every row: it draws in the theme's colours
                self._warning = icons.icon("state.warning")
            return self._warning
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == WARNINGS and row.warning_words:
                return "\n".join(f"• {words}" for words in row.warning_words)
            return row.upn if column == PUPIL else self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: PlacementRow, column: int) -> str:
        if column == STATUS:
            status = _(row.status_label)
            return f"{status}: {_(row.outcome)}" if row.outcome else status
        if column == WARNINGS:
            return _warning_text(row)
        if column == PUPIL:
            return row.pupil_name
        if column == PROVIDER:
            return row.provider_name
        if column == START:
            return _day(row.start_date)
        if column == END:
            return _day(row.end_date)
        return format_number(row.hours_per_week)  # "13,5" in Polish, as the editor shows


def _warning_text(row: PlacementRow) -> str:
    """The first warning in a few words, and how many more: a bare "1" said nothing until
    hovered. The tooltip holds every warning whole."""
    if not row.warning_words:
        return ""
    title = warning_title(*row.first_warning)
    more = len(row.warning_words) - 1
    return _("{first} (+{n})").format(first=title, n=format_number(more)) if more else title


def search_text(row: PlacementRow) -> str:
    """What the search box looks in: the pupil by either name, their UPN, the provider."""
    return " ".join((row.pupil_name, row.legal_name, row.upn, row.provider_name)).casefold()


class PlacementSearch(ListProxy):
    """Sorts like `ListProxy` and keeps the rows holding every word typed, in any order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: tuple[str, ...] = ()

    def set_search(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self.words:
            self.words = words
            self.invalidateFilter()

    def accepted_rows(self, count: int) -> list[int]:
        model = self.sourceModel()
        if not self.words or not isinstance(model, PlacementsModel):
            return list(range(count))
        rows = model.rows
        return [i for i in range(count) if all(w in search_text(rows[i]) for w in self.words)]
