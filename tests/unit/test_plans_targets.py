"""The plan: SMART targets checked field by field, the exit strategy, transition steps,
agencies with consent, voice entries, and the link to the hybrid timetable."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect
from sqlmodel import select
from tests.helpers.plans import END, START, make_placement, target

from apdesk.models import PlanTarget, TimetableVersion
from apdesk.models.enums import Agency, VoiceOf
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.store import Store


def test_a_new_store_has_the_plan_progress_tables(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"targetprogress", "reviewdetail", "transitionstep", "followup"} <= tables


def test_the_plan_starts_with_the_referrals_exit_strategy(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        plan = plans.ensure_plan(s, placement.id or 0)
        assert plan.exit_strategy == "Phased return from week 6."
        assert plans.ensure_plan(s, placement.id or 0).id == plan.id
        plans.save_plan_text(
            s,
            placement.id or 0,
            exit_strategy="Full time by Easter.",
            transition_plan="Back to Year 8 tutor group.",
        )
        assert plans.get_plan(s, placement.id or 0).exit_strategy == "Full time by Easter."


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"what": "  "}, "What"),
        ({"measure": ""}, "How measured"),
        ({"baseline": ""}, "Baseline"),
        ({"target": ""}, "Target"),
        ({"by_date": None}, "By when"),
        ({"by_date": START.replace(day=5)}, "By when"),
        ({"by_date": date(2025, 4, 5)}, "By when"),
    ],
)
def test_a_target_missing_a_part_is_refused_naming_the_field(
    store: Store, change: dict[str, object], field: str
) -> None:
    with store.session() as s:
        placement = make_placement(s)
        data = target()
        for key, value in change.items():
            setattr(data, key, value)
        with pytest.raises(ValidationError) as caught:
            plans.add_target(s, placement.id or 0, data)
        assert caught.value.field == field
        assert s.exec(select(PlanTarget)).all() == []


def test_targets_are_added_edited_and_removed_at_the_placement_edges(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        first = plans.add_target(s, placement.id or 0, target(by=START))
        second = plans.add_target(s, placement.id or 0, target("Read aloud in group", END))
        edited = target("Read aloud to the class", END)
        plans.update_target(s, second.id or 0, edited)
        plans.remove_target(s, first.id or 0)
        view = plans.plan_overview(s, placement.id or 0)
        assert [t.target.what for t in view.targets] == ["Read aloud to the class"]


def test_transition_steps_need_someone_to_do_them(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        with pytest.raises(ValidationError) as caught:
            plans.add_step(s, placement.id or 0, plans.StepInput("Taster day", ""))
        assert caught.value.field == "Who"
        plans.add_step(
            s,
            placement.id or 0,
            plans.StepInput("Two mainstream maths lessons", "Head of Year 8", date(2025, 2, 17)),
        )
        plans.add_step(s, placement.id or 0, plans.StepInput("Full time", "SENCO", END))
        steps = plans.plan_overview(s, placement.id or 0).steps
        assert [(x.position, x.owner) for x in steps] == [(1, "Head of Year 8"), (2, "SENCO")]


def test_agencies_record_contact_role_and_consent_and_warn_without_it(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        pid = placement.id or 0
        plans.add_agency(
            s,
            pid,
            plans.AgencyInput(Agency.CAMHS, "", "Dr P. Lane", "Therapy weekly", date(2025, 1, 2)),
        )
        plans.add_agency(s, pid, plans.AgencyInput("other", "Youth club", "J. Bright", "Mentoring"))
        with pytest.raises(ValidationError) as caught:
            plans.add_agency(s, pid, plans.AgencyInput(Agency.OTHER, "", "Someone"))
        assert caught.value.field == "Agency name"
        rows = plans.list_agencies(s, pid)
        assert [r.name for r in rows] == ["CAMHS", "Youth club"]
        assert rows[0].warning == ""
        assert "consent" in rows[1].warning


def test_voice_entries_are_dated_with_how_they_were_gathered(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        pid = placement.id or 0
        with pytest.raises(ValidationError) as caught:
            plans.add_voice(s, pid, plans.VoiceInput(VoiceOf.CHILD, START, "", "Likes it"))
        assert caught.value.field == "How gathered"
        plans.add_voice(
            s,
            pid,
            plans.VoiceInput(VoiceOf.FAMILY, date(2025, 2, 1), "Phone call", "Happier at home"),
        )
        plans.add_voice(
            s, pid, plans.VoiceInput(VoiceOf.CHILD, START, "Key adult chat", "Likes the cooking")
        )
        assert [v.voice_of for v in plans.list_voice(s, pid)] == [VoiceOf.CHILD, VoiceOf.FAMILY]


def test_the_plan_links_to_the_latest_hybrid_timetable(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        assert plans.timetable_link(s, placement.pupil_id) is None
        for day in (date(2025, 1, 6), date(2025, 2, 24)):
            s.add(TimetableVersion(pupil_id=placement.pupil_id, effective_date=day))
        s.flush()
        linked = plans.plan_overview(s, placement.id or 0).timetable
        assert linked is not None and linked.effective_date == date(2025, 2, 24)


def test_a_draft_with_a_plan_can_be_cleared_and_deleted(store: Store) -> None:
    from apdesk.models import Placement
    from apdesk.models.enums import PlacementStatus
    from apdesk.services.plan_cleanup import delete_plan_records

    with store.session() as s:
        placement = make_placement(s, status=PlacementStatus.DRAFT)
        pid = placement.id or 0
        t = plans.add_target(s, pid, target())
        plans.add_step(s, pid, plans.StepInput("Taster day", "SENCO"))
        plans.add_agency(s, pid, plans.AgencyInput(Agency.CAMHS, "", "Dr P. Lane"))
        plans.add_voice(s, pid, plans.VoiceInput(VoiceOf.CHILD, START, "Chat", "Fine"))
        plans.hold_review(
            s,
            pid,
            plans.ReviewInput(
                held_on=START,
                attendees=["SENCO"],
                next_review=END,
                progress=[plans.ProgressInput(t.id or 0, "emerging")],
            ),
        )
        assert delete_plan_records(s, pid) >= 8
        s.delete(s.get(Placement, pid))
        s.flush()
        assert s.exec(select(PlanTarget)).all() == []
