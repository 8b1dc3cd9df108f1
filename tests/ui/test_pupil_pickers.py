"""Pupil pickers and the timetable's words name a pupil as every other screen does, "Known-as
Surname", and a picker still finds the pupil by either name or the UPN, in any order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.plans import make_placement

from apdesk.models import Pupil
from apdesk.models.upn import make_upn
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.timetables.page import TimetablesPage

UPN = make_upn(855, 4001, 2013, 41)


@pytest.fixture
def poppy(store: Store) -> tuple[int, int]:
    """Poppy Southgate, known as Jay, on a placement; and another pupil beside her."""
    with store.session() as s:
        for forename, preferred, surname, serial in (
            ("Poppy", "Jay", "Southgate", 41),
            ("Jay", "", "Poppleton", 42),
        ):
            s.add(
                Pupil(
                    upn=make_upn(855, 4001, 2013, serial),
                    forename=forename,
                    preferred_name=preferred,
                    surname=surname,
                    dob=date(2013, 5, 1),
                    nc_year=8,
                )
            )
        s.flush()
        pupil = s.exec(select(Pupil).where(Pupil.surname == "Southgate")).one()
        placement = make_placement(s, pupil)
        return pupil.id or 0, placement.id or 0


def _search(qtbot: QtBot, combo: QComboBox, words: str) -> list[str]:
    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, words)
    completer = combo.completer()
    assert completer is not None
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_placement_editor_names_and_finds_the_pupil_by_either_name(
    qtbot: QtBot, ctx: AppContext, poppy: tuple[int, int]
) -> None:
    pupil_id, placement_id = poppy
    editor = PlacementEditor(ctx, placement_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    combo = editor.sections.pupil
    assert combo.currentText() == f"Jay Southgate ({UPN})"
    assert editor.windowTitle().startswith("Placement: Jay Southgate at ")
    assert _search(qtbot, combo, "southgate poppy") == [f"Jay Southgate ({UPN})"]
    assert _search(qtbot, combo, UPN[-4:] + " jay") == [f"Jay Southgate ({UPN})"]
    assert len(_search(qtbot, combo, "jay")) == 2  # Jay Southgate and Jay Poppleton

    new = PlacementEditor(ctx, None)
    qtbot.addWidget(new)
    new.show()
    qtbot.waitExposed(new)
    found = _search(qtbot, new.sections.pupil, "poppy south")
    assert found == [f"Jay Southgate ({UPN})"]
    popup = new.sections.pupil.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert new.sections.pupil.currentData() == pupil_id
    new.sections.provider.setFocus()  # leaving the box shows the choice, not the words typed
    assert new.sections.pupil.lineEdit().text() == f"Jay Southgate ({UPN})"


def test_a_new_placement_s_pupil_box_is_empty_and_ready_for_typing(
    qtbot: QtBot, ctx: AppContext, poppy: tuple[int, int]
) -> None:
    """The prompt is a grey placeholder, never text in the line: typing straight away searches
    ("Choose the pupil…jay" found no one), and a screen reader hears the box's name."""
    pupil_id, _placement = poppy
    new = PlacementEditor(ctx, None)
    qtbot.addWidget(new)
    new.show()
    qtbot.waitExposed(new)
    line = new.sections.pupil.lineEdit()
    assert line is not None
    assert line.text() == ""
    assert line.placeholderText() == "Choose the pupil…"
    line.setFocus()
    qtbot.keyClicks(line, "southgate")
    popup = new.sections.pupil.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert new.sections.pupil.currentData() == pupil_id


def test_the_timetable_speaks_of_the_pupil_by_the_name_the_school_uses(
    qtbot: QtBot, ctx: AppContext, poppy: tuple[int, int]
) -> None:
    pupil_id, _placement = poppy
    page = TimetablesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.pupils))
    page.apply_filter({"pupil_id": pupil_id})
    assert page.status_label.text().startswith("Jay Southgate has no timetable yet")
