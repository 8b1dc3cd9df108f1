"""A date field's calendar opens on the screen and beside its field: above it when the field is
near the bottom of a laptop's screen, never over the field it fills in."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.date_field import DateField
from apdesk.ui.widgets.popup_place import beside

SCREEN = QRect(0, 0, 1366, 720)
CALENDAR = QSize(300, 220)


def test_a_pop_up_opens_below_a_field_with_room_below() -> None:
    assert beside(QRect(100, 200, 120, 30), CALENDAR, SCREEN) == QPoint(100, 230)


def test_a_pop_up_opens_above_a_field_near_the_bottom_of_the_screen() -> None:
    field = QRect(100, 650, 120, 30)
    spot = QRect(beside(field, CALENDAR, SCREEN), CALENDAR)
    assert SCREEN.contains(spot)
    assert not spot.intersects(field)
    assert spot.bottom() < field.top()


def test_a_pop_up_at_the_right_edge_stays_on_the_screen() -> None:
    spot = QRect(beside(QRect(1300, 100, 60, 30), CALENDAR, SCREEN), CALENDAR)
    assert SCREEN.contains(spot)


def test_the_calendar_of_a_field_at_the_bottom_of_the_screen_keeps_the_field_visible(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    field = DateField("Start date")
    layout.addWidget(field)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    window.show()
    qtbot.waitExposed(window)
    window.move(screen.left() + 20, screen.bottom() - window.frameGeometry().height() - 5)
    QApplication.processEvents()
    calendar = field.open_calendar()
    menu = calendar.parentWidget()
    assert menu is not None
    qtbot.waitExposed(menu)
    shown = menu.geometry()
    where = QRect(field.edit.mapToGlobal(QPoint(0, 0)), field.edit.size())
    assert screen.contains(shown)
    assert not shown.intersects(where)
    menu.close()
