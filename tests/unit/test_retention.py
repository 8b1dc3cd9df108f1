"""Retention: rules with sources, the review queue, and purges that leave nothing behind."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from tests.helpers.privacy import add_child

from apdesk.models import (
    AgencyInvolvement,
    AttendanceMark,
    AuditEvent,
    Contact,
    Placement,
    Plan,
    Pupil,
    VoiceEntry,
)
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services import retention
from apdesk.services.operations.security import purge_records
from apdesk.store import Store
from apdesk.store.audit import verify_chain
from apdesk.store.checks import check_store

TODAY = date(2040, 9, 1)


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_every_rule_names_its_source_and_periods_are_editable(store: Store) -> None:
    with store.session() as s:
        found = {r.key: r for r in retention.rules(s)}
    assert found["attendance"].years == 6 and "2024" in found["attendance"].source
    assert found["pupils"].source == retention.IRMS
    assert all(r.source for r in found.values())
    with store.session() as s:
        retention.set_period(s, "outbox", 2)
    with store.session() as s:
        outbox = {r.key: r for r in retention.rules(s)}["outbox"]
    assert outbox.years == 2 and "school setting" in outbox.source_text()
    assert outbox.source_text() == "school setting (default 1 year, apdesk default)"
    with store.session() as s, pytest.raises(ValidationError) as bad:
        retention.set_period(s, "outbox", 0)
    assert bad.value.field == "years"


def test_review_queue_lists_only_records_past_their_period(store: Store) -> None:
    with store.session() as s:
        gone = add_child(
            s, 1, "Leaver", dob=date(2010, 1, 1), on_roll=False, ended=date(2026, 3, 1)
        )
        kept = add_child(s, 2, "Current")
    with store.session() as s:
        queue = retention.review_queue(s, TODAY)
    pupils = [i for i in queue if i.rule == "pupils"]
    assert [i.entity_id for i in pupils] == [str(gone.id)]
    assert pupils[0].due_since == date(2035, 1, 1)
    assert {i.rule for i in queue} == {"pupils", "placements", "attendance", "attachments"}
    assert str(kept.id) not in {i.entity_id for i in queue if i.rule == "pupils"}
    with store.session() as s:
        assert retention.review_queue(s, date(2026, 9, 1)) == []


def test_purging_a_pupil_removes_everything_about_them(store: Store) -> None:
    with store.session() as s:
        gone = add_child(s, 1, "Zyxwell", dob=date(2010, 1, 1), on_roll=False)
        add_child(s, 2, "Current")
    with store.session() as s:
        due = [i for i in retention.review_queue(s, TODAY) if i.rule == "pupils"]
    audit_before = _count(store, AuditEvent)
    outcome = store.run(purge_records, due)
    retention.vacuum(store)
    counts = outcome.value
    assert outcome.changes.deleted.keys() >= {Kind.PUPIL, Kind.MARK, Kind.PLAN, Kind.CONTACT}
    assert counts["pupil"] == 1 and counts["attendancemark"] == 2 and counts["plan"] == 1
    with store.session() as s:
        assert s.get(Pupil, gone.id) is None
        assert s.execute(select(Pupil.surname)).scalars().all() == ["Current"]
    for model in (Contact, Placement, Plan, VoiceEntry, AgencyInvolvement):
        assert _count(store, model) == 1  # only the other child's
    assert _count(store, AttendanceMark) == 2
    # one summary row, counts only, and the chain still verifies
    assert _count(store, AuditEvent) == audit_before + 1
    with store.session() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()  # type: ignore[union-attr]
        assert last is not None and last.action == "purge"
        assert "Zyxwell" not in last.after and "Zyxwell" not in last.before
        assert verify_chain(s).ok
    assert check_store(store).ok
    # VACUUM rewrote the file: no free pages left holding the purged rows
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA freelist_count").scalar() == 0
    assert (store.folder / "apdesk.db-wal").stat().st_size == 0


def test_purging_marks_keeps_the_placement_and_clears_links(store: Store) -> None:
    with store.session() as s:
        add_child(s, 1, "Marks", mark_day=date(2019, 1, 7))
    with store.session() as s:
        due = [i for i in retention.review_queue(s, date(2026, 1, 8)) if i.rule == "attendance"]
    assert len(due) == 2
    outcome = store.run(purge_records, due)
    assert outcome.value == {"attendancemark": 2}
    assert set(outcome.changes.deleted) == {Kind.MARK}
    assert _count(store, AttendanceMark) == 0 and _count(store, Placement) == 1


def test_audit_events_cannot_be_purged(store: Store) -> None:
    item = retention.DueItem("audit", "auditevent", "1", "Event 1", TODAY)
    with pytest.raises(ValidationError, match="chain"):
        store.run(purge_records, [item])
