"""The demo outbox: real signed packs waiting for the LA connection a new school has not set."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from apdesk.models import OutboxItem, Placement
from apdesk.models.enums import OutboxStatus, PackKind, PlacementStatus
from apdesk.services import demo
from apdesk.services.demo.outbox import END_PACKS, START_PACKS, populate_outbox
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import KdfParams, Store
from apdesk.sync.keys import public_key
from apdesk.sync.outbox import list_outbox
from apdesk.sync.verify import verify_pack

TODAY = date(2025, 3, 3)


def _store(folder: Path) -> Store:
    store, _recovery = Store.create(
        folder, "demo test passphrase", use_keyring=False, kdf=KdfParams.fast()
    )
    return store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    store = _store(tmp_path_factory.mktemp("demo-outbox") / "store")
    made = demo.populate(store, pupils=30, seed=7, today=TODAY)
    yield store, made
    store.lock()


def test_the_demo_queues_start_and_end_packs_and_none_shows_delivered(
    demo_store: tuple[Store, dict[str, int]],
) -> None:
    store, made = demo_store
    assert made["packs queued"] == START_PACKS + END_PACKS
    with store.session() as s:
        rows = list_outbox(s)
    assert Counter(r.kind for r in rows) == {
        PackKind.PLACEMENT_START.value: START_PACKS,
        PackKind.PLACEMENT_END.value: END_PACKS,
    }
    # Only the LA's signed receipt says a pack arrived, and the demo has no LA connection.
    assert Counter(r.status for r in rows) == {OutboxStatus.QUEUED.value: START_PACKS + END_PACKS}
    assert not any(r.receipt or r.delivered_at for r in rows)
    assert len({r.placement_id for r in rows}) == len(rows)  # one pack per placement
    assert all(r.pupil_name for r in rows)


def test_every_pack_verifies_against_the_schools_key(
    demo_store: tuple[Store, dict[str, int]],
) -> None:
    store, _made = demo_store
    with store.session() as s:
        key = public_key(s)
        items = s.exec(select(OutboxItem)).all()
        packs = [(item.id, item.kind, item.pack) for item in items]
    for pack_id, kind, body in packs:
        pack = verify_pack(body, key)
        assert pack.pack_id == pack_id
        assert pack.notification is not None
        assert pack.notification["kind"] == kind.value
        assert pack.notification["school"]["urn"] == demo.demo_school().urn
        has_referral = any(name.endswith(".pdf") for name in pack.members)
        assert has_referral == (kind is PackKind.PLACEMENT_START)


def test_running_again_adds_no_second_pack_for_the_same_placement(tmp_path: Path) -> None:
    store = _store(tmp_path / "again")
    try:
        demo.populate(store, pupils=8, seed=2, today=TODAY)
        with store.session() as s:
            again = populate_outbox(s, TODAY)
            items = s.exec(select(OutboxItem)).all()
            per_placement = Counter((i.placement_id, i.kind) for i in items)
    finally:
        store.lock()
    assert again == 0
    assert max(per_placement.values()) == 1


def test_no_placements_or_no_school_identifiers_no_packs(tmp_path: Path) -> None:
    store = _store(tmp_path / "empty")
    try:
        with store.session() as s:
            save_school(s, demo.demo_school())
        with store.session() as s:
            assert populate_outbox(s, TODAY) == 0  # no placements yet
        demo.populate(store, pupils=8, seed=2, today=TODAY)
        with store.session() as s:
            for item in s.exec(select(OutboxItem)).all():
                s.delete(item)
            save_school(s, SchoolDetails(name="No URN yet"))
        with store.session() as s:
            made = populate_outbox(s, TODAY)  # a pack must name the school's URN
            rows = list_outbox(s)
    finally:
        store.lock()
    assert made == 0 and rows == []


def test_the_outbox_adds_little_time_to_the_demo(tmp_path: Path) -> None:
    store = _store(tmp_path / "timed")
    try:
        demo.populate(store, pupils=8, seed=2, today=TODAY)
        with store.session() as s:
            for item in s.exec(select(OutboxItem)).all():
                s.delete(item)
        with store.session() as s:
            began = time.perf_counter()
            populate_outbox(s, TODAY)
            took = time.perf_counter() - began
    finally:
        store.lock()
    assert took < 1.5


def test_no_start_pack_for_a_placement_only_referred(
    demo_store: tuple[Store, dict[str, int]],
) -> None:
    store, _made = demo_store
    with store.session() as s:
        started = s.exec(
            select(Placement.status)
            .join(OutboxItem, col(OutboxItem.placement_id) == Placement.id)
            .where(OutboxItem.kind == PackKind.PLACEMENT_START)
        ).all()
    assert started and PlacementStatus.REFERRED not in started
