"""The provider directory as a Qt table model, fed plain rows from the providers service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from apdesk.i18n import N_, _
from apdesk.services.providers import ProviderRow
from apdesk.ui.placement_editor_fields import qa_icon, qa_text

NAME, SETTING, APPROVAL, DELIVERY, PLACES, QA, CONCERNS = range(7)
HEADERS = (
    N_("Name"),
    N_("Type of setting"),
    N_("LA approval"),
    N_("Delivery"),
    N_("Places"),
    N_("QA state"),
    N_("Concerns"),
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ProviderRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class ProvidersModel(QAbstractTableModel):
    def __init__(self, icon_source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ProviderRow] = []
        self._icons = icon_source

    def set_rows(self, rows: list[ProviderRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            if column == PLACES:
                return row.places_used
            if column == CONCERNS:
                return row.open_concerns
            return self._text(row, column).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == QA:
            return qa_icon(self._icons, row.qa_state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.qa_reason if column == QA else self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PLACES, CONCERNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: ProviderRow, column: int) -> str:
        return {
            NAME: row.name,
            SETTING: _(row.setting_type),
            APPROVAL: _(row.approval),
            DELIVERY: _(row.delivery),
            PLACES: row.places,
            QA: qa_text(row.qa_state),
            CONCERNS: str(row.open_concerns) if row.open_concerns else "",
        }[column]


class ProvidersFilter(QSortFilterProxyModel):
    """Search as you type on the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
