"""From the home page to the records behind each piece of work: the real window and pages,
each list narrowed to exactly those rows with a banner saying so, and "Show all" undoing it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import OutboxStatus, PlacementStatus, SettingType
from apdesk.services.demo import demo_school
from apdesk.services.demo.outbox import populate_outbox
from apdesk.services.school import save_school
from apdesk.store import Store
from apdesk.sync.outbox import list_outbox
from apdesk.ui.core.context import AppContext
from apdesk.ui.home.page import HomePage
from apdesk.ui.pupils.model import ID_ROLE as PUPIL_ID_ROLE
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.widgets.filter_banner import FilterBanner

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # placements, providers, outbox: the plain row


def _pupil(s: Session, n: int, forename: str) -> int:
    pupil = Pupil(upn=f"A85540012310{n}", forename=forename, surname="Test",
                  dob=date(2011, 1, n), nc_year=9)  # fmt: skip
    s.add(pupil)
    s.flush()
    return pupil.id or 0


def _provider(s: Session, name: str) -> int:
    provider = Provider(name=name, setting_type=SettingType.PRU, ofsted_urn="100001")
    s.add(provider)
    s.flush()
    return provider.id or 0


def _placement(s: Session, **fields: Any) -> int:
    placement = Placement(**fields)
    s.add(placement)
    s.flush()
    return placement.id or 0


@pytest.fixture
def worklist(store: Store) -> dict[str, int]:
    """Two overdue reviews, one due soon, a notice to parents missing, two providers in use
    with no QA, and packs waiting for the LA (none delivered: it has no LA connection)."""
    active, ended = PlacementStatus.ACTIVE, PlacementStatus.ENDED
    with store.session() as s:
        save_school(s, demo_school())
        names = ("Ann", "Ben", "Cal", "Dee", "Eve")
        ann, ben, cal, dee, eve = (_pupil(s, n, name) for n, name in enumerate(names, start=1))
        alpha, beta, gamma = _provider(s, "Alpha"), _provider(s, "Beta"), _provider(s, "Gamma")
        ids = {"ann": ann, "ben": ben, "cal": cal, "dee": dee, "eve": eve,
               "alpha": alpha, "beta": beta, "gamma": gamma}  # fmt: skip
        ids["p1"] = _placement(s, pupil_id=ann, provider_id=alpha, status=active,
                               referred_on=date.today() - timedelta(days=120),
                               started_on=date.today() - timedelta(days=100),
                               learning_outcomes="Maths and English.")  # fmt: skip
        ids["p2"] = _placement(s, pupil_id=ben, provider_id=beta, status=active,
                               referred_on=date.today() - timedelta(days=40),
                               started_on=date.today() - timedelta(days=30),
                               review_date=date.today() + timedelta(days=5))  # fmt: skip
        ids["p3"] = _placement(s, pupil_id=cal, provider_id=alpha, status=active,
                               referred_on=date.today() - timedelta(days=70),
                               started_on=date.today() - timedelta(days=60),
                               off_site_direction=True)  # fmt: skip
        ids["p4"] = _placement(s, pupil_id=dee, provider_id=gamma, status=ended,
                               referred_on=date.today() - timedelta(days=200),
                               started_on=date.today() - timedelta(days=180),
                               ended_on=date.today() - timedelta(days=20),
                               learning_outcomes="Return to school.")  # fmt: skip
        ids["p5"] = _placement(s, pupil_id=eve, provider_id=beta)  # a draft
        populate_outbox(s, date.today())
    return ids


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, worklist: dict[str, int]) -> MainWindow:
    made = MainWindow(ctx)  # every registered page, as a user gets them
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    made.sidebar.setCurrentRow(0)
    return made


def _home(window: MainWindow) -> HomePage:
    home = window.pages["home"]
    assert isinstance(home, HomePage)
    return home


def _click_work(qtbot: QtBot, window: MainWindow, key: str) -> None:
    window.sidebar.setCurrentRow(0)
    rows = {row.item.key: row for row in _home(window).today.rows}
    assert key in rows, f"no '{key}' in today's work: {sorted(rows)}"
    qtbot.mouseClick(rows[key], Qt.MouseButton.LeftButton)


def _shown(model: QAbstractItemModel, get: Callable[[Any], Any] = lambda row: row.id) -> list[Any]:
    return [get(model.index(r, 0).data(ROW_ROLE)) for r in range(model.rowCount())]


def _banner(page: QWidget) -> FilterBanner:
    banner = page.banner  # type: ignore[attr-defined]
    assert isinstance(banner, FilterBanner)
    return banner


def _show_all(qtbot: QtBot, page: QWidget) -> None:
    """From the keyboard: the button takes focus and Space presses it."""
    banner = _banner(page)
    assert not banner.isHidden()
    assert banner.button.accessibleName().startswith("Show all")
    assert banner.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    banner.button.setFocus()
    qtbot.keyClick(banner.button, Qt.Key.Key_Space)
    assert banner.isHidden()


def test_a_notice_to_parents_opens_its_placement_and_a_status_narrows_too(
    qtbot: QtBot, window: MainWindow, worklist: dict[str, int]
) -> None:
    _click_work(qtbot, window, "notices")
    assert window.current_key() == "placements"
    page = window.pages["placements"]
    assert _shown(page.table.model()) == [worklist["p3"]]  # type: ignore[attr-defined]
    assert _banner(page).label.text() == "Showing 1 placement from the home page —"
    _show_all(qtbot, page)
    every = {worklist[f"p{n}"] for n in range(1, 6)}
    assert set(_shown(page.table.model())) == every  # type: ignore[attr-defined]

    window.open_page("placements", {"status": PlacementStatus.ACTIVE.value})
    active = {worklist["p1"], worklist["p2"], worklist["p3"]}
    assert set(_shown(page.table.model())) == active  # type: ignore[attr-defined]
    assert page.status.currentData() == PlacementStatus.ACTIVE.value  # type: ignore[attr-defined]
    _banner(page).clear()
    assert page.status.currentData() == ""  # type: ignore[attr-defined]
    assert set(_shown(page.table.model())) == every  # type: ignore[attr-defined]


def test_overdue_and_due_reviews_open_exactly_those(
    qtbot: QtBot, window: MainWindow, worklist: dict[str, int]
) -> None:
    page = window.pages["reviews"]
    reviews = page.table  # type: ignore[attr-defined]

    def shown() -> list[tuple[int, bool]]:
        model = reviews.model()
        rows = [reviews.rows_model.row_at(model.mapToSource(model.index(r, 0)).row())
                for r in range(model.rowCount())]  # fmt: skip
        return sorted((row.placement_id, row.overdue) for row in rows)

    _click_work(qtbot, window, "reviews_overdue")
    assert window.current_key() == "reviews"
    assert shown() == [(worklist["p1"], True), (worklist["p3"], True)]
    assert "2 overdue reviews" in _banner(page).label.text()
    _click_work(qtbot, window, "reviews_due")
    assert shown() == [(worklist["p2"], False)]
    assert "1 review due soon" in _banner(page).label.text()
    _show_all(qtbot, page)
    assert {pid for pid, _o in shown()} == {worklist["p1"], worklist["p2"], worklist["p3"]}


def test_missing_qa_opens_the_providers_and_packs_waiting_the_outbox(
    qtbot: QtBot, window: MainWindow, worklist: dict[str, int], store: Store
) -> None:
    rows = {row.item.key: row for row in _home(window).today.rows}
    said = "Today:  2 providers in use with failed or missing QA or approval suspended"
    assert rows["qa_failed"].text().startswith(said)  # a warning naming them, not "Soon"
    assert "Alpha" in rows["qa_failed"].text() and "qa_overdue" not in rows
    _click_work(qtbot, window, "qa_failed")
    assert window.current_key() == "providers"
    page = window.pages["providers"]
    in_use = [worklist["alpha"], worklist["beta"]]
    assert sorted(_shown(page.table.model())) == in_use  # type: ignore[attr-defined]
    banner = "Showing 2 providers with failed or missing QA or approval suspended"
    assert banner in _banner(page).label.text()
    _show_all(qtbot, page)
    shown = set(_shown(page.table.model()))  # type: ignore[attr-defined]
    assert {worklist["alpha"], worklist["beta"], worklist["gamma"]} <= shown

    with store.session() as s:
        rows = list_outbox(s)
    waiting = {r.pack_id for r in rows if r.status != OutboxStatus.DELIVERED.value}
    assert len(waiting) == 4 and len(rows) == 4
    _click_work(qtbot, window, "outbox")
    assert window.current_key() == "outbox"
    page = window.pages["outbox"]
    pack_id: Callable[[Any], Any] = lambda row: row.pack_id  # noqa: E731
    assert set(_shown(page.table.model(), pack_id)) == waiting  # type: ignore[attr-defined]
    assert "4 packs waiting to send" in _banner(page).label.text()
    _show_all(qtbot, page)
    assert len(_shown(page.table.model(), pack_id)) == 4  # type: ignore[attr-defined]


def test_a_measure_opens_its_placements_and_pupils_narrow_by_id(
    qtbot: QtBot, window: MainWindow, worklist: dict[str, int]
) -> None:
    home = _home(window)
    tile = home.tiles.tiles["learning_outcomes"]
    behind = set(tile.measure.placement_ids)
    assert worklist["p1"] in behind
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    dialog = home.behind_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "placements"
    page = window.pages["placements"]
    assert set(_shown(page.table.model())) == behind  # type: ignore[attr-defined]
    assert f"Showing {len(behind)} placement" in _banner(page).label.text()

    page = window.pages["pupils"]
    page.search.setText("zzz")  # type: ignore[attr-defined]  # a search left from before
    window.open_page("pupils", {"pupil_ids": [worklist["ann"], worklist["cal"]]})
    assert window.current_key() == "pupils"
    model = page.table.model()  # type: ignore[attr-defined]
    ids = {model.index(r, 0).data(PUPIL_ID_ROLE) for r in range(model.rowCount())}
    assert ids == {worklist["ann"], worklist["cal"]}
    assert page.search.text() == ""  # type: ignore[attr-defined]
    assert "Showing 2 pupils" in _banner(page).label.text()
    _show_all(qtbot, page)
    assert model.rowCount() == 5
