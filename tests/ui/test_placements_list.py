"""The Placements list opens on the placements running now, and says what each warning is
without a hover: next term's drafts first and a bare "1" sent a coordinator hunting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.plans import make_placement, make_pupil

from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.services.placement_reasons import WARNING_CODES
from apdesk.services.warning_titles import TITLES
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.placements.model import PUPIL, STATUS, WARNINGS
from apdesk.ui.placements.page import PlacementsPage

TODAY = date.today()


@pytest.fixture
def placements(store: Store) -> None:
    """Next term's draft, a placement running now and one ended last term."""
    with store.session() as s:
        make_placement(
            s,
            make_pupil(s, "Draftly"),
            status=PlacementStatus.DRAFT,
            start=TODAY + timedelta(weeks=6),
            end=TODAY + timedelta(weeks=18),
        )
        running = make_placement(
            s,
            make_pupil(s, "Nowell"),
            start=TODAY - timedelta(weeks=3),
            end=TODAY + timedelta(weeks=9),
        )
        running.hours_per_week = 0  # "No hours entered", and more besides
        s.add(running)
        make_placement(s, make_pupil(s, "Pastor"), status=PlacementStatus.ENDED,
                       start=TODAY - timedelta(weeks=30), end=TODAY - timedelta(weeks=12),
                       ended_on=TODAY - timedelta(weeks=12),
                       outcome=PlacementOutcome.RETURNED)  # fmt: skip


def cell(page: PlacementsPage, row: int, column: int, role: int = 0) -> str:
    return str(page.proxy.index(row, column).data(role or Qt.ItemDataRole.DisplayRole))


def test_the_list_opens_on_the_running_placements_and_names_each_warning(
    qtbot: QtBot, ctx: AppContext, placements: None
) -> None:
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)
    surnames = [cell(page, r, PUPIL).split()[-1] for r in range(3)]
    assert surnames == ["Nowell", "Draftly", "Pastor"]  # running, on its way, ended
    assert cell(page, 0, STATUS) == "Active"

    row = next(r for r in page.model.rows if r.pupil_name.endswith("Nowell"))
    assert row.warnings and row.warnings > 1
    shown = cell(page, 0, WARNINGS)
    title, more = shown.rsplit(" (+", 1)
    assert more == f"{row.warnings - 1})"
    assert title in TITLES.values()  # a few words, not the sentence
    tip = cell(page, 0, WARNINGS, Qt.ItemDataRole.ToolTipRole)
    assert "No hours a week entered." in tip  # the whole message, on a hover
    assert tip.count("•") == row.warnings


def test_every_check_has_its_few_words_for_the_list() -> None:
    """A new check with no title would show its field's name in the column, not what is wrong."""
    assert set(WARNING_CODES) <= set(TITLES)


def test_a_placement_past_its_end_is_named_for_that_first(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    """Its review date came first in the check's order and hid the overrun until hovered."""
    with store.session() as s:
        make_placement(s, make_pupil(s, "Overton"), start=TODAY - timedelta(weeks=12),
                       end=TODAY - timedelta(weeks=1))  # fmt: skip
    page = PlacementsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    row = page.model.rows[0]
    assert row.warnings and row.warnings > 1
    assert cell(page, 0, WARNINGS).startswith("Past its end date (+")
    tip = cell(page, 0, WARNINGS, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("• The placement ran past its end date")
