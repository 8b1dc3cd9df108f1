"""No two controls in view share an Alt+letter: Qt gives an ambiguous one to neither (or only
cycles the focus between them), so a keyboard user's Alt+E in the LA settings landed on Export
instead of the endpoint. Checked on every page with the menu bar's letters, offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.mnemonics import clashes
from tests.helpers.outbox import school_with_placement

from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES as SPECS

PAGES = [spec.key for spec in SPECS]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    school_with_placement(ctx.store)
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


@pytest.mark.parametrize("key", PAGES)
def test_no_two_controls_on_a_page_share_an_alt_letter(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    window.sidebar.setCurrentRow(PAGES.index(key))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages[key])
    assert clashes(window) == []
