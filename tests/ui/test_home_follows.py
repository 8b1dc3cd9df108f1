"""The home page follows changes made anywhere: a mark typed in the register or a placement ended
on the Placements page shows on it within one refresh, at once while it is on screen and once
when it is next shown if it was hidden; a visit with nothing new reads nothing."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import Session
from tests.helpers.register import MON, build, make_page

from apdesk.models.enums import PlacementOutcome
from apdesk.services.measures.dashboard import Dashboard, load_dashboard
from apdesk.services.operations.plans import add_agency
from apdesk.services.placement_actions import placement_listing
from apdesk.services.plans import AgencyInput
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.placements.page import PlacementsPage

NOW = datetime.combine(MON, time(11, 0))


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    made = build(store)
    with store.session() as s:  # the LA's end pack names the school
        save_school(
            s, SchoolDetails(name="Hillside Academy", urn="100001", la_code="855", estab="4001")
        )
    return made


def counted_home(qtbot: QtBot, ctx: AppContext) -> tuple[HomePage, list[Dashboard]]:
    """The home page on the register's Monday, with every dashboard it reads counted."""
    reads: list[Dashboard] = []
    home = HomePage(ctx)
    qtbot.addWidget(home)

    def fetch(session: Session) -> Dashboard:
        reads.append(load_dashboard(session, home.asked_at))
        return reads[-1]

    home.now = lambda: NOW
    home.loader.fetch = fetch
    home.refresh()
    reads.clear()
    return home, reads


def end_first_placement(qtbot: QtBot, ctx: AppContext) -> None:
    """End the Placements page's first placement with a return, as a coordinator would."""
    placements = PlacementsPage(ctx)
    qtbot.addWidget(placements)
    placements.show()
    placements.select(placements.model.rows[0].id)
    dialog = placements.end_selected()
    assert dialog is not None
    dialog.set_outcome(PlacementOutcome.RETURNED)
    dialog.ended_on.set_value(MON + timedelta(weeks=3))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def unmarked(home: HomePage) -> int:
    assert home.dashboard is not None
    return next((i.count for i in home.dashboard.work if i.key == "unmarked"), 0)


def test_a_mark_typed_in_the_register_updates_the_home_page_on_screen(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    home, reads = counted_home(qtbot, ctx)
    home.show()
    assert reads == [] and unmarked(home) == 2  # shown: nothing new, nothing read
    register = make_page(qtbot, ctx, NOW)
    view = register.view
    view.setFocus()
    view.move_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_B)  # Ada, Monday morning: educated off site
    assert len(reads) == 1 and unmarked(home) == 1
    rows = {row.item.key: row for row in home.today.rows}
    assert "1 pupil at a provider today awaiting a mark" in rows["unmarked"].accessibleName()


def test_a_hidden_home_page_refreshes_once_when_shown(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int]
) -> None:
    home, reads = counted_home(qtbot, ctx)
    home.hide()
    assert home.values["active_placements"].text() == "2"
    end_first_placement(qtbot, ctx)
    register = make_page(qtbot, ctx, NOW)
    register.view.setFocus()
    register.view.move_to(0, 0)
    qtbot.keyClick(register.view, Qt.Key.Key_B)
    assert reads == []  # two changes while hidden: nothing read yet
    home.show()
    assert len(reads) == 1  # both changes, one read
    assert home.values["active_placements"].text() == "1"
    home.hide()
    home.show()
    assert len(reads) == 1  # nothing new since: no read


def test_a_change_to_something_the_home_page_does_not_show_reads_nothing(
    qtbot: QtBot, ctx: AppContext, store: Store, ids: dict[str, int]
) -> None:
    home, reads = counted_home(qtbot, ctx)
    home.show()
    placement_id = store.read(placement_listing, MON).rows[0].id
    agency = AgencyInput("camhs", "", "Dr R. Patel", "Weekly sessions", MON)
    ctx.op(add_agency, placement_id, agency, MON).run()  # an agency is not on the dashboard
    assert reads == []


def test_coming_back_on_a_new_day_reads_today_s_work_again(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    home, reads = counted_home(qtbot, ctx)
    home.show()
    home.page_shown()  # the same day, nothing changed: nothing read
    assert reads == []
    home.now = lambda: NOW + timedelta(days=1)
    home.page_shown()  # the next morning: today's work is another day's
    assert len(reads) == 1 and reads[0].period.end == MON + timedelta(days=1)


def test_after_a_mark_the_page_reads_only_what_marks_move_and_after_anything_else_all(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    home = HomePage(ctx)
    qtbot.addWidget(home)
    home.now = lambda: NOW
    home.show()
    home.refresh()
    qtbot.waitUntil(lambda: home.dashboard is not None and not home.reading)
    first = home.dashboard
    assert first is not None and unmarked(home) == 2
    register = make_page(qtbot, ctx, NOW)
    register.view.setFocus()
    register.view.move_to(0, 0)
    qtbot.keyClick(register.view, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: unmarked(home) == 1 and not home.reading)
    after_mark = home.dashboard
    assert after_mark is not None and after_mark.overview is first.overview  # kept
    assert after_mark == ctx.store.read(load_dashboard, NOW)  # as a whole read shows it

    end_first_placement(qtbot, ctx)
    qtbot.waitUntil(lambda: home.values["active_placements"].text() == "1" and not home.reading)
    assert home.dashboard is not None and home.dashboard.overview is not first.overview


def test_coming_back_after_noon_reads_the_afternoon_s_awaited_marks(
    qtbot: QtBot, ctx: AppContext, ids: dict[str, int]
) -> None:
    """From noon the afternoon's sessions are awaited: a board read at 11:00 does not count them."""
    home, reads = counted_home(qtbot, ctx)
    home.show()
    home.now = lambda: NOW + timedelta(minutes=50)  # 11:50: still the morning
    home.page_shown()
    assert reads == []
    home.now = lambda: NOW + timedelta(hours=1, minutes=30)  # 12:30
    home.page_shown()
    assert len(reads) == 1
