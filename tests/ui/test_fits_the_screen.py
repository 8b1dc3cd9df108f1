"""Every page and the main editors fit a school laptop (1366x768 and 1280x720, with a taskbar)
in English, Polish and the pseudo-locale: no window larger than the screen, no label cut off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import usable
from tests.helpers.editors import EDITORS
from tests.helpers.laptop_screens import LOCALES, SCREENS, fit_problems, report, settle

from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.theme.apply import ThemeManager
from apdesk.ui.widgets.screen_fit import WANTED


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def busiest_hour() -> datetime:
    """The latest school day's late morning, after the returns' cut-off: the register's Today
    panel then lists the pupils expected and the providers late with their marks (on a
    weekend it would list neither, and a long contact would go unmeasured)."""
    day = date.today()
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime.combine(day, time(11, 0))


def each_tab(dialog: QWidget) -> Iterator[str]:
    """Shows each tab of the dialog's tab boxes in turn (the first as it opens), naming it."""
    yield ""
    for tabs in dialog.findChildren(QTabWidget):
        if not tabs.isVisibleTo(dialog):
            continue
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != first and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                settle()
                yield f" > {tabs.tabText(index).replace('&', '')}"
        tabs.setCurrentIndex(first)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_fits_a_laptop_screen(
    qtbot: QtBot, demo: Store, ctx: AppContext, theme: ThemeManager, locale: str
) -> None:
    set_locale(locale)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    register = window.pages["register"]
    assert isinstance(register, RegisterPage)
    register.now = lambda: busiest_hour()  # whatever day the suite runs
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
    qtbot: QtBot, demo: Store, ctx: AppContext, theme: ThemeManager, locale: str
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
            for tab in each_tab(dialog):
                found = fit_problems(dialog, room)
                if found:
                    problems[f"{width}x{height} {name}{tab}"] = found
        dialog.mark_saved()  # closes without asking whatever showing its tabs loaded
        dialog.reject()
    if problems:
        pytest.fail(report(problems), pytrace=False)
