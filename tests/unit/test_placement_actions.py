"""Placement writes from the GUI queue the LA's pack in the same transaction, or change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from tests.helpers.placements import MONDAY, add_provider, add_pupil, good_input

from apdesk.models import OutboxItem, Placement
from apdesk.models.enums import PackKind, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services import placement_actions as actions
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
        result = actions.save_placement(
            session, None, good_input(pupil.id or 0, provider.id or 0), TODAY
        )
        return result.id


def test_draft_queues_nothing_and_refer_queues_the_start_pack(store: Store) -> None:
    placement_id = _draft(store)
    assert _kinds(store) == []
    with store.session() as session:
        result = actions.refer(session, placement_id, TODAY, TODAY)
    assert result.status == PlacementStatus.REFERRED
    assert _kinds(store) == [PackKind.PLACEMENT_START]
    with store.session() as session:
        actions.start(session, placement_id, MONDAY, TODAY)
    assert _kinds(store) == [PackKind.PLACEMENT_START]  # the start was already told


def test_changing_a_live_placement_and_ending_it_queue_change_and_end(store: Store) -> None:
    placement_id = _draft(store)
    with store.session() as session:
        actions.refer(session, placement_id, TODAY, TODAY)
        actions.start(session, placement_id, MONDAY, TODAY)
        with_hours = good_input(0, 0)
        stored = session.get(Placement, placement_id)
        assert stored is not None
        with_hours.pupil_id, with_hours.provider_id = stored.pupil_id, stored.provider_id
        with_hours.hours_per_week = 22.5
        actions.save_placement(session, placement_id, with_hours, TODAY)
    with store.session() as session:
        actions.end(session, placement_id, "returned", MONDAY + timedelta(weeks=8), today=MONDAY)
    assert sorted(_kinds(store)) == sorted(
        [PackKind.PLACEMENT_START, PackKind.PLACEMENT_CHANGE, PackKind.PLACEMENT_END]
    )


def test_missing_school_urn_refuses_the_referral_and_changes_nothing(store: Store) -> None:
    placement_id = _draft(store, with_school=False)
    with pytest.raises(ValidationError) as caught, store.session() as session:
        actions.refer(session, placement_id, TODAY, TODAY)
    assert caught.value.field.startswith("School")
    with store.session() as session:
        placement = session.get(Placement, placement_id)
        assert placement is not None and placement.status == PlacementStatus.DRAFT
    assert _kinds(store) == []


def test_a_failing_end_queues_nothing(store: Store) -> None:
    placement_id = _draft(store)
    with store.session() as session:
        actions.refer(session, placement_id, TODAY, TODAY)
        actions.start(session, placement_id, MONDAY, TODAY)
    with pytest.raises(ValidationError, match="Outcome"), store.session() as session:
        actions.end(session, placement_id, None, MONDAY, today=MONDAY)
    assert _kinds(store) == [PackKind.PLACEMENT_START]


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
