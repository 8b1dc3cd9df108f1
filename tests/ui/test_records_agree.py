"""Records that cannot contradict themselves: an end before the start is refused on the field,
a placement running past its end date waits in Today's work with Extend and End, and a review
before the start or a follow-up on or before the return is said on its date field and saved
nowhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.editors import running
from tests.helpers.plans import START, make_placement

from apdesk.models import FollowUp, Placement, Review
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services.demo import populate
from apdesk.services.placements import PlacementInput
from apdesk.services.plan_rows import review_setup
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.plans.review_dialog import ReviewDialog
from apdesk.ui.plans.review_followup import FollowUpDialog, FollowUpTask
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.date_field import DateField


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def test_an_end_before_the_start_is_refused_naming_the_end_date() -> None:
    data = PlacementInput(start_date=date(2027, 1, 11), end_date=date(2027, 1, 4))
    with pytest.raises(ValidationError) as refused:
        data.check()
    assert refused.value.field == "End date"
    assert "before the start" in refused.value.message
    PlacementInput(start_date=date(2027, 1, 11), end_date=date(2027, 1, 11)).check()  # one day


def test_the_editor_marks_the_end_date_and_saves_nothing(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    placement = running(demo)
    assert placement.start_date is not None
    editor = PlacementEditor(ctx, placement.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor._baseline is not None)
    before = placement.start_date - timedelta(days=7)
    end = editor.binder.widgets["end_date"]
    end.edit.setFocus()  # type: ignore[attr-defined]
    end.edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(end.edit, before.strftime("%d/%m/%Y"))  # type: ignore[attr-defined]
    editor.check_now()
    assert "before the start" in editor.binder.error.text()
    assert editor.binder.error.isVisibleTo(editor)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "before the start" in editor.binder.error.text()
    with demo.session() as session:
        kept = session.get(Placement, placement.id)
        assert kept is not None and kept.end_date == placement.end_date
    editor.binder.set("end_date", placement.start_date + timedelta(weeks=6))
    editor.check_now()
    assert editor.binder.error.text() == ""  # put right: the mark goes
    editor.binder.set("end_date", placement.end_date)
    editor.close()


def test_an_overrunning_placement_waits_in_todays_work_with_extend_and_end(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    placement = running(demo)
    today = date.today()
    with demo.session() as session:  # a placement left running past its planned end
        row = session.get(Placement, placement.id)
        assert row is not None
        row.end_date = today - timedelta(days=3)
        session.add(row)
        session.commit()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    window.show()
    home = window.pages["home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: any(r.item.key == "overrunning" for r in home.today.rows))
    item = next(r.item for r in home.today.rows if r.item.key == "overrunning")
    assert "past" in item.title and "(s)" not in item.title
    actions = next(a for a in home.today.record_actions if a.placement_id == placement.id)
    assert "planned to end on" in actions.label.text()

    qtbot.mouseClick(actions.extend_button, Qt.MouseButton.LeftButton)
    page = window.pages["placements"]
    assert window.stack.currentWidget() is page
    editors = [e for e in page.findChildren(PlacementEditor) if e.isVisible()]
    assert len(editors) == 1 and editors[0].placement_id == placement.id
    assert editors[0].focusWidget() is not None
    window.sidebar.setCurrentRow(0)
    qtbot.mouseClick(actions.extend_button, Qt.MouseButton.LeftButton)  # again: the same one
    assert [e for e in page.findChildren(PlacementEditor) if e.isVisible()] == editors
    editors[0].close()

    window.sidebar.setCurrentRow(0)
    qtbot.mouseClick(actions.end_button, Qt.MouseButton.LeftButton)
    ends = [d for d in page.findChildren(EndPlacementDialog) if d.isVisible()]
    assert len(ends) == 1 and ends[0].placement_id == placement.id
    ends[0].close()


def _type_date(qtbot: QtBot, field: DateField, day: date) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, day.strftime("%d/%m/%Y"))


def test_a_review_dated_before_the_placement_starts_is_said_on_the_field_and_not_saved(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    with store.session() as session:
        placement_id = make_placement(session).id or 0  # starts 6 January 2025
        session.commit()
        setup = review_setup(session, placement_id)
    dialog = ReviewDialog(ctx, setup)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_date(qtbot, dialog.held_on, date(2025, 1, 3))
    said = dialog.errors.labels["Date held"]
    assert "3 January 2025 is before the placement starts on 6 January 2025" in said.text()
    assert dialog.attendance.text() == ""  # no period that runs backwards
    qtbot.keyClicks(dialog.attendees, "SENCO, parent")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "before the placement starts" in said.text()
    with store.session() as session:
        assert [r for r in session.exec(select(Review)) if r.held_on] == []
    _type_date(qtbot, dialog.held_on, START)
    assert said.text() == ""  # put right: the message goes


def test_a_follow_up_dated_on_the_return_is_said_on_the_field_and_not_saved(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    returned = date(2025, 4, 4)
    with store.session() as session:
        placement = make_placement(
            session, status=PlacementStatus.ENDED, ended_on=returned,
            outcome=PlacementOutcome.RETURNED,
        )  # fmt: skip
        placement_id = placement.id or 0
        session.commit()
    task = FollowUpTask(None, placement_id, "Alex Example", 6, returned + timedelta(weeks=6))
    dialog = FollowUpDialog(ctx, task)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_date(qtbot, dialog.done_on, returned)
    dialog.yes.setChecked(True)
    said = dialog.errors.labels["Date checked"]
    assert "4 April 2025 is not after the return on 4 April 2025" in said.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "after the return" in said.text()
    with store.session() as session:
        assert session.exec(select(FollowUp)).all() == []
    _type_date(qtbot, dialog.done_on, returned + timedelta(weeks=6))
    assert said.text() == ""
