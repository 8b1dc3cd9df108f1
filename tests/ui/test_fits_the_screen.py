"""Every page and the main editors fit a school laptop (1366x768 and 1280x720, with a taskbar)
in English, Polish and the pseudo-locale: no window larger than the screen, no label cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import clipped_widgets, larger_than, sideways_scrolling, usable
from tests.helpers.editors import EDITORS

from apdesk import i18n
from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.screen_fit import WANTED

SCREENS = [(1366, 768), (1280, 720)]
LOCALES = ["en_GB", "pl_PL", i18n.PSEUDO_LOCALE]


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {'; '.join(found)}" for where, found in problems.items())


def settle() -> None:
    """Twice, as the event loop would: the widget lays itself out, then its window follows."""
    QApplication.processEvents()
    QApplication.processEvents()


def fit_problems(window: QWidget, room: QSize, inside: QWidget | None = None) -> list[str]:
    found = larger_than(window, room)
    settle()
    return found + clipped_widgets(inside or window) + sideways_scrolling(inside or window)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_fits_a_laptop_screen(
    qtbot: QtBot, demo: Store, ctx: AppContext, locale: str
) -> None:
    set_locale(locale)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems: dict[str, list[str]] = {}
    for width, height in SCREENS:
        room = usable(width, height)
        window.resize(room)
        for row, spec in enumerate(window.specs):
            window.sidebar.setCurrentRow(row)
            settle()
            found = fit_problems(window, room, window.pages[spec.key])
            if found:
                problems[f"{width}x{height} {spec.key}"] = found
    if problems:
        pytest.fail(report(problems), pytrace=False)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_main_editors_fit_a_laptop_screen(
    qtbot: QtBot, demo: Store, ctx: AppContext, locale: str
) -> None:
    set_locale(locale)
    problems: dict[str, list[str]] = {}
    for name, make in EDITORS.items():
        dialog = make(ctx, demo)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle()
        screen = dialog.screen().availableGeometry().size()
        if dialog.width() > screen.width() or dialog.height() > screen.height():
            problems[f"{name} opened on this screen"] = [f"{dialog.width()}x{dialog.height()}"]
        asked = dialog.property(WANTED)  # this test's screen may be smaller than a laptop's
        wanted = (asked if isinstance(asked, QSize) else dialog.size()).expandedTo(
            dialog.sizeHint()
        )
        for width, height in SCREENS:
            room = usable(width, height)
            dialog.resize(wanted.boundedTo(room))
            found = fit_problems(dialog, room)
            if found:
                problems[f"{width}x{height} {name}"] = found
        dialog.reject()
    if problems:
        pytest.fail(report(problems), pytrace=False)
