"""A plan opened from elsewhere (the Reviews page's "Open plan") while the Plans list is
searched for another pupil brings the whole list back and highlights the plan shown: the list
never leaves another pupil's line highlighted beside this pupil's plan."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from tests.helpers.plan_page import open_plans, running_placement
from tests.helpers.plans import make_placement, make_pupil

from apdesk.store import Store
from apdesk.ui.core.context import AppContext


def test_a_plan_opened_from_elsewhere_is_the_one_highlighted(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    running_placement(store)
    with store.session() as s:
        other = make_placement(s, make_pupil(s, "Okonjo")).id or 0
    page = open_plans(qtbot, ctx)  # searched for "Fairweather", whose plan is shown
    page.show_placement(other)
    qtbot.waitUntil(lambda: page.view.data is not None and page.view.data.placement_id == other)
    assert page.search.text() == ""
    chosen = page.list.currentIndex()
    assert chosen.isValid()
    assert "Okonjo" in str(chosen.data())
