"""A chosen pupil's record fits beside the list on a school laptop, in apdesk's own look: a
section whose title cannot wrap widens the record (the list's "In AP now" column gives way)
instead of making the record scroll sideways and cutting its facts line."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import usable
from tests.helpers.laptop_screens import LOCALES, SCREENS, fit_problems, report, settle

from apdesk.i18n import set_locale
from apdesk.services.demo import populate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.pupils.page import PupilsPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.theme.apply import ThemeManager


@pytest.mark.parametrize("locale", LOCALES)
def test_a_chosen_pupils_record_fits_beside_the_list(
    qtbot: QtBot, store: Store, ctx: AppContext, theme: ThemeManager, locale: str
) -> None:
    populate(store, pupils=12, seed=3)
    set_locale(locale)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index("pupils"))
    page = window.pages["pupils"]
    assert isinstance(page, PupilsPage)
    problems: dict[str, list[str]] = {}
    for width, height in SCREENS:
        room = usable(width, height)
        window.resize(room)
        settle()
        page.table.selectRow(1)
        qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.body.isVisible())
        settle()
        settle()
        found = fit_problems(window, room, page)
        if page.detail.horizontalScrollBar().isVisible():
            found.append("the pupil's record scrolls sideways")
        if found:
            problems[f"{width}x{height}"] = found
    assert page.detail.view is not None  # a record was shown, with its sections
    if problems:
        pytest.fail(report(problems), pytrace=False)
