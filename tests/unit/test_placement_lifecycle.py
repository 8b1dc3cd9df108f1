"""Placements: drafts, edits, the QA reason, every status move (legal or not) and the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select
from tests.helpers.placements import MONDAY, add_provider, add_pupil, good_input

from apdesk.models import AgencyInvolvement, Closure, Placement, Pupil
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_direction import direction_school_days
from apdesk.services.placement_lifecycle import (
    TRANSITIONS,
    delete_draft,
    end_placement,
    list_placements,
    move_placement,
    note_virtual_school_told,
    refer_placement,
    start_placement,
    withdraw_referral,
)
from apdesk.services.placements import (
    PlacementInput,
    create_placement,
    placement_input,
    preview_warnings,
    update_placement,
)
from apdesk.store import Store

TODAY = MONDAY - timedelta(days=14)
DRAFT, REFERRED = PlacementStatus.DRAFT, PlacementStatus.REFERRED
ACTIVE, ENDED = PlacementStatus.ACTIVE, PlacementStatus.ENDED


def _setup(session: Session) -> tuple[int, int]:
    pupil = add_pupil(session)
    provider = add_provider(session)
    return pupil.id or 0, provider.id or 0


def _to(session: Session, placement_id: int, status: PlacementStatus) -> None:
    """Walk a new draft to `status` the legal way."""
    steps = [REFERRED, ACTIVE, ENDED]
    for step in steps[: steps.index(status) + 1] if status != DRAFT else []:
        move_placement(session, placement_id, step, MONDAY, TODAY, outcome="returned")


def test_create_draft_returns_what_changed_and_its_warnings(store: Store) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        result = create_placement(session, good_input(pupil_id, provider_id), TODAY)
        assert result.changed.created and result.status == DRAFT
        assert result.warnings == []
        assert placement_input(session, result.id) == good_input(pupil_id, provider_id)
        twelve = good_input(pupil_id, provider_id).model_copy(
            update=dict(
                hours_per_week=12.0,
                sessions=["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM"],
            )
        )
        again = update_placement(session, result.id, twelve, TODAY)
    assert set(again.changed.fields) == {"hours_per_week", "sessions"}
    assert [w.code for w in again.warnings] == ["full_time_hours"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"category": "sport"}, "Category"),
        ({"reasons": ["boredom"]}, "Reasons"),
        ({"commissioner": "parent"}, "Commissioner"),
        ({"attendance_at_referral": 85.0}, "Attendance at referral"),
        ({"hours_per_week": -1.0}, "Hours per week"),
        ({"hours_per_week": 41.0}, "Hours per week"),
        ({"sessions": ["SAT_AM"]}, "Sessions"),
        ({"transport_cost_pence": -100}, "Transport cost"),
        ({"direction_days": -2}, "Number of days"),
        ({"pupil_id": 999}, "Pupil"),
        ({"provider_id": 999}, "Provider"),
    ],
)
def test_bad_input_changes_nothing(store: Store, changes: dict[str, object], field: str) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
    data = good_input(pupil_id, provider_id).model_copy(update=changes)
    with pytest.raises(ValidationError) as caught, store.session() as session:
        create_placement(session, data, TODAY)
    assert caught.value.field == field and caught.value.fix
    with store.session() as session:
        assert list_placements(session, TODAY) == []


def test_provider_without_current_qa_needs_a_reason(store: Store) -> None:
    with store.session() as session:
        pupil_id, good_provider = _setup(session)
        unchecked = add_provider(session, "Anvil Forge", qa=False).id or 0
        data = good_input(pupil_id, unchecked)
        with pytest.raises(ValidationError) as caught:
            create_placement(session, data, TODAY)
        assert caught.value.field == "Reason for using this provider"
        assert "Anvil Forge" in caught.value.message and "missing" in caught.value.message
        reason = "Only provider with a vocational place this term; audit booked for 10 March."
        result = create_placement(
            session, data.model_copy(update=dict(qa_override_reason=reason)), TODAY
        )
        assert [w.code for w in result.warnings] == ["provider_qa"]
        assert reason in result.warnings[0].message
        # moving a placement to that provider also asks for the reason
        other = create_placement(session, good_input(pupil_id, good_provider), TODAY).id
        with pytest.raises(ValidationError):
            update_placement(session, other, data, TODAY)
        # clearing the reason later is refused too
        with pytest.raises(ValidationError):
            update_placement(session, result.id, data, TODAY)
        stored = session.get(Placement, result.id)
        assert stored is not None and stored.qa_override_reason == reason


LEGAL = set(TRANSITIONS)
ALL_PAIRS = [(a, b) for a in PlacementStatus for b in PlacementStatus]


def test_every_transition_legal_or_refused_with_a_fix(store: Store) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
    for start, target in ALL_PAIRS:
        with store.session() as session:
            placement_id = create_placement(session, good_input(pupil_id, provider_id), TODAY).id
            _to(session, placement_id, start)
        legal = (start, target) in LEGAL
        if legal:
            with store.session() as session:
                result = move_placement(
                    session, placement_id, target, MONDAY, TODAY, outcome="returned"
                )
            assert result.status == target and "status" in result.changed.fields
        else:
            with pytest.raises(ValidationError) as caught, store.session() as session:
                move_placement(session, placement_id, target, MONDAY, TODAY, outcome="returned")
            assert caught.value.field == "Status" and caught.value.fix, (start, target)
        with store.session() as session:
            stored = session.get(Placement, placement_id)
            assert stored is not None
            assert stored.status == (target if legal else start)
    assert {(DRAFT, REFERRED), (REFERRED, DRAFT), (REFERRED, ACTIVE), (ACTIVE, ENDED)} == LEGAL


def test_the_whole_life_with_dates_and_outcome(store: Store) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        pid = create_placement(session, good_input(pupil_id, provider_id), TODAY).id
        refer_placement(session, pid, TODAY, TODAY)
        with pytest.raises(ValidationError) as caught:
            start_placement(session, pid, TODAY - timedelta(1), TODAY)
        assert caught.value.field == "Start"
        start_placement(session, pid, MONDAY, TODAY)
        for outcome in (None, ""):
            with pytest.raises(ValidationError) as caught:
                end_placement(session, pid, outcome, MONDAY + timedelta(weeks=10))
            assert caught.value.field == "Outcome"
        with pytest.raises(ValidationError):
            end_placement(session, pid, "returned", MONDAY - timedelta(1))
        result = end_placement(
            session,
            pid,
            PlacementOutcome.RETURNED,
            MONDAY + timedelta(weeks=10),
            "Back full time after half term",
        )
        assert result.status == ENDED and "outcome" in result.changed.fields
        stored = session.get(Placement, pid)
        assert stored is not None
        assert (stored.referred_on, stored.started_on) == (TODAY, MONDAY)
        assert stored.ended_on == MONDAY + timedelta(weeks=10)
        assert stored.outcome == PlacementOutcome.RETURNED
        assert stored.destination == "Returned full time to the home school"
        assert stored.outcome_notes == "Back full time after half term"
        with pytest.raises(ValidationError) as caught:
            update_placement(session, pid, good_input(pupil_id, provider_id), TODAY)
        assert "new placement" in caught.value.fix


def test_refer_needs_a_start_date_withdraw_and_delete(store: Store) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        data = good_input(pupil_id, provider_id).model_copy(update=dict(start_date=None))
        pid = create_placement(session, data, TODAY).id
        with pytest.raises(ValidationError) as caught:
            refer_placement(session, pid, TODAY, TODAY)
        assert caught.value.field == "Start date"
        update_placement(session, pid, good_input(pupil_id, provider_id), TODAY)
        refer_placement(session, pid, TODAY, TODAY)
        with pytest.raises(ValidationError):
            delete_draft(session, pid)
        assert withdraw_referral(session, pid, TODAY).status == DRAFT
        assert delete_draft(session, pid).fields == ("deleted",)
        assert session.get(Placement, pid) is None


def test_two_part_time_placements_and_the_list(store: Store) -> None:
    part: dict[str, Any] = {
        "category": "vocational",
        "hours_per_week": 10.0,
        "sessions": ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM"],
    }
    with store.session() as session:
        pupil_id, farm = _setup(session)
        tutor = add_provider(session, "Brightpath Tutoring").id or 0
        first = create_placement(session, good_input(pupil_id, farm).model_copy(update=part), TODAY)
        assert "part_time_timetable" in [w.code for w in first.warnings]
        second_data = good_input(pupil_id, tutor).model_copy(update=part)
        second = create_placement(session, second_data, TODAY)
        assert second.warnings == []  # 20 hours between them
        rows = list_placements(session, TODAY, pupil_id=pupil_id, with_warnings=True)
        assert {r.provider_name for r in rows} == {"Green Shoots Farm", "Brightpath Tutoring"}
        assert all(r.warnings == 0 and r.status_label == "Draft" for r in rows)
        assert all(r.warning_words == () and r.first_warning == ("", "") for r in rows)
        assert rows[0].category == "Vocational" and rows[0].upn
        assert list_placements(session, TODAY, provider_id=tutor)[0].id == second.id
        assert list_placements(session, TODAY, status=ACTIVE) == []


def _days(session: Session, data: PlacementInput) -> int:
    calendar = SchoolCalendar.load(session)
    return direction_school_days(data.start_date, data.end_date, data.sessions, calendar) or 0


def test_preview_uses_the_school_calendar_and_agencies(store: Store) -> None:
    friday = date(2025, 3, 7)
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        session.add(
            Closure(
                start_date=date(2025, 3, 10),
                end_date=date(2025, 3, 10),
                kind="inset",
                name="INSET day",
            )
        )
        data = good_input(pupil_id, provider_id).model_copy(
            update=dict(
                off_site_direction=True,
                parent_notice_date=friday,
                start_date=date(2025, 3, 11),
                reporting_to="Site lead",
            )
        )
        data.direction_days = _days(session, data)  # as the notice must give them
        assert [w.code for w in preview_warnings(session, data, TODAY)] == ["notice_late"]
        assert list_placements(session, TODAY) == []  # nothing saved
        pupil = session.get(Pupil, pupil_id)
        assert pupil is not None
        pupil.looked_after = True
        session.add(pupil)
        later = data.model_copy(update=dict(start_date=date(2025, 3, 12)))
        later.direction_days = _days(session, later)
        placed = create_placement(session, later, TODAY)
        codes = [w.code for w in placed.warnings]
        assert codes == ["unregistered_full_time", "virtual_school"]
        note_virtual_school_told(session, placed.id, "Virtual School caseworker", TODAY)
        again = preview_warnings(session, placement_input(session, placed.id), TODAY, placed.id)
        assert [w.code for w in again] == ["unregistered_full_time"]
        assert session.get(AgencyInvolvement, 1) is not None


def test_placement_input_round_trip_keeps_lists_separate(store: Store) -> None:
    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        pid = create_placement(session, good_input(pupil_id, provider_id), TODAY).id
        data = placement_input(session, pid)
        data.sessions.append("FRI_AM")
        stored = session.get(Placement, pid)
        assert stored is not None and "FRI_AM" not in stored.sessions
    assert isinstance(data, PlacementInput)


def test_a_draft_with_a_plan_and_voice_can_still_be_deleted(store: Store) -> None:
    from apdesk.models import PlanTarget, VoiceEntry
    from apdesk.models.enums import VoiceOf
    from apdesk.services import plans
    from apdesk.services.plans import TargetInput

    with store.session() as session:
        pupil_id, provider_id = _setup(session)
        data = good_input(pupil_id, provider_id)
        pid = create_placement(session, data, TODAY).id
        assert data.end_date is not None
        plans.add_target(
            session, pid, TargetInput("Attend", "Returns", "60%", "90%", data.end_date)
        )
        session.add(
            VoiceEntry(
                pupil_id=pupil_id,
                placement_id=pid,
                voice_of=VoiceOf.CHILD,
                said_on=TODAY,
                text="Wants practical work",
            )
        )
        session.flush()
        delete_draft(session, pid)
        assert session.get(Placement, pid) is None
        assert session.exec(select(PlanTarget)).all() == []
        assert session.exec(select(VoiceEntry)).all() == []
