"""Find a choice in a long combo box by typing words: part of either name or of the UPN, in any
order ("southgate jay", "jay 8551"). Each word must be in the choice's search words
(`SEARCH_ROLE`, or its text); the list shows what matches as the person types.

The combo box keeps its own model (filled by `fill_combo` or `fill_columns`, or item by item):
the words filter a proxy over it, and the line shows the chosen text again once the focus leaves,
so half-typed words never stand for a choice.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QCompleter

from apdesk.ui.widgets.choice_list import SEARCH_ROLE


class WordsFilter(QSortFilterProxyModel):
    """The rows whose search words hold every word typed; with nothing typed, every row but
    the first ("Choose…") line. The words of a long list (10,000 pupils) are read once and
    matched in one pass a keystroke; each row then only looks its answer up."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self._texts: list[str] | None = None  # each row's search words, read on first use
        self._accepted: bytearray | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._forget)
        self._forget()
        super().setSourceModel(model)
        model.modelReset.connect(self._forget)

    def _forget(self) -> None:
        self._texts, self._accepted = None, None

    def _search_texts(self) -> list[str]:
        if self._texts is None:
            model = self.sourceModel()
            texts = [""]  # the "Choose…" line
            for row in range(1, model.rowCount()):
                index = model.index(row, 0)
                found = model.data(index, SEARCH_ROLE)
                if not found:
                    found = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
                texts.append(found if model.data(index, Qt.ItemDataRole.UserRole) else "")
            self._texts = texts
        return self._texts

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        words = self.words
        texts = self._search_texts()
        self._accepted = bytearray(
            bool(found) and all(word in found for word in words) for found in texts
        )
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self._accepted
        if accepted is None:
            accepted = self._accepted = bytearray(bool(found) for found in self._search_texts())
        return source_row < len(accepted) and bool(accepted[source_row])


class WordSearch(QObject):
    """Makes `combo` editable and searchable by words; call `follow_model()` after the combo
    is given a new model (`fill_combo` and `fill_columns` make one on their first fill)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo
        combo.setEditable(True)
        # The line's own completer, made with it, walks the list from the top to the chosen line
        # each time a choice is set (7,000 pupils worded to show the 7,000th); the word finder
        # below takes its place once typing starts.
        combo.setCompleter(None)  # type: ignore[arg-type]  # Qt takes none: no completer
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.filter = WordsFilter(self)
        self.finder = QCompleter(self)
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        line = combo.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        self.line = line
        line.textEdited.connect(self._typed)
        line.editingFinished.connect(self.show_choice)
        line.textChanged.connect(self._keep_prompt_out)
        # A line picked from the list: the combo box maps it back through the filter itself.
        combo.currentIndexChanged.connect(lambda _row: self.show_choice())
        self.follow_model()

    def follow_model(self) -> None:
        """Search the combo's model as it is now (and show the choice in the line). The list is
        read for searching only once someone types: opening a form with 10,000 pupils in the
        picker costs nothing until then."""
        self.finder.setModel(self.filter)  # the filter takes the combo's model on first typing
        self.show_choice()

    def _typed(self, text: str) -> None:
        if self.filter.sourceModel() is not self.combo.model():
            self.filter.setSourceModel(self.combo.model())
        if self.combo.completer() is not self.finder:  # the list of matches, once typing starts
            self.finder.setWidget(self.line)
            self.combo.setCompleter(self.finder)
        self.filter.set_words(text)
        if text.strip():
            self.finder.complete()

    def _keep_prompt_out(self, text: str) -> None:
        """The combo box writes the "Choose…" line into its line whenever its choice is set again
        (even to the same line); it belongs in the placeholder, or typing would add to it."""
        row = self.combo.currentIndex()
        if text and row >= 0 and not self.combo.itemData(row) and text == self.combo.itemText(row):
            self.line.setText("")

    def _name_line(self) -> None:
        """The typing line is read by the combo box's own name (a screen reader heard an
        unnamed text box otherwise)."""
        name = self.combo.accessibleName()
        if name and self.line.accessibleName() != name:
            self.line.setAccessibleName(name)

    def show_choice(self) -> None:
        """The line reads the chosen line, or stays empty (with the first line's words as its
        prompt) while nothing is chosen."""
        self._name_line()
        row = self.combo.currentIndex()
        chosen = row >= 0 and bool(self.combo.itemData(row))
        if self.combo.count() and not self.combo.itemData(0):  # a "Choose…" line: the prompt
            self.line.setPlaceholderText(self.combo.itemText(0))
        self.line.setText(self.combo.itemText(row) if chosen else "")
