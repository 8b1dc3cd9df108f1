"""School set-up › Getting started ticks the LA connection only once an LA endpoint is set
(what the Outbox asks before it says "LA connection not set"), and the step opens File ›
Settings › LA connection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from apdesk.services.operations.settings import set_la_endpoint
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.connection_dialog import SettingsDialog
from apdesk.ui.setup.page import SchoolPage

STEP = "The LA connection, to send packs (File › Settings › LA connection)"


def connection_step(page: SchoolPage) -> QListWidgetItem | None:
    """The LA connection's line of the checklist, as listed (None before it is filled)."""
    for row in range(page.steps.count()):
        item = page.steps.item(row)
        if STEP in item.text():
            return item
    return None


def said(item: QListWidgetItem) -> str:
    return str(item.data(Qt.ItemDataRole.AccessibleTextRole))


def test_the_la_connection_is_ticked_only_once_it_is_set(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    page = SchoolPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: connection_step(page) is not None)
    step = connection_step(page)
    assert step is not None
    assert step.text() == f"○  {STEP}" and said(step) == f"{STEP}: to do"

    page.steps.itemActivated.emit(step)
    assert isinstance(page.dialog, SettingsDialog)
    assert page.dialog.isVisible()
    page.dialog.close()

    with store.session() as s:
        set_la_endpoint(s, "https://la.example.org/ap")
    page.reload()
    qtbot.waitUntil(lambda: (item := connection_step(page)) is not None and "✓" in item.text())
    step = connection_step(page)
    assert step is not None and said(step) == f"{STEP}: done"
