"""Placement operations queue the LA's pack in the same transaction, or change nothing; ending
also stores a return's follow-ups and its destination, whoever asks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from tests.helpers.placements import MONDAY, add_provider, add_pupil, good_input

from apdesk.models import FollowUp, OutboxItem, Placement
from apdesk.models.enums import PackKind, PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.services import placement_actions as actions
from apdesk.services.operations import placements as ops
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

TODAY = MONDAY - timedelta(days=14)
SCHOOL = SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001")


def _kinds(store: Store) -> list[PackKind]:
    with store.session() as session:
        return [item.kind for item in session.exec(select(OutboxItem)).all()]


def _draft(store: Store, with_school: bool = True) -> int:
    with store.session() as session:
        if with_school:
            save_school(session, SCHOOL)
        pupil, provider = add_pupil(session), add_provider(session)
        data = good_input(pupil.id or 0, provider.id or 0)
    return store.run(ops.save_placement, None, data, TODAY).value.id


def _follow_ups(store: Store, placement_id: int) -> list[tuple[int, object]]:
    with store.session() as session:
        rows = session.exec(select(FollowUp).where(FollowUp.placement_id == placement_id)).all()
        return sorted((f.weeks, f.due_on) for f in rows)


def test_draft_queues_nothing_and_refer_queues_the_start_pack(store: Store) -> None:
    placement_id = _draft(store)
    assert _kinds(store) == []
    referred = store.run(ops.refer_placement, placement_id, TODAY, TODAY)
    assert referred.value.status == PlacementStatus.REFERRED
    assert referred.changes.updated[Kind.PLACEMENT] == {placement_id}
    assert referred.changes.created.keys() >= {Kind.OUTBOX}
    assert _kinds(store) == [PackKind.PLACEMENT_START]
    store.run(ops.start_placement, placement_id, MONDAY, TODAY)
    assert _kinds(store) == [PackKind.PLACEMENT_START]  # the start was already told


def test_changing_a_live_placement_and_ending_it_queue_change_and_end(store: Store) -> None:
    placement_id = _draft(store)
    store.run(ops.refer_placement, placement_id, TODAY, TODAY)
    store.run(ops.start_placement, placement_id, MONDAY, TODAY)
    with_hours = good_input(0, 0)
    with store.session() as session:
        stored = session.get(Placement, placement_id)
        assert stored is not None
        with_hours.pupil_id, with_hours.provider_id = stored.pupil_id, stored.provider_id
    with_hours.hours_per_week = 22.5
    store.run(ops.save_placement, placement_id, with_hours, TODAY)
    ended_on = MONDAY + timedelta(weeks=8)
    outcome = store.run(
        ops.end_placement, placement_id, "returned", ended_on, " Hillside Academy ", "", MONDAY
    )
    ended = outcome.value
    assert (ended.status, ended.outcome, ended.destination) == (
        PlacementStatus.ENDED,
        PlacementOutcome.RETURNED,
        "Hillside Academy",
    )
    assert [(f.weeks, f.due_on) for f in ended.follow_ups] == [
        (6, ended_on + timedelta(weeks=6)),
        (12, ended_on + timedelta(weeks=12)),
    ]
    assert _follow_ups(store, placement_id) == [(f.weeks, f.due_on) for f in ended.follow_ups]
    assert len(outcome.changes.created[Kind.FOLLOW_UP]) == 2
    assert outcome.changes.created[Kind.OUTBOX] == {ended.pack_id}
    assert sorted(_kinds(store)) == sorted(
        [PackKind.PLACEMENT_START, PackKind.PLACEMENT_CHANGE, PackKind.PLACEMENT_END]
    )


def test_an_end_that_is_not_a_return_makes_no_follow_ups_and_names_the_outcome(
    store: Store,
) -> None:
    placement_id = _draft(store)
    store.run(ops.refer_placement, placement_id, TODAY, TODAY)
    store.run(ops.start_placement, placement_id, MONDAY, TODAY)
    ended = store.run(
        ops.end_placement, placement_id, "specialist", MONDAY + timedelta(weeks=4), "", "", MONDAY
    ).value
    assert ended.follow_ups == () and _follow_ups(store, placement_id) == []
    assert ended.destination == PlacementOutcome.SPECIALIST.label  # no destination typed


def test_missing_school_urn_refuses_the_referral_and_changes_nothing(store: Store) -> None:
    placement_id = _draft(store, with_school=False)
    with pytest.raises(ValidationError) as caught:
        store.run(ops.refer_placement, placement_id, TODAY, TODAY)
    assert caught.value.field.startswith("School")
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None and placement.status == PlacementStatus.DRAFT
    assert _kinds(store) == []


def test_a_failing_end_queues_nothing(store: Store) -> None:
    placement_id = _draft(store)
    store.run(ops.refer_placement, placement_id, TODAY, TODAY)
    store.run(ops.start_placement, placement_id, MONDAY, TODAY)
    with pytest.raises(ValidationError, match="Outcome"):
        store.run(ops.end_placement, placement_id, None, MONDAY, "", "", MONDAY)
    with pytest.raises(ValidationError, match="End"):  # before the start: nothing half-done
        store.run(
            ops.end_placement, placement_id, "returned", MONDAY - timedelta(days=1), "", "", MONDAY
        )
    assert _kinds(store) == [PackKind.PLACEMENT_START]
    assert _follow_ups(store, placement_id) == []


def test_provider_choices_say_which_need_a_reason(store: Store) -> None:
    with store.session() as session:
        add_provider(session, "Checked Farm")
        add_provider(session, "Unchecked Gym", qa=False)
        choices = actions.provider_choices(session, MONDAY)
    assert [(c.name, c.needs_reason) for c in choices] == [
        ("Checked Farm", False),
        ("Unchecked Gym", True),
    ]
    assert "missing" in choices[1].qa_summary


def test_the_placement_rules_change_as_one_operation_that_names_the_settings(store: Store) -> None:
    from apdesk.services.ap_guide import guide_settings

    outcome = store.run(ops.set_placement_rules, 4, 20)
    assert (outcome.value.review_weeks, outcome.value.max_weeks) == (4, 20)
    assert outcome.changes.touches([Kind.SETTING])
    assert store.read(guide_settings).review_weeks == 4
    with pytest.raises(ValidationError, match="half-termly"):
        store.run(ops.set_placement_rules, 9, None)
    assert store.read(guide_settings).review_weeks == 4  # refused: nothing changed
