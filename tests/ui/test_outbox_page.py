"""The Outbox page against a real store and the real LA inbox on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from tests.helpers.outbox import (
    WAIT_MS,
    closed_port_url,
    connect,
    queue_change,
    queue_start,
    school_inbox,
    school_with_placement,
)
from tests.helpers.sync_harness import Inbox

from apdesk.models.enums import OutboxStatus
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection
from apdesk.sync.verify import verify_pack
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.model import DELIVERED, PROBLEM, STATUS, OutboxModel, StatusFilter
from apdesk.ui.outbox.page import OutboxPage
from apdesk.ui.outbox.sync_controller import GUI_POLICY, SyncController
from apdesk.ui.shell.main_window import MainWindow
from apdesk.ui.shell.pages import PAGES

OUTBOX = [spec for spec in PAGES if spec.key == "outbox"]


@pytest.fixture
def packs(store: Store) -> list[str]:
    """Two packs queued by placement changes: a start, then a change of hours."""
    placement_id = school_with_placement(store)
    return [queue_start(store, placement_id), queue_change(store, placement_id, 12.5)]


@pytest.fixture
def sync(ctx: AppContext) -> Iterator[SyncController]:
    """Without the day's audit checkpoint, which test_sync_controller covers: these tests count
    the placement packs."""
    policy = replace(GUI_POLICY, audit_checkpoints=False)
    controller = SyncController(ctx, watch_network=False, policy=policy)
    yield controller
    assert controller.shutdown(WAIT_MS)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, sync: SyncController, packs: list[str]) -> OutboxPage:
    made = OutboxPage(ctx)
    qtbot.addWidget(made)
    made.resize(1100, 600)
    made.show()
    return made


def column(page: OutboxPage, col: int) -> list[str]:
    return [str(page.proxy.index(r, col).data()) for r in range(page.proxy.rowCount())]


def test_the_page_is_registered() -> None:
    assert [spec.title for spec in OUTBOX] == ["Outbox"]


def test_lists_the_queued_packs(page: OutboxPage, packs: list[str]) -> None:
    assert page.proxy.rowCount() == 2
    assert column(page, STATUS) == ["Queued", "Queued"]
    assert {row.pack_id for row in page.model.rows} == set(packs)
    assert "Ada" in page.proxy.index(0, 1).data()
    assert page.filters.buttons["waiting"].text() == "Waiting (2)"
    assert not page.retry_button.isEnabled()  # nothing chosen yet


def test_send_now_delivers_and_the_status_bar_says_up_to_date(
    qtbot: QtBot, ctx: AppContext, sync: SyncController, packs: list[str], inbox: Inbox
) -> None:
    connect(ctx.store, inbox.url)
    window = MainWindow(ctx, OUTBOX)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["outbox"]
    assert isinstance(page, OutboxPage)
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: column(page, STATUS) == ["Delivered"] * 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.sync_label.text() == "Up to date", timeout=WAIT_MS)
    assert all(text.endswith("· receipt held") for text in column(page, DELIVERED))
    page.table.selectRow(0)
    chosen = page.selected()
    assert chosen is not None and chosen.receipt is not None
    assert f"signed with LA key {inbox.keys.published()['ed25519']['key_id']}" in (
        page.detail.text()
    )
    assert page.state_label.text() == "Up to date"
    assert page.filters.buttons["delivered"].text() == "Delivered (2)"


def test_a_wrong_token_needs_attention_with_the_fix_then_retry_delivers(
    qtbot: QtBot, ctx: AppContext, page: OutboxPage, packs: list[str], inbox: Inbox
) -> None:
    connect(ctx.store, inbox.url, token="not-the-school-token-at-all")
    page.send_now()
    qtbot.waitUntil(lambda: page.state_label.text() == "Needs attention (2)", timeout=WAIT_MS)
    assert column(page, STATUS) == ["Needs attention"] * 2
    assert all(
        "set a new one in File › Settings › LA connection" in t for t in column(page, PROBLEM)
    )
    page.filters.choose("attention")
    assert page.proxy.rowCount() == 2
    page.table.selectRow(0)
    assert "rejected the school's token" in page.detail.text()
    assert page.retry_button.isEnabled()

    ctx.store.run(
        set_la_token, connection.token_account(ctx.store), "school-token-0123456789abcdef"
    )
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    delivered = page.filters.buttons["delivered"]
    qtbot.waitUntil(lambda: delivered.text() == "Delivered (1)", timeout=WAIT_MS)
    assert page.filters.buttons["attention"].text() == "Needs attention (1)"
    qtbot.waitUntil(lambda: page.state_label.text() == "Needs attention (1)", timeout=WAIT_MS)


def test_an_unreachable_endpoint_leaves_packs_queued_and_says_offline(
    qtbot: QtBot, ctx: AppContext, page: OutboxPage
) -> None:
    connect(ctx.store, closed_port_url())
    page.send_now()
    qtbot.waitUntil(lambda: page.state_label.text() == "Offline — 2 packs waiting", timeout=WAIT_MS)
    assert column(page, STATUS) == ["Queued", "Queued"]

    def says_why() -> None:  # the rows are read again a moment after the state is shown
        problems = column(page, PROBLEM)
        assert problems and all("could not be reached" in text for text in problems), problems

    qtbot.waitUntil(says_why, timeout=WAIT_MS)
    assert not any("Error)" in text for text in column(page, PROBLEM))


def test_save_pack_to_file(
    page: OutboxPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "pack.appack"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.table.selectRow(0)
    chosen = page.selected()
    assert chosen is not None
    page.save_button.click()
    assert verify_pack(target.read_bytes()).pack_id == chosen.pack_id
    assert str(target) in page.detail.text()


def test_save_to_a_folder_that_is_not_there_says_so(
    page: OutboxPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "gone" / "pack.appack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    page.table.selectRow(0)
    page.save_button.click()
    assert "could not be saved" in page.error.text()


def test_open_contents_shows_members_notification_and_manifest(page: OutboxPage) -> None:
    page.table.selectRow(0)
    chosen = page.selected()
    assert chosen is not None
    page.open_button.click()
    dialog = page.contents_dialog
    assert dialog is not None and dialog.isVisible()
    cells = [
        [dialog.members.model().index(r, c).data() for c in range(3)]
        for r in range(dialog.members.rowCount())
    ]
    assert "notification.json" in [name for name, _size, _sha in cells]
    assert all(len(sha) == 64 for _name, _size, sha in cells)  # the SHA-256 in hex
    assert isinstance(dialog.notification, QPlainTextEdit)
    assert dialog.notification.isReadOnly()
    assert f'"pack_id": "{chosen.pack_id}"' in dialog.notification.toPlainText()
    assert '"members"' in dialog.manifest.toPlainText()
    dialog.close()


def test_an_encrypted_pack_says_only_the_la_can_open_it(
    qtbot: QtBot, ctx: AppContext, sync: SyncController, tmp_path: Path
) -> None:
    placement_id = school_with_placement(ctx.store)
    with school_inbox(ctx.store, tmp_path / "inbox.db") as inbox, ctx.store.session() as session:
        connection.set_la_public_keys(session, inbox.keys.pem_bundle())
    queue_start(ctx.store, placement_id)
    page = OutboxPage(ctx)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.open_selected()
    dialog = page.contents_dialog
    assert dialog is not None
    assert isinstance(dialog.notification, QLabel)
    assert "only the LA can open them" in dialog.notification.text()
    dialog.close()


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, page: OutboxPage, packs: list[str]
) -> None:
    model = OutboxModel()
    model.set_rows(page.model.rows)
    qtmodeltester.check(model)
    proxy = StatusFilter()
    proxy.setSourceModel(model)
    proxy.set_statuses(frozenset({OutboxStatus.QUEUED.value}))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    proxy.set_statuses(frozenset({OutboxStatus.DELIVERED.value}))
    assert proxy.rowCount() == 0
