"""The list proxy behind the long lists: sorted and filtered in one pass, and the row a person
chose stays chosen when the list is sorted again, narrowed or widened."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.list_proxy import ListProxy

NAMES = ["Nia", "Alex", "Sam", "Jordan", "Casey", "Riley"]
YEARS = [9, 7, 11, 8, 7, 10]


class NameFilter(ListProxy):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # type: ignore[override]
        return self.text.casefold() in self.sourceModel().index(source_row, 0).data().casefold()


def _model(names: list[str], years: list[int]) -> QStandardItemModel:
    model = QStandardItemModel(0, 2)
    for name, year in zip(names, years, strict=True):
        year_item = QStandardItem()
        year_item.setData(year, Qt.ItemDataRole.DisplayRole)
        model.appendRow([QStandardItem(name), year_item])
    return model


def _shown(proxy: ListProxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_sorting_and_filtering_keep_the_chosen_row(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model(NAMES, YEARS)
    proxy = NameFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.show()
    assert _shown(proxy) == sorted(NAMES)

    view.setCurrentIndex(proxy.index(_shown(proxy).index("Riley"), 0))
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 1).data() for r in range(6)] == sorted(YEARS, reverse=True)
    assert view.currentIndex().data() == "Riley"  # the same pupil, now second

    proxy.text = "i"
    proxy.invalidateFilter()
    assert _shown(proxy) == ["Riley", "Nia"]  # years 10 and 9, still by year
    assert view.currentIndex().data() == "Riley"

    proxy.text = "a"
    proxy.invalidateFilter()
    assert "Riley" not in _shown(proxy)
    assert not view.currentIndex().isValid() or view.currentIndex().data() != "Riley"
    qtmodeltester.check(proxy)


def test_new_rows_arrive_sorted_as_chosen(qtbot: QtBot) -> None:
    model = _model(NAMES, YEARS)
    proxy = ListProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    model.appendRow([QStandardItem("Zed"), QStandardItem("7")])
    assert _shown(proxy)[0] == "Zed"
    model.item(0, 0).setText("Aaron")  # Nia renamed: she moves to the end
    assert _shown(proxy)[-1] == "Aaron"
    assert proxy.mapToSource(proxy.index(proxy.rowCount() - 1, 0)).row() == 0
    assert proxy.mapFromSource(model.index(0, 0)).row() == proxy.rowCount() - 1
