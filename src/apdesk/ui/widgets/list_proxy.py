"""A sort-and-filter proxy for flat tables of thousands of rows that keeps the window responsive.

`QSortFilterProxyModel` compares rows two at a time, asking the model for both values each
time: with a Python model that is a few hundred thousand calls into Python to sort 10,000 rows,
about a second with the window frozen. This proxy asks once per row for a column's sort key
(or takes the whole column from the model's `sort_keys(column)` if it has one), sorts a list of
row numbers in Python, and filters with one pass over the rows (or the model's own
`accepted_rows()`), so a page of 10,000 pupils is sorted and filtered in milliseconds.

A view asks seven roles (font, colours, alignment, icon, text...) and the flags of every cell it
paints, each a call into Python: a source with `data_at(row, column, role)` answers without a
source index being made for each, one that names the roles it answers in `ANSWERED_ROLES` has
the others answered None here at once, and the flags of a source that keeps Qt's own are asked
once, not once a cell.

It keeps the parts of the `QSortFilterProxyModel` interface the pages use: `sort`,
`setSortRole`, `filterAcceptsRow`, `invalidateFilter`, `mapToSource`, `mapFromSource`,
`sortColumn`, `sortOrder`. Selections and the current row follow their record through a sort
or a filter change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class ListProxy(QAbstractProxyModel):
    """Rows of the source in the order shown, and only those the filter accepts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: list[int] = []  # shown row -> source row
        self._where: list[int] = []  # source row -> shown row, -1 when filtered out
        self._column = -1
        self._direction = Qt.SortOrder.AscendingOrder
        self._role = int(Qt.ItemDataRole.DisplayRole)
        self._keys: dict[int, list[Any]] = {}  # sort keys by column, read once per load
        self._source: QAbstractItemModel | None = None
        self._data_at: Any = None  # the source's `data_at(row, column, role)`, if it has one
        self._answered: frozenset[int] | None = None  # the roles it answers; None: any
        self._flags: Qt.ItemFlag | None = None  # a valid cell's flags, if the same for all

    # -- the source ------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self.beginResetModel()
        old = self._source
        if old is not None:
            for signal, slot in self._links(old):
                signal.disconnect(slot)
        super().setSourceModel(model)
        self._source = model
        self._data_at = getattr(model, "data_at", None)
        answered = getattr(model, "ANSWERED_ROLES", None)
        self._answered = None if answered is None else frozenset(int(r) for r in answered)
        self._flags = None
        for signal, slot in self._links(model):
            signal.connect(slot)
        self._keys.clear()
        self._arrange()
        self.endResetModel()

    def _links(self, model: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [
            (model.modelAboutToBeReset, self._source_resetting),
            (model.modelReset, self._source_reset),
            (model.dataChanged, self._source_data_changed),
            (model.layoutChanged, self._source_reset_layout),
            (model.rowsInserted, self._source_rows_changed),
            (model.rowsRemoved, self._source_rows_changed),
            (model.headerDataChanged, self.headerDataChanged),
        ]

    def _source_resetting(self) -> None:
        self.beginResetModel()

    def _source_reset(self) -> None:
        self._keys.clear()
        self._arrange()
        self.endResetModel()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any) -> None:
        """A few cells changed (a mark, a name): re-arrange if sorted by a changed column."""
        if self._column >= 0 and top.column() <= self._column <= bottom.column():
            self._keys.pop(self._column, None)
            self.rearrange()
            return
        for row in range(top.row(), bottom.row() + 1):
            shown = self._where[row] if 0 <= row < len(self._where) else -1
            if shown >= 0:
                self.dataChanged.emit(
                    self.index(shown, top.column()), self.index(shown, bottom.column()), roles
                )

    def _source_reset_layout(self, *_args: Any) -> None:
        self._keys.clear()
        self.rearrange()

    def _source_rows_changed(self, *_args: Any) -> None:
        self.beginResetModel()
        self._keys.clear()
        self._arrange()
        self.endResetModel()

    # -- sorting and filtering -------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Override to filter; the default shows every row."""
        return True

    def accepted_rows(self, count: int) -> list[int]:
        """The source rows to show, in source order; override for a faster whole pass."""
        parent = QModelIndex()
        return [row for row in range(count) if self.filterAcceptsRow(row, parent)]

    def sort_keys(self, column: int) -> list[Any]:
        """One key per source row for `column`: the model's own `sort_keys`, or its data."""
        keys = self._keys.get(column)
        if keys is None:
            model = self._source
            own = getattr(model, "sort_keys", None)
            if own is not None:
                keys = list(own(column, self._role))
            elif model is not None:
                role = self._role
                keys = [model.index(row, column).data(role) for row in range(model.rowCount())]
            else:
                keys = []
            if any(key is None for key in keys):
                keys = [(key is not None, key if key is not None else "") for key in keys]
            self._keys[column] = keys
        return keys

    def _arrange(self) -> None:
        model = self._source
        count = model.rowCount() if model is not None else 0
        order = self.accepted_rows(count)
        if self._column >= 0 and model is not None and self._column < model.columnCount():
            keys = self.sort_keys(self._column)
            descending = self._direction == Qt.SortOrder.DescendingOrder
            try:
                order.sort(key=keys.__getitem__, reverse=descending)
            except TypeError:  # keys of mixed types: compare them as text
                order.sort(key=lambda row: str(keys[row]), reverse=descending)
        where = [-1] * count
        for shown, row in enumerate(order):
            where[row] = shown
        self._order, self._where = order, where

    def rearrange(self) -> None:
        """Sort and filter again; the rows the views hold on to follow their records."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows = [self._order[i.row()] if 0 <= i.row() < len(self._order) else -1 for i in before]
        self._arrange()
        after = []
        for index, row in zip(before, rows, strict=True):
            shown = self._where[row] if 0 <= row < len(self._where) else -1
            after.append(self.index(shown, index.column()) if shown >= 0 else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def invalidateFilter(self) -> None:
        self.rearrange()

    def invalidate(self) -> None:
        self._keys.clear()
        self.rearrange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._column, self._direction = column, order
        self.rearrange()

    def sortColumn(self) -> int:
        return self._column

    def sortOrder(self) -> Qt.SortOrder:
        return self._direction

    def setSortRole(self, role: int) -> None:
        self._role = int(role)
        self._keys.clear()

    def sortRole(self) -> int:
        return self._role

    # -- the model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        model = self._source
        return 0 if parent.isValid() or model is None else model.columnCount()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        model = self._source  # a view asks for every cell it paints: no more calls than needed
        if parent.isValid() or not (0 <= row < len(self._order)) or model is None:
            return QModelIndex()
        if not 0 <= column < model.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index | None = None) -> Any:
        if child is None:
            return QObject.parent(self)
        return QModelIndex()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source's data for the row shown, with no index mapped or made on the way when
        the source has `data_at(row, column, role)`: a view paints every cell through here."""
        answered = self._answered
        if answered is not None and role not in answered:
            return None
        model, row = self._source, index.row()
        if model is None or not index.isValid() or not 0 <= row < len(self._order):
            return None
        if self._data_at is not None:
            return self._data_at(self._order[row], index.column(), role)
        return model.data(model.index(self._order[row], index.column()), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The source's flags; those of Qt's own table model (the same for every cell) are
        asked once, as a view asks for every cell it paints."""
        model, row = self._source, index.row()
        if model is None or not index.isValid() or not 0 <= row < len(self._order):
            return Qt.ItemFlag.NoItemFlags
        if self._flags is not None:
            return self._flags
        flags = model.flags(model.index(self._order[row], index.column()))
        if type(model).flags is QAbstractTableModel.flags:
            self._flags = flags
        return flags

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        model = self._source
        row = proxy_index.row()
        if model is None or not proxy_index.isValid() or not 0 <= row < len(self._order):
            return QModelIndex()
        return model.index(self._order[row], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        row = source_index.row()
        if not source_index.isValid() or not 0 <= row < len(self._where):
            return QModelIndex()
        shown = self._where[row]
        return self.createIndex(shown, source_index.column()) if shown >= 0 else QModelIndex()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self._source
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
                return str(section + 1)
            return None
        return model.headerData(section, orientation, role)

    def source_row(self, shown_row: int) -> int:
        """The source row shown at `shown_row` (no Qt index made), or -1."""
        return self._order[shown_row] if 0 <= shown_row < len(self._order) else -1

    def shown_row(self, source_row: int) -> int:
        """Where source row `source_row` is shown, or -1."""
        return self._where[source_row] if 0 <= source_row < len(self._where) else -1
