"""Tab goes round every page and comes back: no page keeps the focus in a loop of its own,
and every stop is a control a person can see. (The harness in tests/a11y checks the same
through the real accessibility tree; this runs in a second on every test run.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.outbox import school_with_placement

from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES as SPECS

PAGES = [spec.key for spec in SPECS]

CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    school_with_placement(ctx.store)  # something in every list
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def tab_round(qtbot: QtBot, start: QWidget, limit: int = 80) -> list[QWidget]:
    """The stops Tab makes from `start` until the focus is back on it (start not included)."""
    stops: list[QWidget] = []
    for _ in range(limit):
        here = QApplication.focusWidget()
        assert here is not None, "the focus was lost after " + describe(
            stops[-1] if stops else start
        )
        # A grid that takes Tab for its cells says how to leave it, and is left that way.
        leave = "Ctrl+Tab leaves" in here.accessibleDescription()
        qtbot.keyClick(here, Qt.Key.Key_Tab, CTRL if leave else NONE)
        now = QApplication.focusWidget()
        assert now is not here, f"Tab is trapped in {describe(here)}"
        if now is start:
            return stops
        assert now not in stops, (
            f"Tab goes round a loop that never comes back to the page list: "
            f"{' → '.join(describe(w) for w in [*stops[stops.index(now) :], now])}"
        )
        stops.append(now)  # type: ignore[arg-type]
    raise AssertionError(f"Tab did not come back round in {limit} presses")


@pytest.mark.parametrize("key", PAGES)
def test_tab_goes_round_the_page_and_back_to_the_page_list(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    assert [spec.key for spec in window.specs] == PAGES
    window.sidebar.setCurrentRow(PAGES.index(key))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages[key])
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    page = window.pages[key]
    expected = tab_stops(page)  # before Tab reaches a list and its choice enables more
    stops = tab_round(qtbot, window.sidebar)
    assert stops, "Tab never leaves the page list"
    hidden = [describe(w) for w in stops if not w.isVisible()]
    assert not hidden, f"Tab stops on controls that are not shown: {hidden}"
    assert any(page.isAncestorOf(w) for w in stops), "Tab never reaches the page"
    missed = [describe(w) for w in expected if w not in stops]
    assert not missed, f"Tab never reaches {missed}"


def tab_stops(page: QWidget) -> list[QWidget]:
    """The controls on `page` a person can see and Tab should reach."""
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not (isinstance(w.parent(), QWidget) and w.parent().focusProxy() is w)  # type: ignore[union-attr]
        and not isinstance(w.parent(), QComboBox)  # its line edit: reached with the box
        and not _in_entered_group(w)
    ]


def _in_entered_group(widget: QWidget) -> bool:
    """An unchosen button of a one-of-many group: Tab enters at the chosen one, arrows move."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and not widget.isChecked()  # type: ignore[union-attr]


EDITORS = {  # page, and how its "new" editor is opened
    "pupils": lambda page: page.new_pupil(),
    "placements": lambda page: page.new_placement(),
    "providers": lambda page: page.new_provider(),
}


@pytest.mark.parametrize("key", EDITORS)
def test_tab_goes_round_each_editor_and_reaches_every_field(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    window.sidebar.setCurrentRow(PAGES.index(key))
    page = window.pages[key]
    EDITORS[key](page)
    editor = page.editor  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: editor.isVisible() and editor.isActiveWindow())
    first = QApplication.focusWidget()
    assert first is not None and editor.isAncestorOf(first)
    expected = tab_stops(editor)
    stops = tab_round(qtbot, first, limit=200)
    missed = [describe(w) for w in expected if w not in [*stops, first]]
    assert not missed, f"Tab never reaches {missed}"
    assert all(editor.isAncestorOf(w) for w in stops), "Tab leaves the editor"
