"""The register shows Monday to Friday, both halves of each day, with no sideways scroll on a
school laptop, in English, Polish and the pseudo-locale, at the window's first size and
maximised; its headings are whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import elided_columns, usable

from apdesk import i18n
from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.shell.main_window import MainWindow


@pytest.fixture
def demo(store: Store) -> Store:
    populate(store, pupils=12, seed=3)
    return store


def show_register(window: MainWindow) -> RegisterPage:
    row = next(i for i, spec in enumerate(window.specs) if spec.key == "register")
    window.sidebar.setCurrentRow(row)
    for _ in range(3):
        QApplication.processEvents()
    page = window.pages["register"]
    assert isinstance(page, RegisterPage)
    return page


def hidden_half_days(page: RegisterPage) -> list[str]:
    view = page.view
    shown = view.viewport().width()
    model = page.model
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", " ")
        for column in range(model.columnCount())
        if view.columnViewportPosition(column) < 0
        or view.columnViewportPosition(column) + view.columnWidth(column) > shown
    ]


@pytest.mark.parametrize("locale", ["en_GB", "pl_PL", i18n.PSEUDO_LOCALE])
def test_the_whole_week_shows_at_1366_and_at_the_first_window_size(
    qtbot: QtBot, demo: Store, ctx: AppContext, locale: str
) -> None:
    set_locale(locale)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 720)  # the window's first size on a 1366x768 laptop
    window.show()
    qtbot.waitExposed(window)
    page = show_register(window)
    qtbot.waitUntil(lambda: page.model.columnCount() == 10)
    problems: list[str] = []
    for size in (window.size(), usable(1366, 768)):
        window.resize(size)
        for _ in range(3):
            QApplication.processEvents()
        hidden = hidden_half_days(page)
        if hidden:
            problems.append(f"{size.width()} px: hidden {hidden}")
        problems += [f"{size.width()} px: {p}" for p in elided_columns(page.view)]
    assert not problems, "\n".join(problems)
