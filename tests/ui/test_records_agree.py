"""Records that cannot contradict themselves: an end before the start is refused on the field,
and a placement running past its end date waits in Today's work with Extend and End."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.editors import running

from apdesk.models import Placement
from apdesk.models.errors import ValidationError
from apdesk.services.demo import populate
from apdesk.services.placements import PlacementInput
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.end_dialog import EndPlacementDialog
from apdesk.ui.shell.main_window import MainWindow


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
