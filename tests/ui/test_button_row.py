"""A record's action buttons sit side by side when there is room and wrap onto more lines when
the panel is narrow, each whole: the panel never forces the list beside it to shrink."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.button_row import ButtonRow


def row_width(row: ButtonRow) -> int:
    """The width the buttons need side by side."""
    return row.flow.sizeHint().width()


def lines(row: ButtonRow) -> int:
    """How many lines the buttons are laid out on."""
    return len({b.y() for b in row.buttons})


def panel(qtbot: QtBot) -> tuple[QWidget, ButtonRow]:
    outer = QWidget()
    qtbot.addWidget(outer)
    buttons = [QPushButton(t) for t in ("Edit…", "Place this pupil…", "More")]
    row = ButtonRow(buttons)
    layout = QVBoxLayout(outer)
    layout.addWidget(row)
    layout.addStretch(1)
    outer.show()
    qtbot.waitExposed(outer)
    return outer, row


def test_a_wide_panel_keeps_the_buttons_in_one_row(qtbot: QtBot) -> None:
    outer, row = panel(qtbot)
    outer.resize(row_width(row) + 60, 200)
    qtbot.waitUntil(lambda: lines(row) == 1)


def test_a_narrow_panel_wraps_the_buttons_each_whole(qtbot: QtBot) -> None:
    outer, row = panel(qtbot)
    assert outer.minimumSizeHint().width() < row_width(row)  # the row never sets the width
    outer.resize(row_width(row) - 40, 200)
    qtbot.waitUntil(lambda: lines(row) == 2)  # the last button carries on below
    widest = max(b.sizeHint().width() for b in row.buttons)
    outer.resize(widest + 30, 300)
    qtbot.waitUntil(lambda: lines(row) == 3)
    for button in row.buttons:
        assert button.width() >= button.sizeHint().width()
        assert row.rect().contains(button.geometry())  # the row is as tall as its lines
    outer.resize(row_width(row) + 60, 200)  # widened again: back in one row
    qtbot.waitUntil(lambda: lines(row) == 1)
