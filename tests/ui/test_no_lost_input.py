"""Nothing typed is lost in the real editors on the demo store: Escape and Close ask, a
double-click opens one window, and a lock keeps an open placement editor's input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.editors import EDITORS, running
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.unsaved import Button, answer_next_box, type_something

from apdesk.models import Placement
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor
from apdesk.ui.placements.page import PlacementsPage
from apdesk.ui.providers.editor import ProviderEditor
from apdesk.ui.providers.page import ProvidersPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.guard import GuardedDialog


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def shown(qtbot: QtBot, dialog: GuardedDialog) -> GuardedDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.has_unsaved_input() is False and dialog._baseline is not None)
    return dialog


@pytest.mark.parametrize("how", ["escape", "close"])
@pytest.mark.parametrize("name", list(EDITORS))
def test_escape_or_close_with_unsaved_input_asks_and_cancel_keeps_it(
    qtbot: QtBot, demo: Store, ctx: AppContext, name: str, how: str
) -> None:
    dialog = shown(qtbot, EDITORS[name](ctx, demo))
    box = type_something(qtbot, dialog)
    assert dialog.isWindowModified() and dialog.windowTitle().endswith("[*]")
    asked: list[str] = []
    answer_next_box(Button.Cancel, asked)
    if how == "escape":
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    else:
        dialog.close()
    assert len(asked) == 1 and asked[0].endswith("has changes that are not saved.")
    assert dialog.isVisible()
    assert dialog.has_unsaved_input()  # still there, as typed
    answer_next_box(Button.Discard, asked)
    dialog.close()
    assert len(asked) == 2 and not dialog.isVisible()


def test_an_untouched_editor_closes_without_asking(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    dialog = shown(qtbot, PlacementEditor(ctx, running(demo).id))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _double_click_first_row(qtbot: QtBot, page: QWidget, table_name: str = "table") -> None:
    table = getattr(page, table_name)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    at = table.visualRect(table.model().index(0, 0)).center()
    left = Qt.MouseButton.LeftButton
    # What a mouse sends for a double-click: press, release, double-click, release.
    qtbot.mouseClick(table.viewport(), left, pos=at)
    qtbot.mouseDClick(table.viewport(), left, pos=at)
    qtbot.mouseRelease(table.viewport(), left, pos=at)


@pytest.mark.parametrize(
    "page_type, editor_type",
    [(PlacementsPage, PlacementEditor), (ProvidersPage, ProviderEditor)],
    ids=["placements", "providers"],
)
def test_a_double_click_opens_one_editor_and_a_second_brings_it_forward(
    qtbot: QtBot, demo: Store, ctx: AppContext, page_type: type[QWidget], editor_type: type
) -> None:
    page = page_type(ctx)  # type: ignore[call-arg]
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    _double_click_first_row(qtbot, page)
    qtbot.waitUntil(lambda: len(page.findChildren(editor_type)) >= 1)
    first = page.findChildren(editor_type)
    _double_click_first_row(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the same row: still one
    editors = [e for e in page.findChildren(editor_type) if e.isVisible()]
    assert len(editors) == 1 and editors == first


def test_lock_then_unlock_keeps_a_changed_placement_editor_and_it_still_saves(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    keys = [spec.key for spec in window.specs]
    window.sidebar.setCurrentRow(keys.index("placements"))
    page = window.pages["placements"]
    assert isinstance(page, PlacementsPage)
    placement = running(demo)
    editor = page.open_placement(placement.id)
    qtbot.waitUntil(lambda: editor._baseline is not None)
    notes = editor.binder.widgets["learning_outcomes"]
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Level 1 English by July")
    assert editor.isWindowModified()

    window.lock()
    assert not editor.isVisible()
    ctx.set_store(Store.open(demo.folder, passphrase=TEST_PASSPHRASE))
    qtbot.waitUntil(editor.isVisible)
    assert notes.toPlainText() == "Level 1 English by July"
    assert editor.isWindowModified() and editor.has_unsaved_input()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # a change after unlock
    qtbot.waitUntil(lambda: not editor.isWindowModified())
    assert editor.message.text() == ""
    with ctx.store.session() as session:  # type: ignore[union-attr]
        saved = session.get(Placement, placement.id)
        assert saved is not None and saved.learning_outcomes == "Level 1 English by July"
    # The rebuilt page opens the same window for the same record, not a twin.
    again = window.pages["placements"]
    assert isinstance(again, PlacementsPage) and again is not page
    assert again.open_placement(placement.id) is editor
