"""The Timetables page on a real store: editing slots by keyboard and mouse, undo and redo,
saving, the live checks, the suggested next step, the chart, the group view and printing."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.timetables import START, full_week, make_pupil, with_iap

from apdesk.models.enums import SlotKind
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.operations.timetables import save_next_version
from apdesk.services.timetables import create_version, list_versions, load_grid, load_structure
from apdesk.services.timetables.groups import ensure_activities, save_group
from apdesk.services.timetables.ratings import Goal, add_rating, set_goal
from apdesk.services.timetables.structure import save_structure
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.timetables.dialogs import NewTimetableDialog, NewVersionDialog
from apdesk.ui.timetables.page import TimetablesPage
from apdesk.ui.timetables.slot_dialog import SlotDialog
from apdesk.ui.timetables.suggest import SuggestDialog
from apdesk.ui.widgets.pdf_preview import PdfPreviewDialog

TUE_P2 = (1, "TUE", 2)  # English, a mainstream lesson
MON_P2 = (1, "MON", 2)  # Maths, an IAP session in the base


@dataclass
class School:
    pupil_id: int
    group_id: int
    version_id: int


@pytest.fixture
def timetabled(store: Store) -> School:
    """A pupil on a hybrid timetable: maths and science in the base, the rest in lessons."""
    with store.session() as s:
        ensure_activities(s)
        group = save_group(s, "The Bridge", "B12", "Mr Okafor", "Ms Hart", capacity=8)
        pupil = make_pupil(s, 1, "Robin")
        grid = with_iap(full_week(load_structure(s)), {"Maths", "Science"})
        version = create_version(s, pupil.id or 0, START, grid, group_id=group.id)
        for subject, rating in (("Maths", 5), ("Science", 4)):
            add_rating(s, pupil.id or 0, subject, rating, START + timedelta(days=10))
        set_goal(s, pupil.id or 0, Goal(START + timedelta(weeks=12), 2, 1.0))
        return School(pupil.id or 0, group.id or 0, version.id or 0)


@pytest.fixture
def page(ctx: AppContext, timetabled: School, qtbot: QtBot) -> TimetablesPage:
    widget = TimetablesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitUntil(lambda: widget.doc is not None)
    return widget


def item_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def cell(page: TimetablesPage, key: tuple[int, str, int]) -> str:
    text: str = page.editor.model.index_of(key).data()
    return text


def test_the_page_shows_the_pupil_version_and_grid(
    page: TimetablesPage, timetabled: School
) -> None:
    assert "Tester1" in page.pupil_combo.currentText()
    assert page.versions.count() == 1
    assert "Accepted" in page.versions.item(0).text() and "68%" in page.versions.item(0).text()
    assert cell(page, MON_P2).splitlines()[0] == "IAP"
    assert "instead of Maths" in cell(page, MON_P2)
    assert cell(page, TUE_P2).splitlines()[:2] == ["LESSON", "English"]
    assert cell(page, (1, "MON", 3)).startswith("WITH FRIENDS")  # the morning break
    assert "Break" in page.editor.model.headerData(2, Qt.Orientation.Vertical)
    assert "68%" in page.chart_summary.text()


def test_keyboard_editing_and_undo(page: TimetablesPage, qtbot: QtBot) -> None:
    view = page.editor.view
    view.setFocus()
    view.setCurrentIndex(page.editor.model.index(0, 0))  # Monday period 1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == TUE_P2
    qtbot.keyClick(view, Qt.Key.Key_I)
    value = page.editor.document.grid[TUE_P2]
    assert value.kind is SlotKind.IAP and value.subject == "English" and value.activity
    assert cell(page, TUE_P2).startswith("IAP")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert TUE_P2 not in page.editor.document.grid
    assert cell(page, TUE_P2) == "NOT TIMETABLED"
    assert page.save_button.isEnabled()

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.IAP
    page.commands.undo_action.trigger()
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.MAINSTREAM
    assert not page.editor.document.dirty and not page.save_button.isEnabled()
    page.commands.redo_action.trigger()
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.IAP
    assert page.commands.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"

    qtbot.keyClick(view, Qt.Key.Key_M)  # back to the lesson it replaced
    assert page.editor.document.grid[TUE_P2].subject == "English"
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.MAINSTREAM
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.SOCIAL


def test_enter_edits_the_details_and_ctrl_drag_copies(page: TimetablesPage, qtbot: QtBot) -> None:
    view = page.editor.view
    view.setFocus()
    view.setCurrentIndex(page.editor.model.index_of(MON_P2))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = page.editor.findChild(SlotDialog)
    assert dialog is not None and dialog.isVisible()
    # Whose timetable, then which slot:
    assert dialog.windowTitle().replace("[*]", "") == "Robin Tester1: Monday Period 2"
    dialog.activity.setCurrentText("Animal care")
    dialog.accept()
    assert page.editor.document.grid[MON_P2].activity == "Animal care"

    target = page.editor.model.index_of(TUE_P2)
    start = view.visualRect(page.editor.model.index_of(MON_P2)).center()
    end = view.visualRect(target).center()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, ctrl, start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, ctrl, end)
    assert page.editor.document.grid[TUE_P2] == page.editor.document.grid[MON_P2]
    page.commands.undo_action.trigger()
    assert page.editor.document.grid[TUE_P2].subject == "English"


def test_a_mainstream_key_on_an_empty_lesson_asks_for_the_subject(
    page: TimetablesPage, qtbot: QtBot
) -> None:
    view = page.editor.view
    view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(view, Qt.Key.Key_M)
    dialog = page.editor.findChild(SlotDialog)
    assert dialog is not None and dialog.current_kind() is SlotKind.MAINSTREAM
    dialog.accept()  # no subject yet: refused inline, nothing changes
    assert "subject" in dialog.error.text().lower() and dialog.isVisible()
    dialog.subject.setText("Drama")
    dialog.accept()
    assert page.editor.document.grid[TUE_P2].subject == "Drama"


def test_save_persists_and_a_new_page_shows_it(
    page: TimetablesPage, ctx: AppContext, store: Store, timetabled: School, qtbot: QtBot
) -> None:
    view = page.editor.view
    view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    qtbot.keyClick(view, Qt.Key.Key_I)
    with qtbot.waitSignal(ctx.changed):
        page.commands.save()
    assert not page.editor.document.dirty
    with store.session() as s:
        assert load_grid(s, timetabled.version_id)[TUE_P2].kind is SlotKind.IAP
    again = TimetablesPage(ctx)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.doc is not None)
    assert cell(again, TUE_P2).startswith("IAP")
    assert "64%" in again.versions.item(0).text()  # one lesson fewer in the mainstream


def test_save_as_the_next_version(
    page: TimetablesPage, store: Store, timetabled: School, qtbot: QtBot
) -> None:
    page.editor.view.setCurrentIndex(page.editor.model.index_of(MON_P2))
    qtbot.keyClick(page.editor.view, Qt.Key.Key_M)
    page.commands.save_as_next()
    dialog = page.commands.open_dialog
    assert isinstance(dialog, NewVersionDialog)
    dialog.effective.setDate(QDate(START))  # not after the version it copies: refused inline
    dialog.accept()
    assert "Effective date" in dialog.error.text()
    dialog.effective.setDate(QDate(START + timedelta(weeks=2)))
    dialog.accept()
    qtbot.waitUntil(lambda: page.versions.count() == 2)
    with store.session() as s:
        rows = list_versions(s, timetabled.pupil_id)
        assert load_grid(s, rows[0].version_id)[MON_P2].kind is SlotKind.IAP
        assert load_grid(s, rows[1].version_id)[MON_P2].kind is SlotKind.MAINSTREAM
    assert page.doc is not None and page.doc.version_id == rows[1].version_id


def test_an_accepted_suggestion_makes_a_new_version_with_a_higher_share(
    page: TimetablesPage, store: Store, timetabled: School
) -> None:
    before = page.chart.chart.points[-1][1] if page.chart.chart else 0.0
    dialog = page.commands.suggest()
    assert isinstance(dialog, SuggestDialog)
    assert dialog.step.value() == 2 and dialog.moves.count() == 2
    assert "Maths rated 5/5" in dialog.moves.item(0).text()
    dialog.moves.item(1).setCheckState(Qt.CheckState.Unchecked)  # the lead drops one move
    assert "1 move kept" in dialog.share.text()
    dialog.effective.setDate(QDate(START + timedelta(weeks=2)))
    dialog.accept_button.click()
    assert page.versions.count() == 2
    newest = page.versions.item(1).text()
    assert "Accepted" in newest and "72%" in newest
    assert page.chart.chart is not None and len(page.chart.chart.points) == 2
    assert page.chart.chart.points[-1][1] > before
    assert "68% → 72%" in page.chart_summary.text()
    with store.session() as s:
        assert len(list_versions(s, timetabled.pupil_id)) == 2


def test_a_proposed_step_can_be_accepted_on_the_page(page: TimetablesPage) -> None:
    dialog = page.commands.suggest()
    assert dialog is not None
    dialog.effective.setDate(QDate(START + timedelta(weeks=2)))
    dialog.propose_button.click()
    assert "Proposed" in page.versions.item(1).text()
    assert page.chart.chart is not None and len(page.chart.chart.proposed) == 1
    page.versions.setCurrentRow(1)
    assert page.accept_button.isEnabled()
    page.accept_button.click()
    assert "Accepted" in page.versions.item(1).text()
    assert page.selected_row() is not None
    assert page.selected_row().status is VersionStatus.ACCEPTED  # type: ignore[union-attr]


def test_the_checks_panel_shows_over_capacity_and_selects_its_slots(
    ctx: AppContext, store: Store, timetabled: School, qtbot: QtBot
) -> None:
    with store.session() as s:
        save_group(s, "The Bridge", "B12", "Mr Okafor", "Ms Hart", 1, group_id=timetabled.group_id)
        other = make_pupil(s, 2, "Sam")
        grid = with_iap(full_week(load_structure(s)), {"Maths"})
        create_version(s, other.id or 0, START, grid, group_id=timetabled.group_id)
    page = TimetablesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: any("capacity" in t for t in page.checks.texts()))
    text = next(t for t in page.checks.texts() if "capacity" in t)
    assert "over its capacity of 1 in 4 periods" in text and "Why:" in text
    item = next(page.checks.list.item(i) for i in range(page.checks.list.count())
                if "capacity" in page.checks.list.item(i).text())  # fmt: skip
    page.checks.list.setCurrentItem(item)
    assert MON_P2 in page.editor.selected_keys() and len(page.editor.selected_keys()) == 4

    # Live: moving every maths session back to the lesson clears it after the pause.
    page.editor.select_slots(page.editor.selected_keys())
    qtbot.keyClick(page.editor.view, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not any("capacity" in t for t in page.checks.texts()))


def test_the_group_view_lists_who_is_in_the_base(page: TimetablesPage, qtbot: QtBot) -> None:
    panel = page.group_panel
    panel.on_date.setDate(QDate(START + timedelta(days=1)))
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.view is not None)
    monday_p2 = item_text(panel.table, 1, 0)
    assert "1 of 8 places" in monday_p2 and "Robin Tester1 · Gardening" in monday_p2
    assert item_text(panel.table, 0, 0) == "No one in the base"
    assert "Mr Okafor, Ms Hart" in panel.staff.text()


def test_print_shows_the_pdf_of_this_version(page: TimetablesPage) -> None:
    page.commands.print_timetable()
    preview = page.commands.open_dialog
    assert isinstance(preview, PdfPreviewDialog)
    text = PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text()
    assert "Robin" in text and "Tester1" in text
    preview.close()


def test_a_first_timetable_for_another_pupil(
    page: TimetablesPage, store: Store, qtbot: QtBot
) -> None:
    with store.session() as s:
        newcomer = make_pupil(s, 3, "Kit").id or 0
    page.refresh()
    page.commands.new_timetable()
    dialog = page.commands.open_dialog
    assert isinstance(dialog, NewTimetableDialog)
    dialog.pupil.setCurrentText("Kit Tester3")  # not how the list names pupils: refused
    dialog.accept()
    assert "Pupil" in dialog.error.text()
    dialog.pupil.setCurrentIndex(dialog.pupil.findData(newcomer))
    dialog.accept()
    qtbot.waitUntil(lambda: page.pupil is not None and page.pupil.pupil_id == newcomer)
    qtbot.waitUntil(lambda: page.doc is not None and page.doc.draft.pupil_id == newcomer)
    assert cell(page, TUE_P2) == "NOT TIMETABLED"
    assert cell(page, (1, "MON", 3)).startswith("WITH FRIENDS")
    assert any("below the full-time" in t for t in page.checks.texts())


def test_every_control_has_an_accessible_name(page: TimetablesPage, qtbot: QtBot) -> None:
    suggest = page.commands.suggest()
    page.editor.edit_slot(MON_P2)
    slot = page.editor.findChild(SlotDialog)
    page.commands.new_timetable()
    first = page.commands.open_dialog
    for root in (page, suggest, slot, first):
        assert root is not None
        controls = [
            w
            for w in root.findChildren(QWidget)
            if isinstance(w, QAbstractButton | QLineEdit | QListWidget) and w.isVisible()
        ]
        assert controls
        assert [w for w in controls if not w.accessibleName()] == []


def test_a_two_week_cycle_has_a_tab_for_each_week(
    ctx: AppContext, store: Store, timetabled: School, qtbot: QtBot
) -> None:
    with store.session() as s:
        save_structure(s, load_structure(s).periods, 2, START)
        grid = with_iap(full_week(load_structure(s)), {"Maths"})
        create_version(
            s, timetabled.pupil_id, START + timedelta(weeks=1), grid, group_id=timetabled.group_id
        )
    page = TimetablesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.doc is not None and page.versions.count() == 2)
    weeks = page.editor.weeks
    assert weeks.isVisible() and [weeks.tabText(i) for i in range(2)] == ["Week 1", "Week 2"]
    weeks.setCurrentIndex(1)
    index = page.editor.model.index(1, 0)
    assert index.data(Qt.ItemDataRole.UserRole + 1) == (2, "MON", 2)
    page.editor.view.setCurrentIndex(index)
    qtbot.keyClick(page.editor.view, Qt.Key.Key_S)
    assert page.editor.document.grid[(2, "MON", 2)].kind is SlotKind.SOCIAL
    assert page.editor.document.grid[(1, "MON", 2)].kind is SlotKind.IAP


def test_a_version_made_elsewhere_shows_but_never_over_unsaved_edits(
    page: TimetablesPage, ctx: AppContext, timetabled: School, qtbot: QtBot
) -> None:
    later = START + timedelta(weeks=3)
    ctx.op(save_next_version, timetabled.version_id, later, {}).run()  # e.g. from another window
    assert page.versions.count() == 2  # followed at once: the page was clean
    page.versions.setCurrentRow(0)
    page.editor.view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    qtbot.keyClick(page.editor.view, Qt.Key.Key_I)  # an edit not yet saved
    ctx.op(save_next_version, timetabled.version_id, later + timedelta(weeks=1), {}).run()
    assert page.versions.count() == 2 and page.editor.document.dirty  # the edit is kept
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.IAP
    page.commands.undo_action.trigger()  # back to the saved version: now it catches up
    qtbot.waitUntil(lambda: page.versions.count() == 3)


def test_a_double_click_opens_a_slot_and_its_menu_offers_the_keys(
    page: TimetablesPage, qtbot: QtBot
) -> None:
    view = page.editor.view
    hint = page.editor.hint
    assert hint.isVisible()
    assert all(words in hint.text() for words in ("Double-click", "Enter", "F2", "Delete"))

    where = view.visualRect(page.editor.model.index_of(MON_P2)).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = page.editor.findChild(SlotDialog)
    assert dialog is not None and dialog.isVisible()
    assert view.currentIndex() == page.editor.model.index_of(MON_P2)
    dialog.reject()

    view.setCurrentIndex(page.editor.model.index_of(TUE_P2))
    menu = view.slot_menu()
    entries = {
        a.text().replace("&", ""): a.shortcut().toString() for a in menu.actions() if a.text()
    }
    assert entries == {
        "Edit slot details…": "Enter",
        "Set lesson": "M",
        "Set IAP": "I",
        "Set off-site": "O",
        "Set with friends": "S",
        "Clear slot": "Del",
    }
    chosen = next(a for a in menu.actions() if a.data() == "S")
    chosen.trigger()
    assert page.editor.document.grid[TUE_P2].kind is SlotKind.SOCIAL
    assert cell(page, TUE_P2).startswith("WITH FRIENDS")
    next(a for a in view.slot_menu().actions() if a.data() == "clear").trigger()
    assert TUE_P2 not in page.editor.document.grid


def test_a_right_click_on_a_slot_opens_its_menu(page: TimetablesPage, qtbot: QtBot) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    view = page.editor.view
    index = page.editor.model.index_of(TUE_P2)
    where = view.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(view.viewport(), event)
    menu = view.findChild(QMenu)
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    assert view.currentIndex() == index  # the slot right-clicked is the one acted on
    menu.close()
