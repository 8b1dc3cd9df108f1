"""Every page starts with the same header, and a page with nothing to list says what to do."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.empty_switch import EmptySwitch
from apdesk.ui.widgets.page_header import PageHeader


def shown_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def visit(window: MainWindow, key: str) -> None:
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index(key))
    QApplication.processEvents()
    QApplication.processEvents()


def test_every_page_has_one_header_at_the_top_with_a_title_and_context(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    populate(store, pupils=12, seed=3)
    window = shown_window(qtbot, ctx)
    tops = set()
    for spec in window.specs:
        visit(window, spec.key)
        page = window.pages[spec.key]
        headers = page.findChildren(PageHeader)
        assert len(headers) == 1, spec.key
        header = headers[0]
        assert header.isVisible() and header.title.text(), spec.key
        assert header.context.isVisible() and header.context.text(), spec.key
        top = header.mapTo(page, QPoint(0, 0)).y()
        buttons = [w for w in page.findChildren(QPushButton) if w.isVisible()]
        assert all(w.mapTo(page, QPoint(0, 0)).y() >= top for w in buttons), spec.key
        tops.add(header.title.mapTo(window, header.title.rect().topLeft()).toTuple())
    assert len(tops) == 1, tops  # the title sits in the same place on every page


def test_an_empty_school_is_offered_the_next_step_and_a_search_keeps_the_list(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    window = shown_window(qtbot, ctx)
    for key in ("pupils", "placements", "providers", "plans", "reviews", "outbox"):
        visit(window, key)
        switch = window.pages[key].findChild(EmptySwitch)
        assert switch is not None and switch.showing_empty, key
        assert switch.empty.isVisible() and switch.empty.sentence.text(), key
    visit(window, "pupils")
    pupils = window.pages["pupils"]
    assert pupils.empty.button.isVisible() and pupils.empty.button.text() == "Import pupils…"
    populate(store, pupils=12, seed=3)
    pupils.refresh()
    qtbot.waitUntil(lambda: not pupils.switch.showing_empty)
    pupils.search.setText("no pupil is called this")
    assert pupils.proxy.rowCount() == 0
    assert not pupils.switch.showing_empty and pupils.table.isVisible()
