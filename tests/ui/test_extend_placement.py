"""Extend… on Home's overrunning placement opens its editor at the end date: the field is
focused and scrolled into view, so typing a later date is the next thing a person does."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select
from tests.helpers.plans import make_placement, make_pupil

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import ThreadTaskRunner
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.page import PlacementsPage


def end_date_in_view(editor: PlacementEditor) -> bool:
    """The end date field lies wholly inside the form's visible part."""
    end = editor.binder.widgets["end_date"]
    viewport = editor.form_scroll.viewport()
    top = end.mapTo(viewport, QPoint(0, 0)).y()
    return top >= 0 and top + end.height() <= viewport.height()


def test_extend_opens_the_editor_at_its_end_date(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.session() as s:
        placement = make_placement(
            s,
            make_pupil(s, "Fairweather"),
            start=date.today() - timedelta(weeks=16),
            end=date.today() - timedelta(days=10),
        )
        placement_id = placement.id or 0
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    editor = page.extend_placement(placement_id)
    qtbot.addWidget(editor)
    end = editor.binder.widgets["end_date"]
    qtbot.waitUntil(lambda: end.isAncestorOf(QApplication.focusWidget()) or end.hasFocus())
    assert end_date_in_view(editor)


def test_the_end_date_is_in_view_when_the_record_arrives_from_the_worker(
    qtbot: QtBot, store: Store, settings: QSettings
) -> None:
    """As in the real window: the worker answers after the editor is on screen and its
    sections are built one a turn; the end date used to be scrolled out of sight, 1,500 px
    down a 660 px view."""
    populate(store, pupils=12, seed=3)
    with store.session() as s:
        placement = next(
            p
            for p in s.exec(select(Placement).where(Placement.status == PlacementStatus.ACTIVE))
            if p.end_date is not None
        )
        placement_id = placement.id or 0
    runner = ThreadTaskRunner()
    real_ctx = AppContext(store.folder, runner, settings, store=store)
    page = PlacementsPage(real_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    editor = page.extend_placement(placement_id)
    qtbot.addWidget(editor)
    try:
        qtbot.waitUntil(lambda: editor.sections.complete and not editor._loading, timeout=10_000)
        end = editor.binder.widgets["end_date"]
        viewport = editor.form_scroll.viewport()

        def in_view() -> bool:
            top = end.mapTo(viewport, QPoint(0, 0)).y()
            return top >= 0 and top + end.height() <= viewport.height()

        qtbot.waitUntil(in_view, timeout=10_000)
        editor.activateWindow()  # the window system gives the focus to the window on top
        qtbot.waitUntil(
            lambda: end.isAncestorOf(QApplication.focusWidget()) or end.hasFocus(),
            timeout=10_000,
        )
    finally:  # a worker still answering must not outlive the test's windows
        editor.close()
        assert runner.shutdown(10_000)


def test_a_placement_begun_before_apdesk_says_no_notification_was_sent(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    """No promise of a notification that will never come: a running placement with none says
    so and points at the field for the day the LA was told another way."""
    from apdesk.ui.placements.editor import PlacementEditor

    with store.session() as s:
        running = make_placement(
            s, make_pupil(s, "Okafor"), start=date.today() - timedelta(weeks=4)
        )
        waiting = make_placement(
            s, make_pupil(s, "Reid"), status=PlacementStatus.REFERRED, start=date.today()
        )
        ids = (running.id or 0, waiting.id or 0)
    texts = []
    for placement_id in ids:
        editor = PlacementEditor(ctx, placement_id)
        qtbot.addWidget(editor)
        editor.complete_form()
        texts.append(editor.sections.la_notice.text())
    assert texts[0].startswith("No start notification was sent from apdesk"), texts
    assert texts[1].startswith("No start notification yet"), texts
