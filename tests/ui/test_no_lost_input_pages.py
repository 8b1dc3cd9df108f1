"""Nothing typed on a page is lost either: choosing another placement on the Plans page or
another pupil on the Timetables page with unsaved input asks Save / Discard / Cancel (Cancel the
default), and quitting asks once about every page and editor that holds unsaved input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.timetables import LATER, START, hybrid_pupil, in_force
from tests.helpers.unsaved import Button, answer_next_box

from apdesk.models import Placement
from apdesk.models.enums import SlotKind
from apdesk.services.operations.timetables import save_next_version
from apdesk.services.plan_rows import load_plan
from apdesk.services.school import SchoolDetails, save_school
from apdesk.services.timetables import load_grid
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.plans.page import PlansPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.timetables.page import TimetablesPage

TYPED = "Back to Year 9 maths sets from March."


def two_placements(store: Store) -> tuple[int, int]:
    with store.session() as s:
        ids = []
        for surname in ("Fairweather", "Gatsby"):
            placement = make_placement(
                s,
                make_pupil(s, surname),
                start=date.today() - timedelta(days=30),
                end=date.today() + timedelta(days=60),
            )
            ids.append(placement.id or 0)
        return ids[0], ids[1]


def exit_strategy(store: Store, placement_id: int) -> str:
    """The exit strategy a fresh read of the plan shows."""
    with store.session() as s:
        return load_plan(s, placement_id).exit_strategy


def plans_with_typed_exit(qtbot: QtBot, ctx: AppContext) -> PlansPage:
    """The Plans page on the first placement, with a line typed into its exit strategy."""
    page = PlansPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 740)
    page.show()
    qtbot.waitUntil(lambda: page.filter.rowCount() == 2)
    page.list.setFocus()
    page.list.setCurrentIndex(page.filter.index(0, 0))
    qtbot.waitUntil(lambda: page.view.data is not None)
    page.view.tabs.setCurrentIndex(1)  # Exit and transition
    box = page.view.exit_strategy
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, TYPED)
    return page


def choose_the_other_placement(qtbot: QtBot, page: PlansPage) -> None:
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)


@pytest.mark.parametrize("answer", ["cancel", "save", "discard"])
def test_choosing_another_placement_asks_before_dropping_the_exit_strategy(
    qtbot: QtBot, ctx: AppContext, store: Store, answer: str
) -> None:
    first, second = two_placements(store)
    page = plans_with_typed_exit(qtbot, ctx)
    shown = page.placement_id
    other = second if shown == first else first
    asked: list[str] = []
    button = {"cancel": Button.Cancel, "save": Button.Save, "discard": Button.Discard}[answer]
    answer_next_box(button, asked)
    choose_the_other_placement(qtbot, page)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0].endswith("has changes that are not saved.")  # and Cancel was the default
    if answer == "cancel":
        qtbot.wait(20)
        assert page.placement_id == shown
        assert page.view.exit_strategy.toPlainText() == TYPED
        assert page.list.currentIndex().row() == 0  # the list shows the plan on screen
        assert exit_strategy(store, shown or 0) != TYPED
        return
    qtbot.waitUntil(lambda: page.view.data is not None and page.view.data.placement_id == other)
    assert page.view.exit_strategy.toPlainText() == "Phased return from week 6."
    stored = exit_strategy(store, shown or 0)
    assert stored == (TYPED if answer == "save" else "Phased return from week 6.")


# -- timetables ----------------------------------------------------------------------------
TUE_P2 = (1, "TUE", 2)  # English, an IAP session in these timetables


def press_enter_on_next_box(asked: list[str]) -> None:
    """Press Enter on the next message box, as a person who reads no further would."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        asked.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def stored_kind(store: Store, pupil_id: int) -> SlotKind:
    with store.session() as s:
        return load_grid(s, in_force(s, pupil_id, START).id or 0)[TUE_P2].kind


def timetable_with_an_edit(
    qtbot: QtBot, ctx: AppContext, store: Store, versions: int = 1
) -> TimetablesPage:
    with store.session() as s:
        first = hybrid_pupil(s, 1)
        hybrid_pupil(s, 2)
        version = in_force(s, first, START).id or 0
    if versions == 2:
        store.run(save_next_version, version, LATER, {})
    page = TimetablesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 740)
    page.show()
    qtbot.waitUntil(lambda: page.doc is not None)
    view = page.editor.view
    view.setFocus()
    view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    qtbot.keyClick(view, Qt.Key.Key_M)  # back to the lesson: an edit not yet saved
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.MAINSTREAM
    return page


def choose_the_other_pupil(qtbot: QtBot, page: TimetablesPage) -> None:
    page.pupil_combo.setFocus()
    qtbot.keyClick(page.pupil_combo, Qt.Key.Key_Down)


@pytest.mark.parametrize("answer", ["enter", "cancel", "save", "discard"])
def test_choosing_another_pupil_asks_save_discard_or_cancel_and_enter_keeps_the_edits(
    qtbot: QtBot, ctx: AppContext, store: Store, answer: str
) -> None:
    page = timetable_with_an_edit(qtbot, ctx, store)
    assert page.pupil is not None
    shown, name = page.pupil.pupil_id, page.pupil_combo.currentText()
    asked: list[str] = []
    if answer == "enter":
        press_enter_on_next_box(asked)
    else:
        button = {"cancel": Button.Cancel, "save": Button.Save, "discard": Button.Discard}
        answer_next_box(button[answer], asked)
    choose_the_other_pupil(qtbot, page)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0].endswith("has changes that are not saved.")
    if answer in ("enter", "cancel"):
        qtbot.wait(20)
        assert page.pupil.pupil_id == shown and page.pupil_combo.currentText() == name
        assert page.editor.document.dirty
        assert page.editor.document.grid[TUE_P2].kind is SlotKind.MAINSTREAM
        assert stored_kind(store, shown) is SlotKind.IAP
        return
    qtbot.waitUntil(lambda: page.pupil is not None and page.pupil.pupil_id != shown)
    qtbot.waitUntil(lambda: page.doc is not None and page.doc.draft.pupil_id != shown)
    assert page.pupil_combo.currentText() != name and not page.editor.document.dirty
    expected = SlotKind.MAINSTREAM if answer == "save" else SlotKind.IAP
    assert stored_kind(store, shown) is expected


# -- quitting ------------------------------------------------------------------------------
def let_go(window: QWidget) -> None:
    """Before the test's own clean-up closes the window: nothing left to ask about."""
    assert isinstance(window, MainWindow)
    pages, editors = window.quit_guard.holders()
    for page in pages:
        page.discard_input()
    for editor in editors:
        editor.mark_saved()


def window_on(qtbot: QtBot, ctx: AppContext, key: str) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=let_go)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index(key))
    return window


def answer_quit(button: Button, asked: list[str]) -> None:
    """Like `answer_next_box`, for the quit question (whose Save is Save all)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        default = box.defaultButton() == box.button(Button.Cancel)
        asked.append(f"{box.text()}\n{box.informativeText()}" if default else "not Cancel")
        box.button(button).click()

    QTimer.singleShot(0, click)


def quit_with_ctrl_q(qtbot: QtBot, where: QWidget) -> None:
    """Ctrl+Q as the window system delivers it, to the window that holds `where`."""
    handle = where.window().windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def window_with_typed_exit(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> tuple[MainWindow, PlansPage]:
    """The window on the Plans page, a line typed into the first placement's exit strategy."""
    two_placements(store)
    window = window_on(qtbot, ctx, "plans")
    page = window.pages["plans"]
    assert isinstance(page, PlansPage)
    qtbot.waitUntil(lambda: page.filter.rowCount() == 2)
    page.list.setCurrentIndex(page.filter.index(0, 0))
    qtbot.waitUntil(lambda: page.view.data is not None)
    page.view.tabs.setCurrentIndex(1)
    box = page.view.exit_strategy
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, TYPED)
    return window, page


@pytest.mark.parametrize("answer", ["cancel", "save all", "discard"])
def test_quitting_with_unsaved_plan_text_asks_and_cancel_keeps_it(
    qtbot: QtBot, ctx: AppContext, store: Store, answer: str
) -> None:
    window, page = window_with_typed_exit(qtbot, ctx, store)
    box = page.view.exit_strategy
    shown = page.placement_id or 0
    asked: list[str] = []
    button = {"cancel": Button.Cancel, "save all": Button.SaveAll, "discard": Button.Discard}
    answer_quit(button[answer], asked)
    quit_with_ctrl_q(qtbot, box)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0].startswith("Quit apdesk? This is not saved yet:")
    assert "exit and transition" in asked[0]
    if answer == "cancel":
        qtbot.wait(20)
        assert window.isVisible() and box.toPlainText() == TYPED
        assert exit_strategy(store, shown) != TYPED
        return
    qtbot.waitUntil(lambda: not window.isVisible())
    expected = TYPED if answer == "save all" else "Phased return from week 6."
    assert exit_strategy(store, shown) == expected


def window_with_a_timetable_edit(
    qtbot: QtBot, ctx: AppContext
) -> tuple[MainWindow, TimetablesPage]:
    """The window on the Timetables page, Tuesday period 2 changed to a mainstream lesson."""
    window = window_on(qtbot, ctx, "timetables")
    page = window.pages["timetables"]
    assert isinstance(page, TimetablesPage)
    qtbot.waitUntil(lambda: page.doc is not None)
    view = page.editor.view
    view.setFocus()
    view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    qtbot.keyClick(view, Qt.Key.Key_M)
    return window, page


def test_quitting_asks_once_about_a_timetable_edit_and_an_open_editor(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:
        hybrid_pupil(s, 1)
    placement_id, _other = two_placements(store)
    window, page = window_with_a_timetable_edit(qtbot, ctx)
    editor = PlacementEditor(ctx, placement_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor._baseline is not None)
    notes = editor.binder.widgets["learning_outcomes"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Level 1 English by July")
    asked: list[str] = []
    answer_quit(Button.Cancel, asked)
    window.close()  # the window's close button
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0].startswith("Quit apdesk? These are not saved yet:")
    assert "The timetable of" in asked[0] and "Placement:" in asked[0]
    qtbot.wait(20)
    assert window.isVisible() and editor.isVisible() and page.editor.document.dirty

    answer_quit(Button.SaveAll, asked)  # the placement is refused: the school has no name
    window.close()
    qtbot.waitUntil(lambda: editor.message.text().startswith("Not saved"))
    assert window.isVisible() and editor.isVisible() and editor.has_unsaved_input()
    assert not page.editor.document.dirty  # the timetable was saved

    with store.session() as s:
        save_school(
            s, SchoolDetails(name="Riverside Academy", urn="100001", la_code="855", estab="4001")
        )
    answer_quit(Button.SaveAll, asked)  # asked again, about what is left
    quit_with_ctrl_q(qtbot, notes)  # from inside the editor
    qtbot.waitUntil(lambda: len(asked) == 3)
    assert asked[2].startswith("Quit apdesk? This is not saved yet:")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not editor.isVisible()
    assert stored_kind(store, page.pupil.pupil_id if page.pupil else 0) is SlotKind.MAINSTREAM
    with store.session() as s:
        saved = s.get(Placement, placement_id)
        assert saved is not None and "Level 1 English by July" in (saved.learning_outcomes or "")


def test_clicking_another_version_then_cancel_keeps_the_list_on_the_version_edited(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    page = timetable_with_an_edit(qtbot, ctx, store, versions=2)
    assert page.versions.count() == 2 and page.editor.document.dirty
    shown = page.versions.currentRow()
    other = 1 - shown
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    rect = page.versions.visualItemRect(page.versions.item(other))
    qtbot.mouseClick(page.versions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(asked) == 1)
    qtbot.wait(50)
    assert page.versions.currentRow() == shown and page.editor.document.dirty
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.MAINSTREAM


def unlock_again(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase.edit, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.is_unlocked)


def test_locking_keeps_plan_text_typed_on_the_page_and_unlocking_brings_it_back(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    window, page = window_with_typed_exit(qtbot, ctx, store)
    box = page.view.exit_strategy
    shown = page.placement_id or 0

    window.lock()  # Ctrl+L, or the auto-lock
    assert not page.isVisible()  # hidden behind the lock, never written anywhere
    assert list(window.pages) == ["plans"]  # the other pages went with the key
    unlock_again(qtbot, window)
    qtbot.waitUntil(lambda: page.isVisible())
    assert window.pages["plans"] is page
    qtbot.wait(200)  # the page's reads after unlock never type over the text
    assert box.toPlainText() == TYPED
    assert page.unsaved_input()
    assert exit_strategy(window.ctx.store, shown) != TYPED  # kept in memory only


def test_locking_keeps_a_timetable_edit_and_unlocking_brings_it_back(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:
        pupil_id = hybrid_pupil(s, 1)
    window, page = window_with_a_timetable_edit(qtbot, ctx)
    assert page.editor.document.dirty

    window.lock()
    assert not page.isVisible()
    unlock_again(qtbot, window)
    qtbot.waitUntil(lambda: page.isVisible())
    qtbot.wait(200)
    assert window.pages["timetables"] is page
    assert page.editor.document.dirty and page.unsaved_input()
    unlocked = window.ctx.store
    assert stored_kind(unlocked, pupil_id) is not SlotKind.MAINSTREAM  # not saved behind anyone
    page.save_input(lambda: None)
    qtbot.waitUntil(lambda: not page.editor.document.dirty)
    assert stored_kind(unlocked, pupil_id) is SlotKind.MAINSTREAM
