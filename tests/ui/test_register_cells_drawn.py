"""The register's cells look the same whether drawn afresh or copied from a look drawn before,
and a mark typed shows at once (no stale picture of the empty cell)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from tests.helpers.register import MON, build, make_page

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.register.view import CellDelegate, Index


class DrawnAfresh(CellDelegate):
    """Each cell drawn straight onto the table, as before looks were kept."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.paint_cell(painter, option, index)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, store: Store) -> RegisterPage:
    build(store)
    page = make_page(qtbot, ctx, datetime.combine(MON, time(11, 0)))
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def grid_picture(page: RegisterPage) -> QImage:
    viewport = page.view.viewport()
    return viewport.grab().toImage()


def test_cells_copied_from_a_drawn_look_match_cells_drawn_afresh(page: RegisterPage) -> None:
    delegate = page.view.itemDelegate()
    assert isinstance(delegate, CellDelegate)
    page.view.setFocus()
    page.view.move_to(0, 1)  # a selected, focused cell among plain ones
    first = grid_picture(page)
    assert delegate.drawn  # the looks were kept
    again = grid_picture(page)  # every cell copied from a kept look
    page.view.setItemDelegate(DrawnAfresh(page.view))
    afresh = grid_picture(page)
    assert again == first
    assert afresh == first


def test_a_typed_mark_shows_in_its_cell_at_once(qtbot: QtBot, page: RegisterPage) -> None:
    view = page.view
    view.setFocus()
    view.move_to(1, 0)
    rect = view.visualRect(view.currentIndex())
    before = grid_picture(page).copy(rect)
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: page.model.cell_at(view.model().index(1, 0)).code == "B")
    after = grid_picture(page).copy(rect)
    assert after != before


def test_a_new_font_draws_the_cells_anew(page: RegisterPage) -> None:
    view = page.view
    grid_picture(page)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    view.setFont(font)
    bigger = grid_picture(page)
    view.setItemDelegate(DrawnAfresh(view))
    assert grid_picture(page) == bigger


def test_a_new_palette_draws_the_cells_on_the_new_background(page: RegisterPage) -> None:
    view = page.view
    grid_picture(page)
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#203040"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    view.setPalette(palette)
    darker = grid_picture(page)
    view.setItemDelegate(DrawnAfresh(view))
    assert grid_picture(page) == darker
