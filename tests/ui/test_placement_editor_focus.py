"""New placement from a pupil's record starts where the person types next: the pupil is chosen,
so the focus is on the provider."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.editors import any_pupil

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.editor import PlacementEditor


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=8, seed=4)
    return store


def test_new_placement_for_a_pupil_opens_on_the_provider(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    pupil_id = any_pupil(demo)
    editor = PlacementEditor(ctx, None, pupil_id=pupil_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    assert editor.sections.pupil.currentData() == pupil_id
    qtbot.waitUntil(lambda: editor.focusWidget() is editor.sections.provider)


def test_a_new_placement_with_nobody_chosen_opens_on_the_pupil(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    editor = PlacementEditor(ctx, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.focusWidget() is editor.sections.pupil)
