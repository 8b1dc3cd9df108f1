"""A record's section with a long title: narrow, the title elides (whole to a screen reader and
in the tooltip over it) and the section asks only for its contents' width; wide, it is whole."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.section_box import SectionBox

TITLE = "Leaving, suspensions and subject access"


def test_a_long_title_elides_in_a_narrow_section_and_is_whole_when_wide(qtbot: QtBot) -> None:
    box = SectionBox(TITLE)
    QVBoxLayout(box).addWidget(QLabel("On roll"))
    qtbot.addWidget(box)
    whole = box.fontMetrics().horizontalAdvance(TITLE)
    assert box.minimumSizeHint().width() < whole / 2  # "On roll" sets it, not the title
    box.resize(whole // 2, 80)
    box.show()
    qtbot.waitExposed(box)
    assert box.title() != TITLE and box.title().endswith("…")
    assert TITLE.startswith(box.title()[:-1])
    assert box.accessibleName() == TITLE
    box.resize(whole + 40, 80)
    qtbot.waitUntil(lambda: box.title() == TITLE)
