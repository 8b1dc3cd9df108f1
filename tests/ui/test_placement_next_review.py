"""The placement editor once reviews have been held: the line under the review date says which
date is the next review, the checks warn when it has passed, and the date stays editable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import usable
from tests.helpers.plans import make_placement

from apdesk.i18n import format_date, set_locale
from apdesk.services import plans
from apdesk.services.plans import ReviewInput
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor


@pytest.mark.parametrize("locale", ["en_GB", "pl_PL"])
def test_the_editor_names_the_next_review_and_warns_once_it_has_passed(
    qtbot: QtBot, ctx: AppContext, store: Store, locale: str
) -> None:
    today = date.today()
    held, due = today - timedelta(days=50), today - timedelta(days=8)
    with store.session() as s:
        placement = make_placement(
            s, start=today - timedelta(weeks=12), end=today + timedelta(weeks=12)
        )
        plans.hold_review(
            s, placement.id or 0, ReviewInput(held_on=held, attendees=["SENCO"], next_review=due)
        )
        placement_id = placement.id
    set_locale(locale)
    editor = PlacementEditor(ctx, placement_id)
    qtbot.addWidget(editor)
    editor.resize(editor.size().expandedTo(editor.sizeHint()).boundedTo(usable(1366, 768)))
    editor.show()
    qtbot.waitUntil(lambda: "review_overdue" in editor.panel.codes(), timeout=5000)
    line = editor.sections.next_review
    assert format_date(due) in line.text() and format_date(held) in line.text()
    assert line.isVisibleTo(editor)
    overdue = editor.panel.messages()[editor.panel.codes().index("review_overdue")]
    assert format_date(due) in overdue
    field = editor.binder.widgets["review_date"]
    assert field.isEnabled()
    editor.focus_field("review_date")
    qtbot.waitUntil(lambda: line.visibleRegion().boundingRect().width() > 0, timeout=3000)
    rows = line.parentWidget()
    assert rows is not None and line.geometry().right() < rows.width()  # wrapped, not cut
    assert line.height() >= line.heightForWidth(line.width())
    editor.mark_saved()
    editor.reject()
