"""The Plans page's Follow-ups tab records what it lists as not done: a return from before
follow-ups were stored lists two, and "Record follow-up…" opens the same check the Reviews page
records, with no "Nothing to record" under them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.plan_page import open_plans
from tests.helpers.plans import make_placement, make_pupil

from apdesk.i18n import format_date
from apdesk.models import FollowUp
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.review_followup import FollowUpDialog
from apdesk.ui.plans.view import PlanView


def returned_without_follow_ups(store: Store, weeks_ago: int = 7) -> date:
    """A placement ended with a return, its follow-ups never stored; the day it ended."""
    ended_on = date.today() - timedelta(weeks=weeks_ago)
    with store.session() as s:
        make_placement(
            s,
            make_pupil(s, "Fairweather"),
            status=PlacementStatus.ENDED,
            start=ended_on - timedelta(days=90),
            end=ended_on,
            outcome=PlacementOutcome.RETURNED,
            ended_on=ended_on,
        )
        assert not s.exec(select(FollowUp)).all()
    return ended_on


def results(view: PlanView) -> list[str]:
    """The Result column as read on screen."""
    model = view.follow_ups.model()
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_a_follow_up_listed_as_not_done_can_be_recorded_here(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    ended_on = returned_without_follow_ups(store)
    page = open_plans(qtbot, ctx)
    view = page.view
    assert results(view) == ["Not done yet", "Not done yet"]
    assert view.record_follow_up.isEnabled()
    assert "Nothing to record" not in view.follow_up_hint.text()

    view.tabs.setCurrentWidget(view.follow_ups.parentWidget())
    qtbot.mouseClick(view.record_follow_up, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.windowTitle().startswith("6-week follow-up for ")
    assert dialog.task.due_on == ended_on + timedelta(weeks=6)
    qtbot.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    checked = f"Checked {format_date(date.today())}: still attending"
    qtbot.waitUntil(lambda: results(view) == [checked, "Not done yet"])
    assert view.record_follow_up.isEnabled() and not view.follow_up_hint.text()
    with store.session() as s:
        six = s.exec(select(FollowUp).where(FollowUp.weeks == 6)).one()
        assert six.done_on == date.today() and six.still_attending is True

    # The 12-week check chosen in the list and recorded: nothing left, and the hint says so.
    view.follow_ups.setCurrentIndex(view.follow_ups.model().index(1, 0))
    qtbot.mouseClick(view.record_follow_up, Qt.MouseButton.LeftButton)
    twelve = page.dialog
    assert isinstance(twelve, FollowUpDialog) and twelve is not dialog
    assert twelve.windowTitle().startswith("12-week follow-up for ")
    qtbot.mouseClick(twelve.no, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(twelve.accepted):
        qtbot.mouseClick(twelve.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not done yet" not in results(view))
    assert not view.record_follow_up.isEnabled()
    hint = view.follow_up_hint.text()
    assert hint == "Nothing to record: every follow-up after the return is done."
