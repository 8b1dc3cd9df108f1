"""A running placement with a plan to open, and the Plans page opened on it."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.page import PlansPage


def running_placement(store: Store, *, days_ago: int = 70, review_overdue_by: int = 5) -> int:
    with store.session() as s:
        pupil = make_pupil(s, "Fairweather")
        placement = make_placement(
            s,
            pupil,
            start=date.today() - timedelta(days=days_ago),
            end=date.today() + timedelta(days=60),
            review_date=date.today() - timedelta(days=review_overdue_by),
        )
        return placement.id or 0


def open_plans(qtbot: QtBot, ctx: AppContext) -> PlansPage:
    page = PlansPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.keyClicks(page.search, "Fairweather")
    assert page.filter.rowCount() == 1
    page.list.setCurrentIndex(page.filter.index(0, 0))
    qtbot.waitUntil(lambda: page.view.data is not None)
    return page
