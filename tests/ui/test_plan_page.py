"""The Plans page end to end on a real store: write a plan with two targets by typing into the
target editor, hold a review that rates both and sets the next date, end the placement with a
return (the LA's end pack is queued) and record the 6-week follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.plan_page import open_plans, running_placement

from apdesk.i18n import format_date
from apdesk.models import FollowUp, OutboxItem, Placement
from apdesk.models.enums import PackKind, PlacementOutcome, PlacementStatus
from apdesk.models.plan_progress import ProgressRating
from apdesk.services import plans
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.plans.page import PlansPage
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.review_followup import FollowUpDialog
from apdesk.ui.plans.reviews_page import ReviewsPage
from apdesk.ui.plans.target_editor import TargetEditor


def type_target(qtbot: QtBot, page: PlansPage, texts: list[str], by: date) -> None:
    qtbot.mouseClick(page.view.add_target, Qt.MouseButton.LeftButton)
    editor = page.dialog
    assert isinstance(editor, TargetEditor)
    data = page.view.data
    assert data is not None  # the window names whose plan the target is for
    assert editor.windowTitle().replace("[*]", "") == f"New target for {data.pupil_name}"
    for edit, text in zip(editor.edits.values(), texts, strict=True):
        qtbot.keyClicks(edit, text)
    editor.by_date.set_value(by)
    with qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def due_states(reviews: ReviewsPage) -> list[str]:
    reviews.refresh()
    return [f"{r.what}: {r.state}" for r in reviews.table.rows_model.rows]


def test_write_a_plan_and_hold_a_review(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    pid = running_placement(store)
    page = open_plans(qtbot, ctx)
    reviews = ReviewsPage(ctx)
    qtbot.addWidget(reviews)
    assert due_states(reviews) == ["Review: Overdue by 5 days"]

    by = date.today() + timedelta(days=40)
    type_target(qtbot, page, ["Attend 90% of sessions", "Weekly returns", "62%", "90%"], by)
    type_target(qtbot, page, ["Use two calming strategies", "Key adult log", "None", "Two"], by)
    shown = page.view.targets.rows_model.rows
    assert [t.what for t in shown] == ["Attend 90% of sessions", "Use two calming strategies"]
    assert page.view.targets.model().index(0, 5).data() == "Not rated yet"

    qtbot.mouseClick(page.view.review_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReviewDialog)
    assert dialog.attendance.text()  # the period's attendance is shown before saving
    qtbot.keyClicks(dialog.attendees, "Pupil, Parent, Provider key worker")
    qtbot.keyClicks(dialog.child_voice, "I like the small group.")
    qtbot.keyClicks(dialog.provider_report, "Settled well.")
    dialog.progress[0].set_rating(ProgressRating.DEVELOPING)
    qtbot.keyClicks(dialog.progress[0].note, "Up to 78%")
    dialog.progress[1].set_rating(ProgressRating.EMERGING)
    qtbot.keyClicks(dialog.decisions, "Add one mainstream maths lesson a week.")
    next_review = date.today() + timedelta(weeks=6)
    dialog.next_review.set_value(next_review)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert due_states(reviews) == []  # no longer overdue, and the next date is weeks away
    assert f"Next review: {format_date(next_review)}" in page.view.facts.text()
    model = page.view.targets.model()
    assert model.index(0, 5).data() == "Developing: Up to 78%"
    assert model.index(1, 5).data() == "Emerging"
    with store.session() as s:
        held = [r for r in plans.list_reviews(s, pid) if r.held]
        assert [p.rating for p in held[0].progress] == [
            ProgressRating.DEVELOPING,
            ProgressRating.EMERGING,
        ]
        assert held[0].next_review == next_review


def test_end_with_a_return_and_record_the_six_week_follow_up(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    pid = running_placement(store, days_ago=120)
    with store.session() as s:  # the LA's end pack names the school
        save_school(
            s, SchoolDetails(name="Hillside Academy", urn="100001", la_code="855", estab="4001")
        )
    page = open_plans(qtbot, ctx)
    # Running: no follow-up to record, and the tab says why the button is greyed.
    assert not page.view.record_follow_up.isEnabled()
    assert "return to mainstream" in page.view.follow_up_hint.text()

    qtbot.mouseClick(page.view.end_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, EndPlacementDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no outcome chosen yet
    assert "Outcome" in dialog.errors.labels["Outcome"].text()
    dialog.set_outcome(PlacementOutcome.RETURNED)
    returned = date.today() - timedelta(weeks=6, days=1)
    dialog.ended_on.set_value(returned)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None and len(dialog.result_value.follow_ups) == 2
    assert page.view.tabs.currentWidget() is page.view.follow_ups.parentWidget()

    with store.session() as s:
        placement = s.get(Placement, pid)
        assert placement is not None and placement.status is PlacementStatus.ENDED
        kinds = [i.kind for i in s.exec(select(OutboxItem)).all() if i.placement_id == pid]
        assert PackKind.PLACEMENT_END in kinds
    assert [f.weeks for f in page.view.follow_ups.rows_model.rows] == [6, 12]
    assert page.view.record_follow_up.isEnabled() and not page.view.follow_up_hint.text()
    assert not page.view.end_button.isEnabled()

    reviews = ReviewsPage(ctx)
    qtbot.addWidget(reviews)
    assert due_states(reviews) == ["6-week follow-up: Overdue by 1 day"]
    reviews.table.setCurrentIndex(reviews.table.model().index(0, 0))
    qtbot.mouseClick(reviews.follow_up_button, Qt.MouseButton.LeftButton)
    follow_up = reviews.dialog
    assert isinstance(follow_up, FollowUpDialog)
    assert follow_up.since.text() == "No register marks since the return"
    qtbot.mouseClick(follow_up.yes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(follow_up.note, "Settled back in; tutor pleased.")
    with qtbot.waitSignal(follow_up.accepted):
        qtbot.mouseClick(follow_up.save_button, Qt.MouseButton.LeftButton)

    assert due_states(reviews) == []
    with store.session() as s:
        six = s.exec(select(FollowUp).where(FollowUp.weeks == 6)).one()
        assert six.done_on == date.today() and six.still_attending is True
    result = page.view.follow_ups.model().index(0, 2).data()
    assert result == f"Checked {format_date(date.today())}: still attending"


def new_target(qtbot: QtBot, ctx: AppContext, store: Store) -> tuple[PlansPage, TargetEditor]:
    """The Plans page on a running placement, and its Add target window just opened."""
    running_placement(store)
    page = open_plans(qtbot, ctx)
    qtbot.mouseClick(page.view.add_target, Qt.MouseButton.LeftButton)
    editor = page.dialog
    assert isinstance(editor, TargetEditor)
    return page, editor


def test_the_target_editor_keeps_the_text_and_names_the_field(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    page, editor = new_target(qtbot, ctx, store)
    qtbot.keyClicks(editor.edits["what"], "Read aloud for five minutes")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "How measured: is empty" in editor.errors.labels["How measured"].text()
    assert editor.edits["what"].text() == "Read aloud for five minutes"
    assert page.view.targets.rows_model.rows == []


def test_a_new_target_opens_ready_for_typing_what_the_pupil_will_do(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    _page, editor = new_target(qtbot, ctx, store)
    editor.activateWindow()  # as a window system gives a new window the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClicks(QApplication.focusWidget(), "Read aloud daily")
    assert editor.edits["what"].text() == "Read aloud daily"
