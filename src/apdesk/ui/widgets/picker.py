"""A searchable picker for pupils and providers: type part of a name or a UPN, choose from a list.

Each choice shows what tells records apart (a pupil's name, UPN and year; a provider's kind and
QA state) and is found by any of its search words, so a pupil is found by the name the school
uses or by the legal name. The box is wide enough for the whole name. The value is the
record's id (`current_id()`), 0 while nothing is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QWidget

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Choice:
    """One record to pick: its id, the line shown, and every word it is found by."""

    id: int
    text: str
    search: str = ""
    icon: QIcon | None = None
    tooltip: str = ""


class RecordPicker(QComboBox):
    """An editable combo box over `Choice`s that filters as the person types."""

    chosen = Signal(int)  # the id, 0 for none

    def __init__(
        self, accessible_name: str, prompt: str, parent: QWidget | None = None, *, chars: int = 36
    ) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(accessible_name)
        self.setMinimumContentsLength(chars)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.items)
        self.filtered.setFilterRole(SEARCH_ROLE)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.finder = QCompleter(self.filtered, self)
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The completer's index overload; the stubs do not describe overloaded signals.
        self.finder.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.setCompleter(self.finder)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setPlaceholderText(prompt)
        line.textEdited.connect(self._typed)
        self.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.current_id()))
        self.set_choices([])

    def set_choices(self, choices: Iterable[Choice], keep: int | None = None) -> None:
        """Replace the list; keeps the current choice (or `keep`) when it is still there."""
        wanted = self.current_id() if keep is None else keep
        self.blockSignals(True)
        self.items.clear()
        none = QStandardItem(self.prompt)
        none.setData(0, ID_ROLE)
        none.setData("", SEARCH_ROLE)
        self.items.appendRow(none)
        for choice in choices:
            item = QStandardItem(choice.text)
            item.setData(choice.id, ID_ROLE)
            item.setData(f"{choice.text} {choice.search}", SEARCH_ROLE)
            item.setEditable(False)
            if choice.icon is not None:
                item.setIcon(choice.icon)
            if choice.tooltip:
                item.setToolTip(choice.tooltip)
            self.items.appendRow(item)
        self.blockSignals(False)
        self.set_current_id(wanted)

    def current_id(self) -> int:
        return int(self.currentData(ID_ROLE) or 0)

    def set_current_id(self, record_id: int) -> None:
        row = self.findData(record_id, ID_ROLE)
        self.setCurrentIndex(max(row, 0))
        self._show_current()

    def _typed(self, text: str) -> None:
        self.filtered.setFilterFixedString(text.strip())
        if text.strip():
            self.finder.complete()

    def _picked(self, index: QModelIndex) -> None:
        source = self.filtered.mapToSource(index)
        self.setCurrentIndex(source.row())
        self._show_current()

    def _show_current(self) -> None:
        """The box reads the chosen line, or stays empty (showing the prompt) for none."""
        line = self.lineEdit()
        if line is not None:
            line.setText(self.currentText() if self.current_id() else "")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_current()  # half-typed text that chose nothing goes back to the choice
