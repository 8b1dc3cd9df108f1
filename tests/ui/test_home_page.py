"""The home dashboard: today's work opens the right page filtered, a measure opens the
placements behind it, and the national comparator is saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.measures import TODAY

from apdesk.services.measures import get_national_rate
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.behind import ID_ROLE
from apdesk.ui.home.page import HomePage
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PageSpec

NOW = datetime.combine(TODAY, time(11, 0))


class RecordingPage(QWidget):
    """A page that remembers the filters it was asked to apply."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.filters: list[dict[str, Any]] = []

    def apply_filter(self, filters: dict[str, Any]) -> None:
        self.filters.append(filters)


class PlainPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()


PAGES = [
    PageSpec("home", "Home", "page.home", "apdesk.ui.home.page:HomePage"),
    PageSpec("placements", "Placements", "page.plans", f"{__name__}:RecordingPage"),
    PageSpec("register", "Register", "page.plans", f"{__name__}:RecordingPage"),
    PageSpec("reviews", "Reviews", "page.plans", f"{__name__}:PlainPage"),
]


@pytest.fixture
def home(qtbot: QtBot, ctx: AppContext, school: dict[str, int]) -> HomePage:
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.now = lambda: NOW
    page.show()  # the page re-reads after a change only while it is shown
    page.refresh()
    return page


def test_the_dashboard_shows_work_measures_and_charts(home: HomePage) -> None:
    assert home.values["pupils"].text() == "5"
    keys = [row.item.key for row in home.today.rows]
    assert keys[0] == "unmarked"  # pupils at a provider now without a mark come first
    assert "notices" in keys and not home.today.empty.isVisibleTo(home)
    tile = home.tiles.tiles["learning_outcomes"]
    assert tile.figure.text() == "75%"
    assert tile.detail.text().startswith("3 of 4 placements running in the period · ")
    assert "✗" in tile.detail.text()  # short of the target, said in words and a mark
    assert "learning outcomes were written down" in tile.accessibleDescription()
    assert "learning outcomes were written down" in tile.toolTip()
    assert not home.tiles.tiles["attendance_school"].clickable
    assert [c.chart.key for c in home.charts if c.chart] == [
        "pupils",
        "attendance",
        "share",
        "referral",
    ]
    assert "Pupils in AP" in home.charts[0].accessibleDescription()


def test_clicking_a_measure_opens_the_placements_behind_it(
    qtbot: QtBot, home: HomePage, school: dict[str, int], qtmodeltester: Any
) -> None:
    tile = home.tiles.tiles["learning_outcomes"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    dialog = home.behind_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    model = dialog.model
    ids = {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())}
    assert ids == {school["p1"], school["p3"], school["p5"]}
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Ann Archer", "Cal Cole", "Dee Dale"]
    with qtbot.waitSignal(home.open_page) as opened:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    key, filters = opened.args
    assert key == "placements"
    assert set(filters["placement_ids"]) == ids


def test_a_measure_opens_from_the_keyboard(qtbot: QtBot, home: HomePage) -> None:
    tile = home.tiles.tiles["permanent_exclusions"]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert home.behind_dialog is not None
    assert home.behind_dialog.model.rowCount() == 1


def test_a_work_item_switches_the_window_to_its_page(
    qtbot: QtBot, ctx: AppContext, school: dict[str, int]
) -> None:
    window = MainWindow(ctx, PAGES)
    qtbot.addWidget(window)
    window.show()
    home = window.pages["home"]
    assert isinstance(home, HomePage)
    home.now = lambda: NOW
    home.refresh()
    rows = {row.item.key: row for row in home.today.rows}
    qtbot.mouseClick(rows["notices"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "placements"
    placements = window.pages["placements"]
    assert isinstance(placements, RecordingPage)
    assert placements.filters == [{"placement_ids": [school["p2"]]}]
    # "attendance" work lands on the register page, the page that takes the marks
    qtbot.mouseClick(rows["late_returns"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "register"
    register = window.pages["register"]
    assert isinstance(register, RecordingPage)
    assert school["alpha"] in register.filters[-1]["provider_ids"]
    # a page with no filter just opens
    qtbot.mouseClick(rows["reviews_overdue"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "reviews"
    # a page that is not there says so instead of failing
    qtbot.mouseClick(rows["qa_failed"], Qt.MouseButton.LeftButton)
    assert window.current_key() == "reviews"
    assert "not available" in window.statusBar().currentMessage()


def test_the_national_rate_is_saved_and_shown(qtbot: QtBot, home: HomePage, store: Store) -> None:
    home.national.setValue(93.4)
    home.national.editingFinished.emit()
    with store.session() as s:
        assert get_national_rate(s) == pytest.approx(0.934)
    assert home.tiles.tiles["attendance_national"].figure.text() == "93.4%"
    national = [s.name for s in home.charts[1].chart.series] if home.charts[1].chart else []
    assert "National" in national


def test_an_empty_store_says_nothing_is_waiting(qtbot: QtBot, ctx: AppContext) -> None:
    page = HomePage(ctx)
    qtbot.addWidget(page)
    assert page.today.rows == []
    assert not page.today.empty.isHidden()
    assert page.tiles.tiles["learning_outcomes"].figure.text() == "–"


def test_the_census_dialog_lists_what_is_missing_and_saves(
    qtbot: QtBot, ctx: AppContext, school: dict[str, int], tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from apdesk.ui.home.dialogs import CensusDialog

    dialog = CensusDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.day.set_value(date(2025, 1, 16))
    assert "3 placements" in dialog.summary.text() and "1 miss" in dialog.summary.text()
    assert "Ben Brook at Beta Tutors: sessions per week" in dialog.missing.toPlainText()
    out = tmp_path / "census.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert out.read_text(encoding="utf-8-sig").startswith("UPN,Surname,Forename,URN,")


def test_the_termly_dialog_previews_the_pdf(
    qtbot: QtBot, ctx: AppContext, school: dict[str, int]
) -> None:
    from apdesk.ui.home.dialogs import TermlyReportDialog

    dialog = TermlyReportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.start.set_value(date(2025, 3, 1))
    dialog.end.set_value(date(2025, 2, 1))
    dialog.build()
    assert "before From" in dialog.error.text()
    dialog.start.set_value(date(2024, 9, 1))
    dialog.end.set_value(date(2025, 3, 12))
    dialog.build()
    preview = dialog.preview
    qtbot.addWidget(preview)
    assert preview.isVisible()


def test_a_focused_measure_keeps_the_focus_when_the_figures_change(
    qtbot: QtBot, home: HomePage
) -> None:
    tile = home.tiles.tiles["learning_outcomes"]
    assert tile.clickable
    home.activateWindow()
    tile.setFocus()
    qtbot.waitUntil(tile.hasFocus)
    home.national.setValue(91.2)
    home.national.editingFinished.emit()
    qtbot.waitUntil(lambda: home.tiles.tiles["attendance_national"].figure.text() == "91.2%")
    assert home.tiles.tiles["learning_outcomes"] is tile  # the same tile, not a new one
    assert tile.hasFocus()  # a keyboard user is not thrown back to the top of the page
    assert "91.2%" in home.tiles.tiles["attendance_national"].accessibleName()


def test_a_focused_work_row_and_the_charts_stay_put_when_a_read_brings_the_same(
    qtbot: QtBot, home: HomePage
) -> None:
    """Most reads after a mark bring today's work and three of the four charts as they were:
    those rows and charts are left alone, so the focus stays where the keyboard user put it."""
    qtbot.waitUntil(lambda: bool(home.today.rows))
    row, shown = home.today.rows[0], home.dashboard
    assert shown is not None
    home.activateWindow()
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    figures = [panel.numbers.text() for panel in home.chart_panels]
    home.show_dashboard(shown)
    assert home.today.rows[0] is row and row.hasFocus()
    assert [panel.numbers.text() for panel in home.chart_panels] == figures
    work = [replace(item, count=item.count + 1) for item in shown.work]
    home.show_dashboard(replace(shown, work=work))
    assert home.today.rows[0] is not row, "new work gets new rows"
