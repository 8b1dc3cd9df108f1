"""The records behind a measure's figure: a list of placements, and a way to open them on
the Placements page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import N_, _, format_date
from apdesk.services.measures import Measure, figure_text
from apdesk.services.measures.roster import BehindRow
from apdesk.ui.widgets.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex
PUPIL, UPN, PROVIDER, STATUS, START, END = range(6)
HEADERS = (N_("Pupil"), "UPN", N_("Provider"), N_("Status"), N_("Start"), N_("End"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BehindModel(QAbstractTableModel):
    def __init__(self, rows: list[BehindRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.placement_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.pupil_name,
            row.upn,
            row.provider,
            row.status,
            format_date(row.start) if row.start else "",
            format_date(row.end) if row.end else "",
        )
        return values[index.column()]


class BehindDialog(QDialog):
    """Lists the placements behind one figure; "Open in Placements" asks the window to show
    the Placements page filtered to them."""

    open_page = Signal(str, dict)

    def __init__(self, measure: Measure, rows: list[BehindRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.measure = measure
        self.setWindowTitle(measure.label)
        heading = QLabel(f"<b>{measure.label}: {figure_text(measure)}</b><br>{measure.definition}")
        heading.setWordWrap(True)
        self.model = BehindModel(rows, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Placements behind the figure"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(_("&Open in Placements"), self)
        self.open_button.setAccessibleName(_("Open these placements on the Placements page"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 420)

    def _open(self) -> None:
        self.open_page.emit("placements", {"placement_ids": list(self.measure.placement_ids)})
        self.accept()
