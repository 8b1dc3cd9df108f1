"""From a pupil's record to everything about them, in the real main window: place them, open
any of their placements (one window per record), their plan, their row in the register
(focused) and their timetable; the same from the Pupils table's context menu."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from tests.helpers import plans, timetables
from tests.helpers.mnemonics import clashes

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.pupils.page import PupilsPage
from apdesk.ui.shell.main_window import MainWindow


@dataclass
class School:
    placed: int  # a pupil with a running placement and a timetable
    placement: int
    unplaced: int  # a pupil with neither


@pytest.fixture
def school(store: Store) -> School:
    with store.session() as s:
        placed = timetables.hybrid_pupil(s, 1)
        pupil = s.get(plans.Pupil, placed)
        assert pupil is not None
        placement = plans.make_placement(
            s, pupil, start=date.today() - timedelta(weeks=3), end=date.today() + timedelta(weeks=9)
        )
        unplaced = plans.make_pupil(s, "Okafor")
        return School(placed, placement.id or 0, unplaced.id or 0)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, school: School) -> Iterator[MainWindow]:
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.open_page("pupils", {})
    yield shown


def pupils_page(window: MainWindow, qtbot: QtBot, pupil_id: int) -> PupilsPage:
    page = window.pages["pupils"]
    assert isinstance(page, PupilsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.select_pupil(pupil_id)
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.id == pupil_id)
    return page


def menu_action(menu: QMenu, words: str) -> object:
    for action in menu.actions():
        if action.text().replace("&", "") == words:
            return action
    raise AssertionError(f"no {words!r} in {[a.text() for a in menu.actions()]}")


def test_place_this_pupil_opens_a_new_placement_with_the_pupil_chosen(
    qtbot: QtBot, window: MainWindow, school: School
) -> None:
    page = pupils_page(window, qtbot, school.unplaced)
    assert page.detail.place_button.isVisible() and page.detail.place_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Place &this pupil…
    qtbot.waitUntil(lambda: window.ctx.windows.get(("placement", "new")) is not None)
    editor = window.ctx.windows.get(("placement", "new"))
    assert isinstance(editor, PlacementEditor)
    qtbot.waitUntil(lambda: editor.sections.pupil.currentData() == school.unplaced)
    assert "Okafor" in editor.sections.pupil.currentText()
    assert not editor.isWindowModified()  # nothing typed yet: Escape loses nothing
    editor.close()


def test_enter_or_a_double_click_on_a_placement_opens_its_one_editor(
    qtbot: QtBot, window: MainWindow, school: School
) -> None:
    page = pupils_page(window, qtbot, school.placed)
    listing = page.detail.placements
    assert listing.count() == 1
    listing.setFocus()
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    editor = window.ctx.windows.get(("placement", school.placement))
    assert isinstance(editor, PlacementEditor)
    qtbot.waitUntil(lambda: "Placement: " in editor.windowTitle())
    listed = editor.sections.pupil.currentText().split(" (")[0]  # "Known-as Surname"
    assert f"Placement: {listed} at " in editor.windowTitle()  # one way to name
    where = listing.visualItemRect(listing.item(0)).center()
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=where)
    placements = window.page("placements")
    assert placements is not None
    placements.open_placement(school.placement)  # type: ignore[attr-defined]
    editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, PlacementEditor)]
    assert [e for e in editors if e.isVisible()] == [editor]  # one window for the record
    editor.close()


def test_the_more_menu_opens_their_plan_register_row_and_timetable(
    qtbot: QtBot, window: MainWindow, school: School
) -> None:
    page = pupils_page(window, qtbot, school.placed)
    more = page.detail.more_menu
    page.detail._fill_more()
    words = [a.text().replace("&", "") for a in more.actions() if a.text()]
    assert words == [
        "Place this pupil…",
        "Open placement",
        "Open plan",
        "Attendance row",
        "Timetable",
    ]
    placement_menu = menu_action(more, "Open placement").menu()  # type: ignore[attr-defined]
    assert [a.text() for a in placement_menu.actions()] == ["Riverside Learning Centre — Active"]

    menu_action(more, "Open plan").trigger()  # type: ignore[attr-defined]
    assert window.current_key() == "plans"
    plans_page = window.pages["plans"]
    qtbot.waitUntil(lambda: plans_page.view.isVisible())  # type: ignore[attr-defined]
    assert plans_page.placement_id == school.placement  # type: ignore[attr-defined]

    window.open_page("pupils", {})
    page.detail._fill_more()
    menu_action(more, "Attendance row").trigger()  # type: ignore[attr-defined]
    assert window.current_key() == "register"
    register = window.pages["register"]
    qtbot.waitUntil(lambda: register.model.rowCount() == 1)  # type: ignore[attr-defined]
    assert register.model.rows[0].pupil_id == school.placed  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: register.view.hasFocus())  # type: ignore[attr-defined]
    assert register.view.currentIndex().row() == 0  # type: ignore[attr-defined]

    window.open_page("pupils", {})
    page.detail._fill_more()
    menu_action(more, "Timetable").trigger()  # type: ignore[attr-defined]
    assert window.current_key() == "timetables"
    timetables_page = window.pages["timetables"]
    qtbot.waitUntil(
        lambda: (
            timetables_page.pupil is not None  # type: ignore[attr-defined]
            and timetables_page.pupil.pupil_id == school.placed
        )  # type: ignore[attr-defined]
    )
    assert "Tester1" in timetables_page.pupil_combo.currentText()  # type: ignore[attr-defined]


def test_a_pupil_without_a_timetable_is_told_how_to_make_one(
    qtbot: QtBot, window: MainWindow, school: School
) -> None:
    page = pupils_page(window, qtbot, school.unplaced)
    page.detail._fill_more()
    more = page.detail.more_menu
    assert not menu_action(more, "Open plan").isEnabled()  # type: ignore[attr-defined]
    menu_action(more, "Timetable").trigger()  # type: ignore[attr-defined]
    timetables_page = window.pages["timetables"]
    label = timetables_page.status_label  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "has no timetable yet" in label.text())
    assert "Okafor" in label.text()
    assert timetables_page.new_button.hasFocus()  # type: ignore[attr-defined]


def test_the_table_menu_offers_the_same_and_letters_do_not_clash(
    qtbot: QtBot, window: MainWindow, school: School
) -> None:
    page = pupils_page(window, qtbot, school.placed)
    found = clashes(window)
    assert found == [], "\n".join(found)
    menu = page.table_menu()
    words = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert words[0] == "Edit…" and "Place this pupil…" in words and "Timetable" in words
    letters = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
    assert len(letters) == len(set(letters))
    menu_action(menu, "Place this pupil…").trigger()  # type: ignore[attr-defined]
    editor = window.ctx.windows.get(("placement", "new"))
    assert isinstance(editor, PlacementEditor)
    qtbot.waitUntil(lambda: editor.sections.pupil.currentData() == school.placed)
    editor.close()
    for button in (page.detail.place_button, page.detail.more_button):
        assert button.accessibleName()
