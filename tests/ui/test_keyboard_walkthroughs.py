"""Whole jobs done with the keyboard alone, as a coordinator who cannot use a mouse does them:
real key events to whatever has the focus (shortcuts, mnemonics, Tab, typing), never a click
and never a call into the widgets to do the work.

A placement referred, started and ended; a week of marks typed into the register; a review
held; a pack sent to the real reference LA inbox on loopback. (Placing a pupil:
test_keyboard_only.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.outbox import queue_start, school_inbox, school_with_placement
from tests.helpers.plan_page import running_placement
from tests.helpers.sync_data import TOKEN, add_placement, add_school

from apdesk import models
from apdesk.models.enums import OutboxStatus, PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services import plans
from apdesk.store import Store
from apdesk.sync.inbox.db import list_packs
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.register.view import RegisterView
from apdesk.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.sidebar.setFocus()
    yield shown


def go_to(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    row = [spec.key for spec in window.specs].index(key)
    press(qtbot, Qt.Key(Qt.Key.Key_1.value + row) if row < 9 else Qt.Key.Key_0, CTRL)
    page = window.pages[key]
    assert window.stack.currentWidget() is page
    return page


# -- a placement referred, started and ended -------------------------------------------------
def a_draft_placement(store: Store) -> int:
    """A school and a draft placement with its proposed start date, ready to refer."""
    with store.session() as s:
        add_school(s)
        return add_placement(s).id or 0


def placement(store: Store, placement_id: int) -> models.Placement:
    with store.session() as s:
        found = s.get(models.Placement, placement_id)
        assert found is not None
        return found


def answer_the_dialog(
    qtbot: QtBot, window: MainWindow, *keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    """The dialog an action opened takes the focus; press `keys` in it, and it closes."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    for key, modifier in keys:
        press(qtbot, key, modifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    window.activateWindow()  # what the window manager does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)


@pytest.mark.timeout(60)
def test_a_placement_is_referred_started_and_ended_with_the_keyboard_alone(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    today = date.today()
    placement_id = a_draft_placement(ctx.store)
    page = go_to(qtbot, window, "placements")
    table = page.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    for _ in range(20):  # Tab along the page to the list of placements, and choose the first
        if focused() is table:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is table
    press(qtbot, Qt.Key.Key_Home, CTRL)

    press(qtbot, Qt.Key.Key_R, ALT)  # &Refer…: the day it was referred, today unless changed
    answer_the_dialog(qtbot, window, (Qt.Key.Key_Return, NONE))
    qtbot.waitUntil(lambda: placement(ctx.store, placement_id).status == PlacementStatus.REFERRED)
    assert placement(ctx.store, placement_id).referred_on == today

    qtbot.waitUntil(lambda: page.buttons["start"].isEnabled())  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_T, ALT)  # S&tart…
    answer_the_dialog(qtbot, window, (Qt.Key.Key_Return, NONE))
    qtbot.waitUntil(lambda: placement(ctx.store, placement_id).status == PlacementStatus.ACTIVE)

    # &End…, then the outcome, and Alt+E ends the placement.
    qtbot.waitUntil(lambda: page.buttons["end"].isEnabled())  # type: ignore[attr-defined]
    assert focused() is table
    press(qtbot, Qt.Key.Key_E, ALT)
    dialog = page.end_dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog is not None and dialog.isActiveWindow())
    outcome = dialog.outcome
    for _ in range(10):
        if focused() is outcome:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is outcome
    press(qtbot, Qt.Key.Key_Down)  # the arrows choose without opening the list
    press(qtbot, Qt.Key.Key_Down)
    assert outcome.currentIndex() == 2
    press(qtbot, Qt.Key.Key_E, ALT)  # &End placement
    qtbot.waitUntil(lambda: placement(ctx.store, placement_id).status == PlacementStatus.ENDED)
    ended = placement(ctx.store, placement_id)
    assert (ended.ended_on, str(ended.outcome)) == (today, str(outcome.itemData(2)))
    # The same actions are on the table's context menu (the Menu key, Shift+F10).
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    offered = [a.text().replace("&", "") for a in table.actions()]
    assert {"Refer…", "Start…", "End…"} <= set(offered)


# -- a week of marks -----------------------------------------------------------------------
WEEK = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]


def last_monday() -> date:
    today = date.today()
    return today - timedelta(days=today.weekday() + 7)


def two_pupils_at_a_provider(store: Store, monday: date) -> list[int]:
    with store.session() as s:
        provider = models.Provider(name="Riverside Skills", phone="01632 960111")
        pupils = [
            models.Pupil(
                upn=make_upn(855, 4001, 2020, n), forename=f, surname=sn, dob=date(2011, 1, 1)
            )
            for n, f, sn in ((1, "Ada", "Ash"), (2, "Ben", "Birch"))
        ]
        s.add_all([provider, *pupils])
        s.flush()
        for pupil in pupils:
            s.add(
                models.Placement(
                    pupil_id=pupil.id,
                    provider_id=provider.id,
                    status=PlacementStatus.ACTIVE,
                    sessions=WEEK,
                    start_date=monday - timedelta(weeks=1),
                    end_date=monday + timedelta(weeks=6),
                    hours_per_week=25,
                )
            )
        return [pupil.id or 0 for pupil in pupils]


def test_a_week_of_marks_typed_with_the_keyboard_alone(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    monday = last_monday()
    ada, ben = two_pupils_at_a_provider(ctx.store, monday)
    page = go_to(qtbot, window, "register")
    assert page.monday == monday + timedelta(weeks=1)  # the page opens on this week
    press(qtbot, Qt.Key.Key_P, ALT)  # ◀ &Previous week
    qtbot.waitUntil(lambda: page.monday == monday)  # the button animates its click first
    register = page.view  # type: ignore[attr-defined]
    assert isinstance(register, RegisterView)
    qtbot.waitUntil(lambda: register.model().rowCount() == 2)
    for _ in range(40):  # Tab along the page until the register has the focus
        if focused() is register:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is register
    press(qtbot, Qt.Key.Key_Home, CTRL)  # the first pupil's Monday morning
    # Ada: present all week but Wednesday afternoon at the dentist (M); Tab walks the sessions.
    ada_week = ["/", "\\", "/", "\\", "/", "M", "/", "\\", "/", "\\"]
    for code in ada_week:
        type_text(qtbot, code)
        press(qtbot, Qt.Key.Key_Tab)
    # Ben, on the next row: off-site B in the mornings, present in the afternoons.
    for code in ["B", "\\"] * 5:
        type_text(qtbot, code)
        press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(marks(ctx.store)) == 20, timeout=5000)
    got = marks(ctx.store)
    days = [monday + timedelta(days=d) for d in range(5)]
    expected_ada = {(ada, day, half): code for (day, half), code in zip(
        [(d, h) for d in days for h in (AmPm.AM, AmPm.PM)], ada_week, strict=True)}  # fmt: skip
    assert {k: v for k, v in got.items() if k[0] == ada} == {
        k: ("\\" if k[2] == AmPm.PM and v == "/" else v) for k, v in expected_ada.items()
    }
    assert {v for k, v in got.items() if k[0] == ben and k[2] == AmPm.AM} == {"B"}
    # Tab after the last session goes on past the register, so nothing after it is out of reach.
    assert focused() is not register and not register.isAncestorOf(focused())
    after = focused()
    press(qtbot, Qt.Key.Key_Backtab)  # Shift+Tab comes back into it
    assert focused() is register
    press(qtbot, Qt.Key.Key_Up)  # and from any cell, Ctrl+Tab leaves it
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert focused() is after


def marks(store: Store) -> dict[tuple[int, date, AmPm], str]:
    with store.session() as s:
        rows = s.exec(select(models.AttendanceMark)).all()
        current = [m for m in rows if m.superseded_by is None]
        return {(m.pupil_id, m.mark_date, m.session): m.code for m in current}


# -- a review held ----------------------------------------------------------------------------
@pytest.mark.timeout(60)
def test_a_review_is_held_with_the_keyboard_alone(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    placement_id = running_placement(ctx.store, review_overdue_by=3)
    page = go_to(qtbot, window, "reviews")
    table = page.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    for _ in range(20):  # Tab to the list of reviews due, and choose the first
        if focused() is table:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Return)  # Enter holds the review of the chosen row
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewDialog))  # type: ignore[attr-defined]
    dialog = page.dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isActiveWindow)
    next_review = date.today() + timedelta(weeks=6)
    for mnemonic, text in (
        (Qt.Key.Key_W, "Tamsin, her mum, Mr Pike (provider)"),  # &Who attended
        (Qt.Key.Key_F, "Mum says mornings are calmer."),  # &Family's voice
        (Qt.Key.Key_D, "Keep the timetable; add a Friday at school."),  # &Decisions
        (Qt.Key.Key_N, next_review.strftime("%d/%m/%Y")),  # &Next review
    ):
        press(qtbot, mnemonic, ALT)
        type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_S, ALT)  # &Save review
    qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=5000)
    with ctx.store.session() as s:
        held = [r for r in plans.list_reviews(s, placement_id) if r.held]
    assert len(held) == 1
    assert held[0].decisions == "Keep the timetable; add a Friday at school."
    assert "Tamsin" in str(held[0].attendees)


# -- a pack sent -----------------------------------------------------------------------------
def test_a_pack_is_sent_to_the_la_inbox_with_the_keyboard_alone(
    qtbot: QtBot, ctx: AppContext, window: MainWindow, tmp_path: Path
) -> None:

    pack_id = queue_start(ctx.store, school_with_placement(ctx.store))
    with school_inbox(ctx.store, tmp_path / "inbox.db") as inbox:
        press(qtbot, Qt.Key.Key_Comma, CTRL)  # File > Settings…: the LA connection
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.waitUntil(dialog.isActiveWindow)
        press(qtbot, Qt.Key.Key_E, ALT)  # LA &endpoint:
        assert isinstance(focused(), QLineEdit)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, inbox.url)
        press(qtbot, Qt.Key.Key_O, ALT)  # LA t&oken:
        type_text(qtbot, TOKEN)
        press(qtbot, Qt.Key.Key_Return)  # Save is the default button
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        window.activateWindow()  # what the window manager does when a dialog closes
        qtbot.waitUntil(window.isActiveWindow)
        go_to(qtbot, window, "outbox")
        press(qtbot, Qt.Key.Key_F5)  # File > Send to LA now
        delivered = OutboxStatus.DELIVERED.value
        qtbot.waitUntil(lambda: set(statuses(ctx.store)) == {delivered}, timeout=10_000)
        assert pack_id in [p["pack_id"] for p in list_packs(inbox.engine)]


def statuses(store: Store) -> list[str]:
    with store.session() as s:
        return [str(item.status) for item in s.exec(select(models.OutboxItem)).all()]
