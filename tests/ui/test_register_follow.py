"""The register follows change sets: a mark typed shows at once in its summaries and on Home,
undo and a provider's return are operations, and a hidden register reads again only when
something it shows changed."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import Session
from tests.helpers.register import MON, build, history, make_page

from apdesk.models.enums import Session as AmPm
from apdesk.models.kinds import Kind
from apdesk.models.upn import make_upn
from apdesk.services.attendance import RegisterGrid
from apdesk.services.operations.attendance import record_register_mark
from apdesk.services.operations.timetables import start_timetable
from apdesk.store import Store
from apdesk.store.changes import Changes
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.register.import_dialog import ImportReturnDialog
from apdesk.ui.register.page import RegisterPage

NOW = datetime.combine(MON, time(11, 0))


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    return build(store)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, ids: dict[str, int]) -> RegisterPage:
    return make_page(qtbot, ctx, NOW)


@pytest.fixture
def emitted(ctx: AppContext) -> list[tuple[Changes, object]]:
    """Every change set the context announced, with the view that started it."""
    seen: list[tuple[Changes, object]] = []
    ctx.changed.connect(lambda changes, source: seen.append((changes, source)))
    return seen


def unmarked_on_home(home: HomePage) -> str:
    rows = [row for row in home.today.rows if row.item.key == "unmarked"]
    return rows[0].item.title if rows else "none"


def count_reads(page: RegisterPage) -> list[RegisterGrid]:
    """The register's week reads from now on."""
    reads: list[RegisterGrid] = []
    fetch = page.loader.fetch

    def counted(session: Session) -> RegisterGrid:
        grid = fetch(session)
        reads.append(grid)
        return grid

    page.loader.fetch = counted
    return reads


def test_typing_a_mark_updates_the_summaries_and_home_without_a_restart(
    qtbot: QtBot, ctx: AppContext, page: RegisterPage, ids: dict[str, int]
) -> None:
    home = HomePage(ctx)  # both pages on one context, as in the window
    qtbot.addWidget(home)
    home.now = lambda: NOW
    home.show()
    home.refresh()
    assert unmarked_on_home(home) == "2 pupils at a provider today awaiting a mark"
    page.view.move_to(0, 0)  # Ada, Monday AM
    page.side.setCurrentWidget(page.chart)
    qtbot.waitUntil(lambda: "Ada Ash has no marked sessions" in page.chart.text.text())
    page.side.setCurrentWidget(page.today)
    assert "0 attending, 0 absent; 2 with a session still unmarked" in page.today.summary.text()

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_B)

    assert history(page.ctx.store, ids["ada"], MON, AmPm.AM) == [("B", "")]
    assert unmarked_on_home(home) == "1 pupil at a provider today awaiting a mark"
    # The side panels read again once typing pauses (more marks may be on their way).
    qtbot.waitUntil(
        lambda: (
            "1 attending, 0 absent; 1 with a session still unmarked" in page.today.summary.text()
        )
    )
    page.side.setCurrentWidget(page.chart)  # the chart's tab: it reads again when shown
    qtbot.waitUntil(lambda: "Ada Ash: 100% attendance" in page.chart.text.text())


def test_a_hidden_register_reads_again_once_when_shown_and_only_for_what_it_shows(
    qtbot: QtBot, ctx: AppContext, page: RegisterPage, ids: dict[str, int]
) -> None:
    reads = count_reads(page)
    page.hide()
    ctx.op(start_timetable, ids["ben"], MON).run()  # a timetable: not shown in the register
    page.show()
    assert reads == []
    page.hide()
    for half in (AmPm.AM, AmPm.PM):  # two marks made elsewhere while hidden
        ctx.op(record_register_mark, ids["ben"], MON, half, "B").run()
    assert reads == []
    page.show()
    assert len(reads) == 1
    assert [page.model.index(1, c).data() for c in (0, 1)] == ["B", "B"]
    page.hide()
    page.show()
    assert len(reads) == 1  # nothing new: no second read


def test_undo_and_redo_run_as_operations_and_stop_when_the_mark_moved_on(
    qtbot: QtBot,
    ctx: AppContext,
    page: RegisterPage,
    store: Store,
    ids: dict[str, int],
    emitted: list[tuple[Changes, object]],
) -> None:
    ctx.op(record_register_mark, ids["ada"], MON, AmPm.AM, "N").run()
    assert page.model.index(0, 0).data() == "N"  # someone else's mark: the page followed it
    page.view.setFocus()
    page.view.move_to(0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_I)
    page.amend_dialog.reason.setText("Parent phoned: ill")  # type: ignore[union-attr]
    page.amend_dialog.accept()  # type: ignore[union-attr]
    emitted.clear()
    page.undo_stack.undo()
    (changes, source), *_rest = emitted
    assert source is page and changes.touches([Kind.MARK]) and len(emitted) == 1
    assert page.model.index(0, 0).data() == "N✎"
    assert "back to N" in page.message.text()
    page.undo_stack.redo()
    assert page.model.index(0, 0).data() == "I✎"
    assert [r for _c, r in history(store, ids["ada"], MON, AmPm.AM)] == [
        "",
        "Parent phoned: ill",
        "Undone",
        "Redone",
    ]
    ctx.op(record_register_mark, ids["ada"], MON, AmPm.AM, "M", "Provider's return").run()
    page.undo_stack.undo()  # the history no longer matches the register: refused
    assert history(store, ids["ada"], MON, AmPm.AM)[-1] == ("M", "Provider's return")
    assert "Not undone" in page.message.text() and "changed to M since" in page.message.text()
    qtbot.waitUntil(lambda: page.undo_stack.count() == 0)


def test_a_provider_return_is_one_operation_the_open_register_follows(
    qtbot: QtBot,
    ctx: AppContext,
    page: RegisterPage,
    emitted: list[tuple[Changes, object]],
) -> None:
    dialog = ImportReturnDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ada, ben = make_upn(855, 4001, 2020, 1), make_upn(855, 4001, 2020, 2)
    rows = [(ada, "AM", "B"), (ada, "PM", "B"), (ben, "AM", "U"), (ben, "PM", "B")]
    text = "upn,date,session,code\n" + "".join(f"{u},{MON},{h},{c}\n" for u, h, c in rows)
    dialog.load(text.encode(), "riverside.csv")
    assert emitted == []  # the check is a read
    dialog.import_button.click()
    assert dialog.outcome is not None and dialog.outcome.imported == 4
    assert len(emitted) == 1
    changes, source = emitted[0]
    assert source is dialog and Kind.MARK in changes.created
    grid = [[page.model.index(r, c).data() for c in (0, 1)] for r in (0, 1)]
    assert grid == [["B", "B"], ["U", "B"]]
    summary = page.today.summary.text()  # U: late
    assert "1 attending, 1 absent; 0 with a session still unmarked" in summary


def test_a_new_day_is_read_when_the_page_comes_back(
    qtbot: QtBot, page: RegisterPage, ids: dict[str, int]
) -> None:
    reads = count_reads(page)
    page.page_shown()
    assert reads == []  # same day, nothing changed: nothing to read
    tomorrow = datetime.combine(date(2025, 1, 7), time(8, 0))
    page.now = lambda: tomorrow
    page.page_shown()
    assert len(reads) == 1
    assert page.today.board is not None and page.today.board.day == tomorrow.date()


def test_the_today_panel_reads_again_once_the_afternoon_has_begun(
    qtbot: QtBot, page: RegisterPage, ids: dict[str, int]
) -> None:
    """At 11:00 only the mornings are awaited; back on the page at 12:30 the afternoons are."""
    assert "2 with a session still unmarked" in page.today.summary.text()
    for pupil in ("ada", "ben"):
        page.ctx.op(record_register_mark, ids[pupil], MON, AmPm.AM, "B").run()
    qtbot.waitUntil(lambda: "0 with a session still unmarked" in page.today.summary.text())
    afternoon = datetime.combine(MON, time(12, 30))
    page.now = lambda: afternoon
    page.page_shown()
    qtbot.waitUntil(
        lambda: (
            "2 attending, 0 absent; 2 with a session still unmarked" in page.today.summary.text()
        )
    )
