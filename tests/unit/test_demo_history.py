"""The demo school's audit log reads as a school's history: its staff, on the days it happened,
in order, and still a whole chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from apdesk.models import AuditEvent, Placement
from apdesk.services import demo
from apdesk.store import KdfParams, Store
from apdesk.store.audit import verify_chain

TODAY = date(2025, 3, 3)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder: Path = tmp_path_factory.mktemp("demo-history") / "store"
    made, _recovery = Store.create(folder, "demo history passphrase", use_keyring=False,
                                   kdf=KdfParams.fast())  # fmt: skip
    demo.populate(made, pupils=30, seed=7, today=TODAY)
    yield made
    made.lock()


def _events(store: Store) -> list[AuditEvent]:
    with store.session() as s:
        return list(s.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all())


def test_the_log_names_the_schools_staff_not_who_built_it(store: Store) -> None:
    actors = {event.actor for event in _events(store)}
    assert len(actors) > 1 and store.actor not in actors
    assert "R. Ellery (SENCO)" in actors and "Attendance office" in actors


def test_the_log_spans_the_weeks_in_order_and_none_after_the_demos_day(store: Store) -> None:
    moments = [event.at for event in _events(store)]
    assert moments == sorted(moments)
    assert moments[-1] - moments[0] > timedelta(days=28)
    assert moments[-1].date() <= TODAY
    with store.session() as s:
        assert verify_chain(s).ok


def test_a_placement_is_added_on_the_day_it_was_referred(store: Store) -> None:
    with store.session() as s:
        referred = {
            str(p.id): p.referred_on for p in s.exec(select(Placement)).all() if p.referred_on
        }
    added = {
        e.entity_id: e.at.date()
        for e in _events(store)
        if e.entity == "placement" and e.action == "create"
    }
    assert referred and all(added[pid] == day for pid, day in referred.items())
    receipt = [e for e in _events(store) if "demo register" in e.after]
    assert [e.actor for e in receipt] == ["Attendance office"]
    assert json.loads(receipt[0].after)["key"] == "attendance.last_import"


def test_a_change_after_the_build_is_the_users_own_and_the_chain_holds(store: Store) -> None:
    with store.session() as s:
        placement = s.exec(select(Placement)).first()
        assert placement is not None
        placement.hours_per_week = 12.5
    last = _events(store)[-1]
    assert last.actor == store.actor and last.at.date() > TODAY
    with store.session() as s:
        assert verify_chain(s).ok
