"""The pupil register as a Qt table: plain `PupilRow`s in, search and filters in a proxy.

All rows are loaded once and filtered on the GUI thread, so typing in the search box answers at
once without a trip to the store for every key. Nothing is done per row when the rows arrive:
cells are worded when painted, the search text and each column's sort keys are made the first
time a search or a sort needs them, in one pass (a register of 10,000 pupils in milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from apdesk.i18n import N_, _
from apdesk.models.enums import SenStatus
from apdesk.services.pupils import PupilRow
from apdesk.services.pupils.picks import register_order
from apdesk.ui.widgets.list_proxy import ListProxy

Index = QModelIndex | QPersistentModelIndex

COL_UPN, COL_NAME, COL_YEAR, COL_SEN, COL_LOOKED_AFTER, COL_IN_AP = range(6)
HEADERS = ("UPN", N_("Name"), N_("Year"), N_("SEN"), N_("Looked after"), N_("In AP now"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the pupil's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole PupilRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value that sorts naturally (year as a number)


def _yes_no(flag: bool) -> str:
    return _("Yes") if flag else _("No")


@lru_cache(maxsize=64)
def _words(search: str) -> tuple[str, ...]:
    """The search split once per keystroke, not once per row."""
    return tuple(search.casefold().split())


def search_text(row: PupilRow) -> str:
    return " ".join((row.name, row.forename, row.surname, row.upn)).casefold()


class PupilTableModel(QAbstractTableModel):
    """Read-only rows; `set_rows` replaces them all after each load from the store."""

    # Every role `data_at` answers: the proxy answers the rest (a cell's font, colours,
    # alignment, icon, check box: seven questions a cell painted) without asking.
    ANSWERED_ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        ID_ROLE,
        ROW_ROLE,
        SORT_ROLE,
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PupilRow] = []
        self._haystacks: list[str] | None = None  # what the search looks in, made when asked
        self._rows_of: dict[int, int] | None = None  # pupil id -> row, made when asked

    @property
    def rows(self) -> list[PupilRow]:
        return list(self._rows)

    def set_rows(self, rows: list[PupilRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._haystacks = None
        self._rows_of = None
        self.endResetModel()

    def haystacks(self) -> list[str]:
        """What the search looks in, one per row, folded once per load."""
        if self._haystacks is None:
            self._haystacks = [search_text(row) for row in self._rows]
        return self._haystacks

    def row_and_haystack(self, index: int) -> tuple[PupilRow, str]:
        """For the filter, which runs for every row on every keystroke: no Qt round trip."""
        return self._rows[index], self.haystacks()[index]

    def row_of(self, pupil_id: int) -> int:
        """The model row of a pupil, or -1."""
        if self._rows_of is None:
            self._rows_of = {row.id: i for i, row in enumerate(self._rows)}
        return self._rows_of.get(pupil_id, -1)

    def sort_keys(self, column: int, _role: int = SORT_ROLE) -> list[Any]:
        """The sort key of every row for `column`, in one pass (the proxy sorts by them)."""
        return [self._sort_value(row, column) for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_IN_AP:
            return _("The providers of each pupil's active placements")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, number: int, column: int, role: int) -> Any:
        """`data` for a row number: what the proxy asks for each cell painted."""
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_IN_AP and row.provider:
            return row.provider
        return None

    @staticmethod
    def _text(row: PupilRow, column: int) -> str | None:
        if column == COL_UPN:
            return row.upn
        if column == COL_NAME:
            return row.name
        if column == COL_YEAR:
            return row.year_label
        if column == COL_SEN:
            return _(row.sen_label)
        if column == COL_LOOKED_AFTER:
            return _yes_no(row.looked_after)
        if column == COL_IN_AP:
            return row.provider if row.in_ap_now else _("No")
        return None

    @staticmethod
    def _sort_value(row: PupilRow, column: int) -> Any:
        if column == COL_NAME:
            return "\t".join(register_order(row.surname, row.known_as, row.forename))
        if column == COL_YEAR:
            return row.year
        if column == COL_SEN:
            return list(SenStatus).index(row.sen_status)
        if column == COL_LOOKED_AFTER:
            return int(row.looked_after)
        if column == COL_IN_AP:
            return row.provider.casefold() if row.in_ap_now else "\uffff"
        return row.upn


@dataclass
class PupilFilter:
    """What the person chose above the table; None means "any"."""

    search: str = ""
    year: int | None = None
    sen_status: SenStatus | None = None
    in_ap_now: bool | None = None
    looked_after: bool | None = None

    def accepts(self, row: PupilRow, haystack: str | None = None) -> bool:
        if self.year is not None and row.year != self.year:
            return False
        if self.sen_status is not None and row.sen_status != self.sen_status:
            return False
        if self.in_ap_now is not None and row.in_ap_now != self.in_ap_now:
            return False
        if self.looked_after is not None and row.looked_after != self.looked_after:
            return False
        words = _words(self.search)
        if not words:
            return True
        text = haystack if haystack is not None else search_text(row)
        return all(word in text for word in words)


class PupilFilterProxy(ListProxy):
    """Search (every word must match a name or the UPN) plus the four filters, and sorting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = PupilFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, **changes: Any) -> None:
        for name, value in changes.items():
            setattr(self.filter, name, value)
        self.rearrange()

    def accepted_rows(self, count: int) -> list[int]:
        model = self.sourceModel()
        if not isinstance(model, PupilTableModel):
            return super().accepted_rows(count)
        if self.filter == PupilFilter():
            return list(range(count))
        haystacks = model.haystacks()
        if self.filter == PupilFilter(search=self.filter.search):  # only typed words: a fast pass
            words = _words(self.filter.search)
            if len(words) == 1:
                word = words[0]
                return [i for i, text in enumerate(haystacks[:count]) if word in text]
            return [i for i, text in enumerate(haystacks[:count]) if all(w in text for w in words)]
        rows, accepts = model._rows, self.filter.accepts
        return [i for i in range(count) if accepts(rows[i], haystacks[i])]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, PupilTableModel):
            row, haystack = model.row_and_haystack(source_row)
            return self.filter.accepts(row, haystack)
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return row is not None and self.filter.accepts(row)
