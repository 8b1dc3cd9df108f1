"""No two controls in view share an Alt+letter: Qt gives an ambiguous one to neither (or only
cycles the focus between them), so a keyboard user's Alt+E in the LA settings landed on Export
instead of the endpoint. Checked on every page with the menu bar's letters, offscreen."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QToolBar, QWidget
from pytestqt.qtbot import QtBot
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


def letter(text: str) -> str:
    key = QKeySequence.mnemonic(text)
    return "" if key.isEmpty() else key.toString()


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter in use where the user can see it, and what uses it."""
    found: dict[str, list[str]] = defaultdict(list)
    menus = getattr(window, "menuBar", None)
    if callable(menus):
        for action in menus().actions():
            if action.isVisible() and letter(action.text()):
                found[letter(action.text())].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        captions = isinstance(widget, QLabel) and widget.buddy() is not None
        button = isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QToolBar)
        text = widget.text() if captions or button else ""  # type: ignore[attr-defined]
        if letter(text):
            found[letter(text)].append(f"{type(widget).__name__} {text!r}")
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if letter(widget.tabText(i)):
                    found[letter(widget.tabText(i))].append(f"tab {widget.tabText(i)!r}")
        if isinstance(widget, QToolBar):
            for action in widget.actions():
                if widget.widgetForAction(action) is not None and letter(action.text()):
                    found[letter(action.text())].append(f"tool {action.text()!r}")
    return found


def clashes(window: QWidget) -> list[str]:
    return sorted(f"{key}: {', '.join(users)}" for key, users in mnemonics(window).items()
                  if len(users) > 1)  # fmt: skip


@pytest.mark.parametrize("key", PAGES)
def test_no_two_controls_on_a_page_share_an_alt_letter(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    window.sidebar.setCurrentRow(PAGES.index(key))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages[key])
    assert clashes(window) == []
