"""The Attendance page's Today panel on a school laptop, in apdesk's own look: the pupils
expected at a provider today show at least five at a time (the pupil's chart has its own tab
beside it), the status filter's words are whole, and nothing in the panel is cut."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QTableWidget
from pytestqt.qtbot import QtBot
from tests.helpers.clipping import cut_wrapped_items, usable
from tests.helpers.laptop_screens import LOCALES, SCREENS, fit_problems, report, settle
from tests.helpers.plans import make_placement, make_pupil
from tests.helpers.register import MON, WEEK

from apdesk.i18n import set_locale
from apdesk.models import Provider
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.register.page import RegisterPage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.theme.apply import ThemeManager

NOW = datetime.combine(MON, time(11, 0))  # after the cut-off: the late returns show too
SURNAMES = ["Ashdown", "Begum", "Bramall", "Fairbank", "Khan", "Mensah", "Nowak", "Oakley"]
SURNAMES += ["Montgomery-Fairbrother"]  # longer than a narrow panel's column: wraps, never cut


@pytest.mark.parametrize("locale", LOCALES)
def test_todays_pupils_show_five_at_a_time_and_the_filter_reads_whole(
    qtbot: QtBot, store: Store, ctx: AppContext, theme: ThemeManager, locale: str
) -> None:
    with store.session() as s:
        providers: list[int] = []
        for surname in SURNAMES:
            start, end = MON - timedelta(weeks=3), MON + timedelta(weeks=9)
            placement = make_placement(s, make_pupil(s, surname), start=start, end=end)
            placement.sessions = WEEK  # every morning and afternoon
            providers.append(placement.provider_id)
            placement.provider_id = providers[min(len(providers), 2) - 1]  # two providers, late
        late = s.get(Provider, providers[1])
        assert late is not None
        late.name = "Riverside Pupil Referral Unit"  # wider than the late list's column
    set_locale(locale)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages["register"]
    assert isinstance(page, RegisterPage)
    page.now = lambda: NOW
    window.sidebar.setCurrentRow([spec.key for spec in window.specs].index("register"))
    page.go_to_week(MON)
    page.refresh()
    today = page.today
    qtbot.waitUntil(lambda: today.pupils.rowCount() == len(SURNAMES))
    problems: dict[str, list[str]] = {}
    for width, height in SCREENS:
        window.resize(usable(width, height))
        settle()
        settle()
        found = fit_problems(window, usable(width, height), today) + cut_wrapped_items(today)
        found += cut_names(today.pupils)
        for combo in today.findChildren(QComboBox):
            if combo.width() < combo.sizeHint().width():
                found.append(f"{combo.accessibleName()}: {combo.currentText()!r} cut")
        if found:
            problems[f"{width}x{height}"] = found
    if problems:
        pytest.fail(report(problems), pytrace=False)


def cut_names(table: QTableWidget) -> list[str]:
    """Each pupil's name that does not show whole: on one line it is wider than its column, or
    wrapped its row is lower than its lines (a tooltip holding it is no excuse here)."""
    width = table.horizontalHeader().sectionSize(0)
    cut: list[str] = []
    for row in range(table.rowCount()):
        index = table.model().index(row, 0)
        one_line = table.sizeHintForIndex(index).width() <= width
        if one_line or (table.wordWrap() and table.rowHeight(row) >= table.sizeHintForRow(row)):
            continue
        cut.append(f"{index.data()!r} cut at {width}px")
    return cut
