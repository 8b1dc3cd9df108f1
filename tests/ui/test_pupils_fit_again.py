"""The pupil register shown again: its columns stay as fitted when nothing changed meanwhile,
and are fitted again when something did (a column narrowed by hand, a new order)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.model import COL_UPN, COL_YEAR
from apdesk.ui.pupils.page import PupilsPage


@pytest.fixture
def page(qtbot: QtBot, store: Store, ctx: AppContext) -> PupilsPage:
    populate(store, pupils=24, seed=5)
    made = PupilsPage(ctx)
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    qtbot.waitExposed(made)
    qtbot.waitUntil(lambda: made.proxy.rowCount() > 0)
    qtbot.wait(50)  # the columns are fitted once the rows are laid out
    return made


def widths(page: PupilsPage) -> list[int]:
    header = page.table.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def show_again(qtbot: QtBot, page: PupilsPage) -> None:
    page.hide()
    page.show()
    qtbot.wait(50)


def test_shown_again_as_it_was_left_the_columns_stay(qtbot: QtBot, page: PupilsPage) -> None:
    fitted = widths(page)
    show_again(qtbot, page)
    assert widths(page) == fitted


def test_a_column_narrowed_by_hand_is_fitted_again_on_the_next_visit(
    qtbot: QtBot, page: PupilsPage
) -> None:
    fitted = widths(page)
    page.table.horizontalHeader().resizeSection(COL_YEAR, 20)
    show_again(qtbot, page)
    assert widths(page) == fitted


def test_after_a_new_order_the_columns_are_fitted_again(qtbot: QtBot, page: PupilsPage) -> None:
    fitted = widths(page)
    page.table.horizontalHeader().resizeSection(COL_UPN, 20)
    page.fit.fitted = page.fit.looks()  # as if the last fit had left it so
    page.table.sortByColumn(COL_YEAR, Qt.SortOrder.DescendingOrder)  # other rows come first
    show_again(qtbot, page)
    assert widths(page)[COL_UPN] == fitted[COL_UPN]
