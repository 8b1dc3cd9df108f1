"""The Reviews page only reads: opening it writes nothing, not even the follow-ups a return made
before they were stored; it shows a change made anywhere else, once, when it is next shown."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot
from sqlmodel import Session, func, select
from tests.helpers.plans import make_placement, make_pupil, make_returned

from apdesk.models import AuditEvent, FollowUp
from apdesk.models.enums import PlacementOutcome
from apdesk.services.operations.placements import end_placement
from apdesk.services.plans.due_list import load_due
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.reviews_page import ReviewsPage


def counts(session: Session) -> tuple[int, int]:
    audit = session.exec(select(func.count()).select_from(AuditEvent)).one()
    follow_ups = session.exec(select(func.count()).select_from(FollowUp)).one()
    return int(audit), int(follow_ups)


def test_opening_the_reviews_page_writes_nothing(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:  # a return ended before follow-ups were stored
        make_returned(s, "Fairweather")
    before = store.read(counts)
    assert before[1] == 0
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.hide()
    page.show()
    assert [(r.kind, r.follow_up_id, r.weeks) for r in page.rows] == [("follow_up", None, 6)]
    assert store.read(counts) == before  # audit rows and follow-ups: not one written


def test_a_hidden_reviews_page_shows_a_return_ended_elsewhere_once_when_shown(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:
        save_school(
            s, SchoolDetails(name="Hillside Academy", urn="100001", la_code="855", estab="4001")
        )
        start = date.today() - timedelta(weeks=20)
        placement = make_placement(s, make_pupil(s, "Hartley"), start=start, end=date.today())
        placement_id = placement.id or 0
    reads: list[int] = []
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    page.loader.fetch = lambda session: reads.append(1) or load_due(session, date.today())
    assert [r.kind for r in page.rows] == ["review"]  # running: its review is due
    ctx.op(
        end_placement,
        placement_id,
        PlacementOutcome.RETURNED,
        date.today() - timedelta(weeks=6, days=2),
        "",
        "",
        date.today(),
    ).run()
    assert reads == [] and [r.kind for r in page.rows] == ["review"]  # hidden: not read yet
    page.show()
    assert reads == [1]
    assert [(r.kind, r.weeks, r.overdue) for r in page.rows] == [("follow_up", 6, True)]
    assert page.rows[0].follow_up_id is not None  # stored by the end, not by the listing
    page.hide()
    page.show()
    assert reads == [1]  # nothing new: no second read
