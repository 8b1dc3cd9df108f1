"""The busy bar keeps its room while hidden: work starting or ending moves nothing on the page,
so a long table beside it is not laid out again, and the rows under the pointer stay put."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.basics import BusyBar


def test_showing_the_busy_bar_moves_nothing(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    busy = BusyBar(page)
    table = QTableWidget(200, 4)
    layout = QVBoxLayout(page)
    layout.addWidget(busy)
    layout.addWidget(table, 1)
    page.resize(600, 400)
    page.show()
    qtbot.waitExposed(page)
    before = table.geometry()
    busy.show()
    qtbot.waitUntil(busy.isVisible)
    assert table.geometry() == before
    busy.hide()
    assert table.geometry() == before
    assert busy.height() > 0  # its room is there, empty, while no work runs
