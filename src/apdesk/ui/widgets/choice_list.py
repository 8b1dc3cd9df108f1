"""Thousands of choices in a combo box without freezing the window.

`QComboBox.addItem` makes one item object per call: 10,000 pupils cost a Python call each and
half a second on the GUI thread. A list model hands the combo the whole list at once and words
each line only when the list is drawn; `fill_combo` swaps the choices and keeps what was chosen.
For the longest lists, `fill_columns` hands over columns (the values and a way to word row n)
instead of one object per choice, so filling costs the same for ten pupils or ten thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QListView

Index = QModelIndex | QPersistentModelIndex
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the words a choice is found by (see word_search)


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
        if role == SEARCH_ROLE:
            return choice.text.casefold()
        return None


class ColumnChoiceModel(QAbstractListModel):
    """A first line ("Choose the pupil…"), then one line per value, worded by `word(n)` only
    when it is drawn; the row of a value is looked up in an index made on first use."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first = ListChoice("", None)
        self.values: Sequence[Any] = ()
        self.word: Callable[[int], str] = str
        self.search: Callable[[int], str] | None = None

    def set_columns(
        self,
        first: ListChoice,
        values: Sequence[Any],
        word: Callable[[int], str],
        search: Callable[[int], str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.first, self.values, self.word = first, values, word
        self.search = search
        self.endResetModel()

    def row_of(self, value: Any) -> int:
        """The row holding `value`, or -1: a scan of the values in C, which costs less than
        indexing 10,000 rows for the one choice an editor sets when it opens."""
        if value == self.first.value:
            return 0
        try:
            return self.values.index(value) + 1
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self.values):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.first.text if row == 0 else self.word(row - 1)
        if role == Qt.ItemDataRole.UserRole:
            return self.first.value if row == 0 else self.values[row - 1]
        if role == SEARCH_ROLE:
            if row == 0:
                return ""
            words = self.word(row - 1).casefold()
            return f"{words} {self.search(row - 1)}" if self.search else words
        return None


ChoiceModel = ChoiceListModel | ColumnChoiceModel


def _refill(combo: QComboBox, model: ChoiceModel, fill: Callable[[], None]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        fill()
        row = model.row_of(chosen) if chosen is not None else -1
        combo.setCurrentIndex(max(row, 0) if model.rowCount() else -1)
    finally:
        combo.blockSignals(False)


def fill_combo(combo: QComboBox, choices: Sequence[ListChoice]) -> None:
    """Replace the combo's choices at once, keeping the value chosen if it is still offered;
    no signal says the choice changed (the caller decides what a refill means)."""
    model = combo.model()
    if not isinstance(model, ChoiceListModel):
        model = ChoiceListModel(combo)
        combo.setModel(model)
    _refill(combo, model, lambda: model.set_choices(choices))


def fill_columns(
    combo: QComboBox,
    first: ListChoice,
    values: Sequence[Any],
    word: Callable[[int], str],
    search: Callable[[int], str] | None = None,
) -> None:
    """As `fill_combo`, for thousands of choices: `first`, then a line per value, the n-th
    worded by `word(n)` when it is drawn and found by `search(n)` too (lower case words)."""
    model = combo.model()
    if not isinstance(model, ColumnChoiceModel):
        model = ColumnChoiceModel(combo)
        combo.setModel(model)
        view = combo.view()
        if isinstance(view, QListView):
            view.setUniformItemSizes(True)  # opening the list measures one line, not all
    _refill(combo, model, lambda: model.set_columns(first, values, word, search))


def select_value(combo: QComboBox, value: Any) -> bool:
    """Choose the line holding `value`; False if it is not offered. Quicker than `findData`
    on a long list of choices filled by `fill_combo` or `fill_columns`."""
    model = combo.model()
    if isinstance(model, ChoiceListModel | ColumnChoiceModel):
        row = model.row_of(value)
    else:
        row = combo.findData(value)
    if row < 0:
        return False
    combo.setCurrentIndex(row)
    return True
