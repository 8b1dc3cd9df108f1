"""A date field's Pick… and Clear are buttons to the eye, not words beside the field: in high
contrast (and every scheme) they have an edge in the colour of a button's edge."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.theme import current
from apdesk.ui.theme.apply import Appearance, ThemeManager
from apdesk.ui.widgets.date_field import DateField


def _edge_is_drawn(button: QToolButton) -> bool:
    """Whether the left edge, half way down, is the button-edge colour."""
    image = button.grab().toImage()
    edge = QColor(current.colour("border.input"))
    y = image.height() // 2
    return any(
        abs(QColor(image.pixel(x, y)).lightness() - edge.lightness()) < 40
        and QColor(image.pixel(x, y)) != QColor(current.colour("bg.window"))
        for x in range(2)
    )


@pytest.mark.parametrize("scheme", ["hc", "light"])
def test_pick_and_clear_have_a_button_edge(qtbot: QtBot, theme: ThemeManager, scheme: str) -> None:
    theme.preview(Appearance(scheme, "normal"))
    holder = QWidget()
    field = DateField("Start date", holder, value=date(2027, 1, 11))  # Clear has a date to clear
    QVBoxLayout(holder).addWidget(field)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    for button in (field.pick_button, field.clear_button):
        assert _edge_is_drawn(button), button.text()
