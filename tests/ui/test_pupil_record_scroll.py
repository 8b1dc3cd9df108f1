"""Choosing another pupil opens their record at the top, at their name: a record left scrolled
down at the contacts showed the next pupil's contacts under no name. The same pupil's record,
read again after a change, stays where it was."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.page import PupilsPage
from apdesk.ui.theme.apply import ThemeManager


def test_another_pupils_record_opens_at_the_top(
    qtbot: QtBot, store: Store, ctx: AppContext, theme: ThemeManager
) -> None:
    populate(store, pupils=12, seed=3)
    page = PupilsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 520)  # short enough that a record scrolls
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 2)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.body.isVisible())
    first = page.detail.view
    assert first is not None
    bar = page.detail.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    with qtbot.waitSignal(page.detail.shown):  # the same pupil read again (after a change):
        page.detail.reload()  # where the person was reading stays
    assert bar.value() == bar.maximum()
    page.table.selectRow(2)
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.id != first.id)
    assert bar.value() == 0
