"""The Attendance page: typing codes into the register, amendments, undo and the Today panel."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.register import MON, build, history, make_page

from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance import record_mark
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.model import CELL_ROLE, MISSING_TEXT, RegisterModel
from apdesk.ui.register.page import RegisterPage


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    return build(store)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, ids: dict[str, int]) -> RegisterPage:
    return make_page(qtbot, ctx, datetime.combine(MON, time(11, 0)))


def test_typing_codes_records_marks_and_the_keys_move(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    view = page.view
    assert [r.name for r in page.model.rows] == ["Ada Ash", "Ben Birch"]
    view.setFocus()
    view.move_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert history(store, ids["ada"], MON, AmPm.AM) == [("B", "")]
    assert "expected at" not in page.message.text()  # B: the code for a provider's session
    assert view.currentIndex().row() == 0  # a code does not move on by itself
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter: the next pupil, same session
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)
    qtbot.keyClicks(view, "/")
    assert history(store, ids["ben"], MON, AmPm.AM) == [("/", "")]  # taken, with a word:
    said = page.message.text()
    assert "Ben Birch is expected at Riverside Skills this session" in said
    assert "placement is marked B, not /: type B" in said
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClicks(view, "/")  # "/" in the afternoon is stored as the afternoon mark
    assert history(store, ids["ben"], MON, AmPm.PM) == [("\\", "")]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 2)
    qtbot.keyClicks(view, "C")  # could be C, C1 or C2: waits for the next key
    assert history(store, ids["ada"], MON + timedelta(days=1), AmPm.AM) == []
    assert "C" in page.message.text()
    qtbot.keyClicks(view, "2")
    assert history(store, ids["ada"], MON + timedelta(days=1), AmPm.AM) == [("C2", "")]
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex().column() == 1
    qtbot.keyClicks(view, "H")  # retired: refused with the reason, position kept
    assert "retired" in page.message.text()
    assert view.currentIndex().column() == 1
    assert history(store, ids["ada"], MON, AmPm.PM) == []
    view.move_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # never deletes
    assert "never deleted" in page.message.text()
    assert history(store, ids["ada"], MON, AmPm.AM) == [("B", "")]
    assert page.model.index(0, 0).data() == "B"


def test_typing_over_a_mark_asks_why_and_records_an_amendment(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        record_mark(s, ids["ada"], MON, AmPm.AM, "N")
    page.refresh()
    assert page.model.index(0, 0).data() == "N"
    page.view.setFocus()
    page.view.move_to(0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_I)
    dialog = page.amend_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.old.text() == "N: Reason for absence not yet established"
    assert dialog.new.text() == "I: Illness (not medical or dental appointment)"
    dialog.accept()  # no reason yet: refused, nothing written
    assert dialog.isVisible() and "Reason" in dialog.error.text()
    assert history(store, ids["ada"], MON, AmPm.AM) == [("N", "")]
    qtbot.keyClicks(dialog.reason, "Parent phoned: ill")
    dialog.accept()
    assert history(store, ids["ada"], MON, AmPm.AM) == [("N", ""), ("I", "Parent phoned: ill")]
    assert page.model.index(0, 0).data() == "I✎"
    assert "amended" in page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    page.undo_stack.undo()  # undo records the old code back: nothing is deleted
    assert history(store, ids["ada"], MON, AmPm.AM)[-1] == ("N", "Undone")
    page.undo_stack.redo()
    assert history(store, ids["ada"], MON, AmPm.AM)[-1] == ("I", "Redone")
    assert len(history(store, ids["ada"], MON, AmPm.AM)) == 4


def test_the_today_panel_lists_the_late_provider_and_unmarked_pupils(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        record_mark(s, ids["ada"], MON, AmPm.AM, "I")
    today = page.today
    today.cutoff.setTime(today.cutoff.time().fromString("09:30", "HH:mm"))
    qtbot.mouseClick(today.save_cutoff, Qt.MouseButton.LeftButton)
    assert today.board is not None and today.board.cutoff == time(9, 30)
    assert today.late.rowCount() >= 1
    assert today.late.item(0, 0).text() == "Riverside Skills"
    contact = today.late.item(1, 0)
    assert contact.text() == "01632 960111"  # the number to ring, under the provider's name
    assert contact.toolTip() == "Phone 01632 960111\nEmail office@riverside.example"
    assert today.late_contact(0) == today.late_contact(1) == (
        "01632 960111", "office@riverside.example"
    )  # what the row's menu copies  # fmt: skip
    assert "1 provider" in today.late_heading.text()
    names = [today.pupils.item(r, 0) for r in range(today.pupils.rowCount())]
    said = [n.data(Qt.ItemDataRole.AccessibleTextRole) for n in names]  # a screen reader's words
    assert said == [
        "Ada Ash: Absent, at Riverside Skills",
        "Ben Birch: Awaiting a mark, at Riverside Skills",
    ]
    assert all(n.toolTip() == words for n, words in zip(names, said, strict=True))
    assert all(not n.icon().isNull() for n in names)  # the status, seen at a glance
    page.apply_filter({"day": MON.isoformat(), "status": "awaiting"})
    assert [today.pupils.item(r, 0).text() for r in range(today.pupils.rowCount())] == ["Ben Birch"]
    page.apply_filter({"pupil_ids": [ids["ben"]]})
    assert [r.name for r in page.model.rows] == ["Ben Birch"]
    assert page.bar.show_all.isVisibleTo(page)
    page.show_all()
    assert len(page.model.rows) == 2


def test_a_jump_from_another_pupils_record_clears_the_old_message(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    from apdesk.ui.pupils.data import load_pupil
    from apdesk.ui.pupils.jumps import PupilJumps

    view = page.view
    view.setFocus()
    view.move_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_B)
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: "Ada Ash" in page.message.text() and "undone" in page.message.text())
    with store.session() as session:
        ben = load_pupil(session, ids["ben"])
    assert ben is not None
    jumps = PupilJumps()
    jumps.page_requested.connect(lambda _key, filters: page.apply_filter(filters))
    jumps.open_register(ben)  # "Attendance row" on Ben's record
    qtbot.waitUntil(lambda: [r.name for r in page.model.rows] == ["Ben Birch"])
    assert page.message.text() == ""  # nothing left about Ada's mark


def test_before_the_cutoff_nobody_is_late(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    page = make_page(qtbot, ctx, datetime.combine(MON, time(8, 0)))
    assert page.today.board is not None and page.today.board.late_returns == []
    assert "none" in page.today.late_heading.text()
    assert page.today.pupils.rowCount() == 2


def test_the_register_model_passes_the_model_tester(
    qtmodeltester: object, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        record_mark(s, ids["ben"], MON, AmPm.PM, "B")
    page.refresh()
    assert page.model.columnCount() == 10
    assert page.model.index(1, 1).data() == "B"
    assert page.model.index(0, 1).data() == "?"  # due and missing
    assert page.model.index(0, 9).data() == "·"  # expected, not yet due
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(RegisterModel())  # type: ignore[attr-defined]


def test_choosing_a_pupil_charts_their_weeks(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int]
) -> None:
    with store.session() as s:
        for half, code in ((AmPm.AM, "B"), (AmPm.PM, "N")):
            record_mark(s, ids["ben"], MON, half, code)
    page = make_page(qtbot, ctx, datetime.combine(MON + timedelta(days=1), time(16, 0)))
    page.side.setCurrentWidget(page.today)
    page.view.move_to(1, 0)  # the chart's tab is not shown: nothing read for it yet
    assert page.chart.stale and "Ben Birch" not in page.chart.text.text()
    page.side.setCurrentWidget(page.chart)
    qtbot.waitUntil(lambda: "Ben Birch: 50% attendance" in page.chart.text.text())
    assert page.chart.chart.accessibleName() == "Weekly attendance: Ben Birch"
    page.view.move_to(0, 0)  # shown: the next pupil is read at once
    qtbot.waitUntil(lambda: "Ada" in page.chart.chart.accessibleName())


def test_undo_and_redo_cover_a_new_mark_and_keep_every_step(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    from apdesk.services.attendance import current_mark, mark_history

    view = page.view
    view.setFocus()
    view.move_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_B)  # a first mark on an empty cell
    assert history(store, ids["ada"], MON, AmPm.AM) == [("B", "")]
    assert page.undo_stack.canUndo()
    assert "B" in page.undo_stack.undoText()

    page.undo_stack.undo()  # Ctrl+Z: the cell is empty again, the mark kept in the history
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(CELL_ROLE).code is None)
    assert not (page.model.index(0, 0).data() or "").startswith("B")
    with store.session() as s:
        assert current_mark(s, ids["ada"], MON, AmPm.AM) is None
        kept = [(m.code, m.amendment_reason) for m in mark_history(s, ids["ada"], MON, AmPm.AM)]
    assert kept == [("B", ""), ("", "Undone")]
    # The office is told whose mark, which session and which code, in plain words.
    assert page.message.text() == (
        "Mark B for Ada Ash, Monday AM, undone. The register keeps a record of the change."
    )

    page.undo_stack.redo()  # Ctrl+Shift+Z: the mark is back
    qtbot.waitUntil(lambda: (page.model.index(0, 0).data() or "").startswith("B"))
    with store.session() as s:
        mark = current_mark(s, ids["ada"], MON, AmPm.AM)
        assert mark is not None and mark.code == "B"
        assert len(mark_history(s, ids["ada"], MON, AmPm.AM)) == 3

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the keys too
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(CELL_ROLE).code is None)


def test_an_undone_mark_is_named_in_polish(
    polish: None, qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    page.view.setFocus()
    page.view.move_to(0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_B)
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(CELL_ROLE).code is None)
    assert page.message.text() == (
        "Cofnięto wpis B (Ada Ash, poniedziałek, rano). W dzienniku zostaje zapis tej zmiany."
    )


def test_undoing_a_new_mark_shows_the_cell_as_it_was_before(
    qtbot: QtBot, page: RegisterPage, store: Store, ids: dict[str, int]
) -> None:
    view = page.view
    view.setFocus()
    view.move_to(0, 0)
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() == MISSING_TEXT)  # due, not sent
    before = page.model.index(0, 0).data()
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: (page.model.index(0, 0).data() or "").startswith("B"))
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(CELL_ROLE).code is None)
    assert page.model.index(0, 0).data() == before  # "?" again, not the not-yet-due dot


def test_todays_pupils_keep_their_names_whole_before_the_provider_shows(
    qtbot: QtBot, page: RegisterPage
) -> None:
    """In a narrow panel the provider's column gives way (it is in each pupil's tooltip) rather
    than leave both names a few letters each."""
    today = page.today
    qtbot.waitUntil(lambda: today.pupils.rowCount() == 2)
    header = today.pupils.horizontalHeader()
    shown = []
    for width in (160, 240, 300, 480, 640):
        today.resize(width, today.height())
        today._share_names()
        provider = not today.pupils.isColumnHidden(1)
        shown.append(provider)
        if provider:
            assert header.sectionSize(0) >= today.pupils.fontMetrics().averageCharWidth() * 16
    assert shown[0] is False and shown[-1] is True  # hidden when narrow, shown when wide


@pytest.mark.usefixtures("polish", "theme")  # the theme's padding made the time box wide
def test_the_cut_off_s_button_stays_beside_its_time_in_a_narrow_polish_panel(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    """At 1,366 px in Polish, "Ustaw" had a line of its own under the time it sets."""
    page = make_page(qtbot, ctx, datetime.combine(MON, time(11, 0)))
    today = page.today
    today.resize(290, today.height())
    qtbot.waitUntil(lambda: today.save_cutoff.isVisible())
    time_box, button = today.cutoff.geometry(), today.save_cutoff.geometry()
    assert button.top() < time_box.bottom() and time_box.top() < button.bottom()  # one line
