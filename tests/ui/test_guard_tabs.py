"""Looking is not editing: clicking through an editor's tabs leaves nothing unsaved, so Close
asks no question (Qt moves the tab brought forward to the end of its parent's children, which
once made the provider editor read as changed)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from tests.helpers.editors import EDITORS

from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.providers.editor import ProviderEditor


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=8, seed=4)
    return store


def test_clicking_through_the_provider_editors_tabs_changes_nothing(
    qtbot: QtBot, demo: Store, ctx: AppContext
) -> None:
    editor = EDITORS["provider"](ctx, demo)
    assert isinstance(editor, ProviderEditor)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    for index in [*range(editor.tabs.count()), 0]:
        editor.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert not editor.has_unsaved_input(), editor.tabs.tabText(index)
    box = next(w for w in editor.tabs.widget(0).findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClicks(box, " Ltd")
    assert editor.has_unsaved_input()  # a real change is still seen
