"""The placement editor shows before its whole form is built: the rest arrives a section at a
time, with the record's values, in its place in the Tab order, and saving never misses a field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from tests.helpers.editors import running
from tests.helpers.held_tasks import HeldTasks

from apdesk.services.demo import populate
from apdesk.services.placements import PlacementInput
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements import editor as editor_module
from apdesk.ui.placements.editor import EAGER_SECTIONS, PlacementEditor


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def _tab_order(editor: PlacementEditor) -> list[str]:
    """The dialog's controls in the order Tab reaches them, round from the sections list."""
    names, widget = [], editor.index.nextInFocusChain()
    while widget is not None and widget is not editor.index:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and editor.isAncestorOf(widget):
            names.append(f"{type(widget).__name__} {widget.accessibleName()}")
        widget = widget.nextInFocusChain()
    return names


def _fields(editor: PlacementEditor) -> dict[str, object]:
    values = editor.values()
    return {name: getattr(values, name) for name in PlacementInput.model_fields}


def test_the_rest_of_the_form_arrives_with_the_record_in_its_place_in_the_tab_order(
    qtbot: QtBot,
    demo: Store,
    ctx: AppContext,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    placement = running(demo)
    with monkeypatch.context() as patch:
        patch.setattr(editor_module, "EAGER_SECTIONS", 99)  # the whole form made with the dialog
        whole = PlacementEditor(ctx, placement.id)
    qtbot.addWidget(whole)
    assert whole.sections.complete

    tasks = HeldTasks()
    held_ctx = AppContext(demo.folder, tasks, settings, store=demo)
    editor = PlacementEditor(held_ctx, placement.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    built = len(editor.sections.boxes) - len(editor.sections.pending)
    assert built <= EAGER_SECTIONS + 1  # the window showed with only the top of the form
    tasks.run_all()  # the record arrives while the rest is still being built
    qtbot.waitUntil(lambda: editor.sections.complete and editor._baseline is not None)

    assert _fields(editor) == _fields(whole)  # every later section shows the record
    assert editor.binder.get("exit_strategy") == placement.exit_strategy
    assert not editor.has_unsaved_input()  # filling the late sections is not the person's input
    assert _tab_order(editor) == _tab_order(whole)
    assert len(_tab_order(editor)) > 100


def test_reading_the_values_before_the_form_is_complete_completes_it(
    qtbot: QtBot, demo: Store, settings: QSettings
) -> None:
    placement = running(demo)
    tasks = HeldTasks()
    ctx = AppContext(demo.folder, tasks, settings, store=demo)
    editor = PlacementEditor(ctx, placement.id)
    qtbot.addWidget(editor)
    editor.show()
    tasks.run_all()
    assert not editor.sections.complete
    values = editor.values()  # what a save reads: never a field short
    assert editor.sections.complete
    assert values.end_date == placement.end_date and values.exit_strategy == placement.exit_strategy
    editor.go_to_section(len(editor.sections.boxes) - 1)
    assert editor.form_scroll.verticalScrollBar().value() > 0
