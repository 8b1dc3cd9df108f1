"""The placements list words each row once when it is first drawn: new rows from the store
show their own words, never those of the row that stood in their place before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from apdesk.i18n import set_locale
from apdesk.models.enums import PlacementStatus
from apdesk.services.placement_lifecycle import PlacementRow
from apdesk.ui.placements.model import END, HEADERS, HOURS, PlacementSearch, PlacementsModel


def placement(hours: float, end: date | None) -> PlacementRow:
    return PlacementRow(
        1, 1, "Jay Southgate", "A123", 1, "Riverside PRU", PlacementStatus.ACTIVE, "", hours,
        date(2026, 9, 1), end, "",
    )  # fmt: skip


def listed(qtbot: QtBot) -> tuple[PlacementsModel, PlacementSearch]:
    """The placements model behind the list's search, as the page has them."""
    set_locale("en_GB")
    holder = QWidget()
    qtbot.addWidget(holder)
    model = PlacementsModel(holder)
    proxy = PlacementSearch(holder)
    proxy.setSourceModel(model)
    return model, proxy


def shown(proxy: PlacementSearch, column: int) -> object:
    return proxy.index(0, column).data(Qt.ItemDataRole.DisplayRole)


def test_new_rows_show_their_own_hours_and_dates(qtbot: QtBot) -> None:
    model, proxy = listed(qtbot)
    model.set_rows([placement(13.5, None)])
    assert shown(proxy, HOURS) == "13.5"
    assert shown(proxy, END) == ""
    model.set_rows([placement(6, date(2026, 12, 18))])
    assert shown(proxy, HOURS) == "6"
    assert shown(proxy, END) == model.index(0, END).data()
    assert shown(proxy, END) != ""


def test_the_list_shows_what_the_model_says_in_every_column(qtbot: QtBot) -> None:
    model, proxy = listed(qtbot)
    model.set_rows([placement(13.5, date(2026, 12, 18))])
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
        assert [proxy.index(0, c).data(role) for c in range(len(HEADERS))] == [
            model.index(0, c).data(role) for c in range(len(HEADERS))
        ]
