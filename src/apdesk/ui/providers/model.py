"""The provider directory as a Qt table model, fed plain rows from the providers service."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from apdesk.i18n import N_, _
from apdesk.services.providers import ProviderRow
from apdesk.ui.widgets.fields import qa_icon, qa_text
from apdesk.ui.widgets.row_table import RowTableModel

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


class ProvidersModel(RowTableModel[ProviderRow]):
    def __init__(self, icon_source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._icons = icon_source

    def cell(self, row: ProviderRow, column: int, role: int) -> Any:
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
