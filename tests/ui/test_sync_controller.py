"""Sending in the background: its own thread, real HTTP to the inbox on 127.0.0.1, and a
state a person can read: up to date, offline with packs waiting, or what to fix."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from tests.helpers.outbox import (
    WAIT_MS,
    closed_port_url,
    connect,
    queue_start,
    school_inbox,
    school_with_placement,
)

from apdesk.models.enums import OutboxStatus
from apdesk.store import Store
from apdesk.sync import outbox
from apdesk.sync.inbox.db import list_packs
from apdesk.sync.sender import DrainReport
from apdesk.ui.core.context import AppContext
from apdesk.ui.outbox.sync_controller import SyncController
from apdesk.ui.outbox.sync_state import (
    ATTENTION,
    NOT_SET_UP,
    OFFLINE,
    UP_TO_DATE,
    WAITING,
    OutboxSummary,
    describe,
)


def statuses(store: Store) -> list[str]:
    with store.session() as session:
        return [row.status for row in outbox.list_outbox(session)]


def test_wording_of_each_state() -> None:
    up = describe(OutboxSummary(endpoint_set=True))
    assert (up.kind, up.text) == (UP_TO_DATE, "Up to date")
    offline = describe(OutboxSummary(2, 2, 0, True), DrainReport(unreachable="refused"))
    assert (offline.kind, offline.text, offline.detail) == (
        OFFLINE,
        "Offline — 2 packs waiting",
        "refused",
    )
    hint = describe(OutboxSummary(1, 1, 0, True), offline_hint=True)
    assert hint.text == "Offline — 1 pack waiting"
    attention = describe(OutboxSummary(0, 0, 1, True))
    assert (attention.kind, attention.text) == (ATTENTION, "Needs attention (1)")
    unset = describe(OutboxSummary(1, 1, 0, False))
    assert unset.kind == NOT_SET_UP and "Settings" in unset.detail
    assert describe(OutboxSummary(1, 0, 0, True), DrainReport()).kind == WAITING


def test_send_now_delivers_over_loopback_on_its_own_thread(
    qtbot: QtBot, store: Store, ctx: AppContext, sync: SyncController, tmp_path: Path
) -> None:
    placement_id = school_with_placement(store)
    pack_id = queue_start(store, placement_id)
    with school_inbox(store, tmp_path / "inbox.db") as inbox:
        connect(store, inbox.url)
        seen: list[str] = []
        sync.state_changed.connect(lambda state: seen.append(state.kind))
        sync.send_now()
        qtbot.waitUntil(lambda: sync.state.kind == UP_TO_DATE, timeout=WAIT_MS)
        assert "sending" in seen
        received = {p["kind"]: p["pack_id"] for p in list_packs(inbox.engine)}
    assert received.pop("placement-start") == pack_id
    assert list(received) == ["audit-checkpoint"]  # the day's signed audit head went too
    assert statuses(store) == [OutboxStatus.DELIVERED.value] * 2


def test_a_closed_port_leaves_packs_queued_and_says_offline(
    qtbot: QtBot, store: Store, sync: SyncController
) -> None:
    placement_id = school_with_placement(store)
    queue_start(store, placement_id)
    connect(store, closed_port_url())
    sync.send_now()
    qtbot.waitUntil(lambda: sync.state.kind == OFFLINE, timeout=WAIT_MS)
    assert sync.state.text == "Offline — 1 pack waiting"
    assert "did not answer at http" in sync.state.detail
    assert statuses(store) == [OutboxStatus.QUEUED.value]


def test_no_endpoint_says_what_to_set(qtbot: QtBot, store: Store, sync: SyncController) -> None:
    queue_start(store, school_with_placement(store))
    sync.send_now()
    qtbot.waitUntil(lambda: sync.state.kind == NOT_SET_UP, timeout=WAIT_MS)
    assert sync.state.text == "LA connection not set — 1 pack waiting"


def test_locking_stops_the_schedule_and_the_thread(
    qtbot: QtBot, store: Store, ctx: AppContext, sync: SyncController
) -> None:
    queue_start(store, school_with_placement(store))
    connect(store, closed_port_url())
    assert sync.active
    sync.send_now()
    ctx.lock()
    assert not sync.active and sync.state.text == ""
    assert sync.shutdown(WAIT_MS)  # the round in flight ended; no thread is left running
    sync.request()  # nothing starts while locked
    assert not sync.running


def test_one_controller_per_context(ctx: AppContext, sync: SyncController) -> None:
    assert SyncController.for_context(ctx) is sync
