"""Hold review… waits for a review to be chosen, and while it waits its tooltip says so."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil, make_returned

from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.reviews_page import ReviewsPage

HINT = "Choose a review in the list first"


def page_with_a_review_and_a_follow_up(qtbot: QtBot, ctx: AppContext, store: Store) -> ReviewsPage:
    with store.session() as s:
        start = date.today() - timedelta(weeks=20)
        make_placement(s, make_pupil(s, "Hartley"), start=start, end=date.today())
        make_returned(s, "Fairweather")
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: len(page.rows) == 2)
    return page


def choose(page: ReviewsPage, kind: str) -> None:
    model = page.table.model()
    for row in range(model.rowCount()):
        page.table.setCurrentIndex(model.index(row, 0))
        chosen = page.current()
        if chosen is not None and chosen.kind == kind:
            return
    raise AssertionError(f"no {kind} row")


def test_the_greyed_button_says_to_choose_a_review_first(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    page = page_with_a_review_and_a_follow_up(qtbot, ctx, store)
    button = page.review_button
    page.table.setCurrentIndex(page.table.model().index(-1, -1))
    assert not button.isEnabled() and button.toolTip() == HINT
    choose(page, "review")
    assert button.isEnabled() and button.toolTip() == "Hold review (Ctrl+R)"
    choose(page, "follow_up")  # a follow-up is not a review: the hint again
    assert not button.isEnabled() and button.toolTip() == HINT


def test_the_hint_is_in_polish(qtbot: QtBot, ctx: AppContext, store: Store, polish: None) -> None:
    page = page_with_a_review_and_a_follow_up(qtbot, ctx, store)
    page.table.setCurrentIndex(page.table.model().index(-1, -1))
    assert page.review_button.toolTip() == "Najpierw wybierz przegląd z listy"
