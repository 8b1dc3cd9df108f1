"""Thousands of choices in a combo box without freezing the window.

`QComboBox.addItem` makes one item object per call: 10,000 pupils cost a Python call each and
half a second on the GUI thread. A list model hands the combo the whole list at once and words
each line only when the list is drawn; `fill_combo` swaps the choices and keeps what was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListChoice:
    text: str
    value: Any
    icon: QIcon | None = None


class ChoiceListModel(QAbstractListModel):
    """Choices for a combo box: the text shown, the value (`Qt.UserRole`) and an icon."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[ListChoice] = []
        self._rows: dict[Any, int] = {}

    def set_choices(self, choices: Sequence[ListChoice]) -> None:
        self.beginResetModel()
        self.choices = list(choices)
        self._rows = {}
        for row, choice in enumerate(self.choices):
            self._rows.setdefault(choice.value, row)
        self.endResetModel()

    def row_of(self, value: Any) -> int:
        """The row holding `value`, or -1 (no scan of the list)."""
        return self._rows.get(value, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return choice.text
        if role == Qt.ItemDataRole.UserRole:
            return choice.value
        if role == Qt.ItemDataRole.DecorationRole:
            return choice.icon
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return choice.text
        return None


def fill_combo(combo: QComboBox, choices: Sequence[ListChoice]) -> None:
    """Replace the combo's choices at once, keeping the value chosen if it is still offered;
    no signal says the choice changed (the caller decides what a refill means)."""
    model = combo.model()
    if not isinstance(model, ChoiceListModel):
        model = ChoiceListModel(combo)
        combo.setModel(model)
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        model.set_choices(choices)
        row = model.row_of(chosen) if chosen is not None else -1
        combo.setCurrentIndex(max(row, 0) if model.rowCount() else -1)
    finally:
        combo.blockSignals(False)


def select_value(combo: QComboBox, value: Any) -> bool:
    """Choose the line holding `value`; False if it is not offered. Quicker than `findData`
    on a long list of choices filled by `fill_combo`."""
    model = combo.model()
    row = model.row_of(value) if isinstance(model, ChoiceListModel) else combo.findData(value)
    if row < 0:
        return False
    combo.setCurrentIndex(row)
    return True
