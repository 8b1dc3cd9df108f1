"""The timetable grid's days keep their whole names while they fit their columns and take
their short names when they do not (a longer language on a narrow laptop), never a cut word;
the whole name is always the heading's tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from apdesk.i18n import PSEUDO_LOCALE, set_locale
from apdesk.services.timetables import Structure
from apdesk.ui.timetables.commands import GridDocument
from apdesk.ui.timetables.grid import TimetableGridModel, TimetableGridView

WHOLE = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def headings(model: TimetableGridModel, role: Qt.ItemDataRole) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal, role)) for c in range(5)]


def test_days_shorten_when_narrow_and_are_whole_again_when_wide(qtbot: QtBot) -> None:
    set_locale(PSEUDO_LOCALE)  # "[Ŵéðñéšðåý····]": the longest a day's name gets
    document = GridDocument()
    model = TimetableGridModel(document, Structure())
    view = TimetableGridView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(1400, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not model.short_days)
    whole = headings(model, Qt.ItemDataRole.DisplayRole)
    assert all("[" in name for name in whole)  # the pseudo-locale's whole names
    view.resize(420, 400)  # a column far narrower than "[Ŵéðñéšðåý····]"
    qtbot.waitUntil(lambda: model.short_days)
    short = headings(model, Qt.ItemDataRole.DisplayRole)
    assert short == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    header = view.horizontalHeader()
    assert all(header.sectionSizeFromContents(c).width() <= header.sectionSize(c) for c in range(5))
    assert headings(model, Qt.ItemDataRole.ToolTipRole) == whole
    view.resize(1400, 400)
    qtbot.waitUntil(lambda: not model.short_days)
    assert headings(model, Qt.ItemDataRole.DisplayRole) == whole


def test_english_days_are_whole_at_a_laptops_width(qtbot: QtBot) -> None:
    model = TimetableGridModel(GridDocument(), Structure())
    view = TimetableGridView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(700, 400)  # the grid beside its panels on a 1280 px laptop
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert headings(model, Qt.ItemDataRole.DisplayRole) == WHOLE
