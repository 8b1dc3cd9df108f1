"""The review dialog refuses a review with no next date (unless the placement is ending), puts
the message beside the field and keeps everything typed; the Reviews list sorts by urgency."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.plan_page import running_placement
from tests.helpers.plans import target

from apdesk.models.plan_progress import ProgressRating
from apdesk.services import plans
from apdesk.services.plan_rows import review_setup
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.plans.page import PlansPage
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.reviews_page import ReviewsPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES


def open_dialog(qtbot: QtBot, ctx: AppContext, store: Store) -> ReviewDialog:
    pid = running_placement(store)
    with store.session() as s:
        plans.add_target(
            s, pid, target("Attend 90% of sessions", date.today() + timedelta(days=30))
        )
    dialog = ReviewDialog(ctx, store.read(review_setup, pid))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_missing_next_review_is_refused_beside_the_field_and_nothing_is_lost(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    dialog = open_dialog(qtbot, ctx, store)
    qtbot.keyClicks(dialog.attendees, "Pupil, Parent")
    qtbot.keyClicks(dialog.family_voice, "Much calmer at home.")
    qtbot.keyClicks(dialog.decisions, "Keep the timetable as it is.")
    dialog.progress[0].set_rating(ProgressRating.SECURE)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.saved_id is None
    message = dialog.errors.labels["Next review"].text()
    assert message.startswith("Next review: is missing")
    assert "tick that the placement is ending" in message
    assert dialog.errors.general.text() == ""
    assert dialog.attendees.text() == "Pupil, Parent"
    assert dialog.family_voice.toPlainText() == "Much calmer at home."
    assert dialog.decisions.toPlainText() == "Keep the timetable as it is."
    assert dialog.progress[0].rating.currentData() == ProgressRating.SECURE.value
    with store.session() as s:
        assert not [r for r in plans.list_reviews(s, dialog.setup.placement_id) if r.held]

    dialog.next_review.set_value(date.today() + timedelta(weeks=6))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.labels["Next review"].text() == ""


def test_ticking_that_the_placement_is_ending_needs_no_next_date(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    dialog = open_dialog(qtbot, ctx, store)
    qtbot.keyClicks(dialog.attendees, "Pupil")
    dialog.ending.setChecked(True)
    assert not dialog.next_review.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_attendance_for_the_period_follows_the_date(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    dialog = open_dialog(qtbot, ctx, store)
    assert dialog.attendance.text().startswith("No register marks")
    before = dialog.attendance.text()
    dialog.held_on.set_value(date.today() - timedelta(days=3))
    assert dialog.attendance.text() != before


def test_the_reviews_list_puts_the_most_overdue_first_and_sorts(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    running_placement(store, review_overdue_by=2)
    running_placement(store, review_overdue_by=9)
    running_placement(store, review_overdue_by=-3)  # due in three days
    page = ReviewsPage(ctx)
    qtbot.addWidget(page)
    column = page.table.model()
    states = [column.index(r, 0).data() for r in range(column.rowCount())]
    assert states == ["Overdue by 9 days", "Overdue by 2 days", "Due in 3 days"]
    assert "2 reviews overdue, 1 due" in page.summary.text()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column.index(0, 0).data() == "Due in 3 days"
    assert column.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    page.table.setCurrentIndex(column.index(1, 0))
    assert page.review_button.isEnabled() and not page.follow_up_button.isEnabled()
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, ReviewDialog)


def test_open_plan_brings_the_plans_page_forward_on_that_placement(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    pid = running_placement(store)
    specs = [spec for spec in PAGES if spec.key in ("plans", "reviews")]
    window = MainWindow(ctx, pages=specs)
    qtbot.addWidget(window)
    window.sidebar.setCurrentRow(1)
    reviews = window.pages["reviews"]
    assert isinstance(reviews, ReviewsPage)
    reviews.table.setCurrentIndex(reviews.table.model().index(0, 0))
    qtbot.mouseClick(reviews.open_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "plans"
    plans_page = window.pages["plans"]
    assert isinstance(plans_page, PlansPage)
    assert plans_page.view.data is not None and plans_page.view.data.placement_id == pid
