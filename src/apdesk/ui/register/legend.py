"""The code picker (F4): every current code with its meaning and how it counts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.models.codes import CODES, CURRENT_CODES
from apdesk.ui.widgets.screen_fit import fit_to_screen


class CodeLegend(QDialog):
    """Double-click or Enter on a code puts it in the register's current cell."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Attendance codes"))
        self.setAccessibleName(_("Attendance codes"))
        intro = QLabel(
            _("Choose a code for the selected cell, or type it straight into the register.")
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(CURRENT_CODES), 3)
        self.table.setAccessibleName(_("Current attendance codes"))
        self.table.setHorizontalHeaderLabels([_("Code"), _("Meaning"), _("Counts as")])
        for row, code in enumerate(CURRENT_CODES):
            entry = CODES[code]
            for column, text in enumerate((code, _(entry.meaning), _(entry.rule.label))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setData(Qt.ItemDataRole.UserRole, code)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: self._choose())
        self.table.setCurrentCell(0, 0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        use = buttons.button(QDialogButtonBox.StandardButton.Ok)
        use.setText(_("&Use this code"))
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 560)

    def _choose(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
