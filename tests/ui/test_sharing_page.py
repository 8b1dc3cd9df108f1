"""The Sharing page, the conflict dialog, the enrolment code and the record banner, driven as a
person would, on real stores that share through a real hub on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from tests.helpers.hub_harness import Hub, run_hub
from tests.helpers.laptops import Laptop, everyone_syncs, school, set_field

from apdesk.models.kinds import Kind
from apdesk.store import Store
from apdesk.ui.core.context import AppContext
from apdesk.ui.core.tasks import InlineTaskRunner
from apdesk.ui.sharing.banner import ConflictBanner
from apdesk.ui.sharing.conflict_dialog import ConflictDialog, marked
from apdesk.ui.sharing.controller import ShareController
from apdesk.ui.sharing.enrol_dialog import EnrolDialog
from apdesk.ui.sharing.page import SharingPage


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with run_hub(str(tmp_path / "hub.db")) as running:
        yield running


@pytest.fixture
def laptops(tmp_path: Path, hub: Hub) -> Iterator[list[Laptop]]:
    found = school(tmp_path / "school", hub.url, ("Office", "SENCO"))
    yield found
    for laptop in found:
        if not laptop.store.is_locked:
            laptop.store.lock()


def in_conflict(laptops: list[Laptop]) -> str:
    office, senco = laptops
    gid = office.pupil_gids()[0]
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "Inhaler in bag")
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "Inhaler in office")
    everyone_syncs(laptops)
    return gid


def office_context(
    laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings
) -> AppContext:
    store: Store = laptops[0].store
    return AppContext(store.folder, tasks, settings, store=store)


def test_a_store_that_does_not_share_is_offered_a_start(qtbot: QtBot, ctx: AppContext) -> None:
    page = SharingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None)
    assert page.stack.currentWidget() is page.start_panel
    assert page.start_panel.hub.accessibleName()


def test_the_page_shows_laptops_waiting_changes_and_conflicts_and_settles_one(
    qtbot: QtBot, laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings
) -> None:
    gid = in_conflict(laptops)
    office = laptops[0]
    office.store.run(set_field, office.local("pupil", office.pupil_gids()[1]), "nc_year", 10)
    ctx = office_context(laptops, tasks, settings)
    page = SharingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and page.data.status.sharing)
    assert page.stack.currentWidget() is page.shared
    assert sorted(row.name for row in page.devices.rows) == ["Office", "SENCO"]
    assert "1 change made here waits to be sent" in page.summary.text()
    [row] = page.conflicts.rows
    assert row.field == "health_needs" and "Oakley" in row.record
    page.conflicts_table.selectRow(0)
    assert page.resolve_button.isEnabled()
    page.resolve_selected()
    dialog = page.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    assert [b.text() for b in dialog.version_buttons] == ["Keep version &1", "Keep version &2"]
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        dialog.version_buttons[0].click()
    qtbot.waitUntil(lambda: page.data is not None and page.data.conflicts == [])
    assert office.text("pupil", gid, "health_needs") == "Inhaler in bag"


def test_the_banner_shows_on_a_record_in_conflict_until_it_is_settled(
    qtbot: QtBot, laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings
) -> None:
    gid = in_conflict(laptops)
    ctx = office_context(laptops, tasks, settings)
    banner = ConflictBanner(ctx, "pupil")
    qtbot.addWidget(banner)
    banner.show()
    banner.set_record(laptops[0].local("pupil", gid))
    assert banner.isVisible() and "Edited on two laptops: Health needs" in banner.text()
    banner.set_record(laptops[0].local("pupil", laptops[0].pupil_gids()[1]))
    assert not banner.isVisible()


def test_an_unsaved_merge_is_not_dropped_without_asking(
    qtbot: QtBot, laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    in_conflict(laptops)
    ctx = office_context(laptops, tasks, settings)
    [row] = laptops[0].conflicts()
    dialog = ConflictDialog(ctx, row)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.merge is not None
    dialog.merge.setPlainText("Inhaler: one in the bag, one in the office")
    asked: list[str] = []

    def cancel(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.reject()
    assert asked and dialog.isVisible()
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        dialog.save_merge()
    assert laptops[0].conflicts() == []


def test_the_differences_are_marked_in_each_version() -> None:
    html = marked("Inhaler in bag", "Inhaler in office")
    assert "Inhaler" in html and "underline" in html and ">bag<" in html
    assert "office" not in html


def test_the_enrolment_code_is_shown_large_with_a_qr_code(qtbot: QtBot) -> None:
    dialog = EnrolDialog(
        "ABCDEF-GHJKMN-PQRSTV-WXYZ01", "https://hub.example", "2026-12-07T09:00:00+00:00"
    )
    qtbot.addWidget(dialog)
    assert dialog.code_label.text() == "ABCDEF-GHJKMN-PQRSTV-WXYZ01"
    assert dialog.code_label.font().pointSizeF() >= 20
    assert not dialog.qr.pixmap().isNull()
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "ABCDEF-GHJKMN-PQRSTV-WXYZ01"


def test_a_sync_in_the_background_tells_the_pages_what_it_merged(
    qtbot: QtBot, laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings
) -> None:
    _office, senco = laptops
    senco.store.run(set_field, senco.local("pupil", senco.pupil_gids()[0]), "nc_year", 11)
    assert senco.sync().state == "in-step"
    ctx = office_context(laptops, tasks, settings)
    controller = ShareController.for_context(ctx)
    seen: list[object] = []
    ctx.changed.connect(lambda changes, _source: seen.append(changes))
    qtbot.waitUntil(lambda: controller.sharing, timeout=5000)  # and its first round starts
    qtbot.waitUntil(lambda: controller.state.state == "in-step", timeout=20000)
    assert any(Kind.PUPIL in changes.kinds() for changes in seen)  # type: ignore[attr-defined]
    assert controller.state.text == "Shared: in step"
    controller.shutdown()


def test_a_session_with_two_codes_shows_both_and_which_is_current(
    qtbot: QtBot, laptops: list[Laptop], tasks: InlineTaskRunner, settings: QSettings
) -> None:
    from tests.helpers.laptops import MONDAY, mark

    office, senco = laptops
    gid = office.pupil_gids()[0]
    office.store.run(mark, office.local("pupil", gid), MONDAY, "AM", "/")
    senco.store.run(mark, senco.local("pupil", gid), MONDAY, "AM", "N")
    everyone_syncs(laptops)
    ctx = office_context(laptops, tasks, settings)
    [row] = office.conflicts()
    dialog = ConflictDialog(ctx, row)
    qtbot.addWidget(dialog)
    facts = dict(dialog._facts())
    assert facts["Session"] == "Monday 8 September 2025, morning"
    assert facts["Mark 1"].startswith("/ recorded on Office")
    assert facts["Mark 2"].startswith("N recorded on SENCO") and facts["Mark 2"].endswith(
        "(current)"
    )
    with qtbot.waitSignal(ctx.changed, timeout=5000):
        dialog.version_buttons[0].click()  # Checked
    assert office.conflicts() == []
