"""The Placements page's search box: a pupil by the name the school uses or their legal name,
their UPN, or the provider; every word typed must match, and the count says how many show."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil

from apdesk.models import Provider
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.model import PUPIL
from apdesk.ui.placements.page import PlacementsPage


@pytest.fixture
def three(store: Store) -> dict[str, str]:
    """Three pupils; Poppy goes by Jay, and the last one is at Hillcrest Farm."""
    with store.session() as s:
        jay = make_pupil(s, "Southgate")
        jay.forename, jay.preferred_name = "Poppy", "Jay"
        other = make_pupil(s, "Okafor")
        third = make_pupil(s, "Lindqvist")
        upns = {"jay": jay.upn, "okafor": other.upn, "lindqvist": third.upn}
        for pupil in (jay, other, third):
            make_placement(
                s,
                pupil,
                start=date.today() - timedelta(weeks=2),
                end=date.today() + timedelta(weeks=8),
            )
        farm = s.get(Provider, 3)
        assert farm is not None
        farm.name = "Hillcrest Farm"
        s.add(farm)
        return upns


def shown(page: PlacementsPage) -> list[str]:
    return sorted(page.proxy.index(row, PUPIL).data() for row in range(page.proxy.rowCount()))


def test_the_search_finds_a_pupil_by_either_name_upn_or_provider(
    qtbot: QtBot, ctx: AppContext, three: dict[str, str]
) -> None:
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count.text() == "3 placements"

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, "jay")
    assert shown(page) == ["Jay Southgate"]
    assert page.count.text() == "1 of 3 placements"

    page.search.setText("poppy")  # the legal name finds the same pupil
    assert shown(page) == ["Jay Southgate"]

    page.search.setText(three["okafor"].lower())  # the UPN, in any case
    assert shown(page) == ["Alex Okafor"]

    page.search.setText("hillcrest")  # the provider
    assert shown(page) == ["Alex Lindqvist"]

    page.search.setText("farm alex")  # every word, in any order
    assert shown(page) == ["Alex Lindqvist"]

    page.search.setText("southgate farm")
    assert shown(page) == []
    assert page.count.text() == "0 of 3 placements"
    assert not page.buttons["open"].isEnabled()

    page.search.clear()
    assert len(shown(page)) == 3


def test_a_narrowing_from_home_clears_the_search(
    qtbot: QtBot, ctx: AppContext, three: dict[str, str]
) -> None:
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    page.search.setText("zzz")
    ids = [row.id for row in page.rows if row.pupil_name == "Jay Southgate"]
    page.apply_filter({"placement_ids": ids})
    assert page.search.text() == ""
    assert shown(page) == ["Jay Southgate"]
