"""Each placement rule warns on a crafted placement and stops warning once the record is fixed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from tests.helpers.placements import (
    DIRECTION,
    MONDAY,
    RULES_TODAY,
    check,
    codes,
    good_input,
    placement_model,
)

from apdesk.models.enums import (
    AttachmentKind,
    AuditKind,
    DistanceBand,
    PlacementStatus,
    RegistrationStatus,
    SenStatus,
)
from apdesk.services.ap_guide import GuideSettings, LaNotice
from apdesk.services.placement_rules import WARNING_CODES, PlacementWarning
from apdesk.services.plans.due import ReviewRow
from apdesk.services.qa import OVERDUE, AuditState, QaStatus

TODAY = RULES_TODAY
FIVE = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM"]
REGISTERED = {"registration": RegistrationStatus.REGISTERED}
# Started six weeks before the rules' day, ending a fortnight after it, its review held before.
RUNNING: dict[str, Any] = {
    "status": PlacementStatus.ACTIVE,
    "agreement_date": TODAY - timedelta(52),
    "child_voice_date": TODAY - timedelta(56),
    "family_voice_date": TODAY - timedelta(54),
    "start_date": TODAY - timedelta(42),
    "end_date": TODAY + timedelta(14),
    "review_date": TODAY - timedelta(7),
}
RECENT = {"start_date": TODAY - timedelta(21)}  # its first review may fall after the end


def test_a_complete_placement_has_no_warnings() -> None:
    assert check() == []
    assert check(DIRECTION) == []


# code, what breaks it, what fixes it again (placement / pupil / provider changes)
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "full_time_hours",
        {"placement": {"hours_per_week": 12.0, "sessions": FIVE}},
        {
            "placement": {
                "hours_per_week": 12.0,
                "category": "vocational",
                "other_ap": "Mainstream lessons Thursday and Friday",
                "sessions": FIVE,
            }
        },
    ),
    (
        "full_time_hours",
        {
            "placement": {
                "hours_per_week": 27.5,
                "sessions": [
                    f"{d}_{s}" for d in ("MON", "TUE", "WED", "THU", "FRI") for s in ("AM", "PM")
                ],
            }
        },
        {
            "placement": {
                "hours_per_week": 25.0,
                "sessions": [
                    f"{d}_{s}" for d in ("MON", "TUE", "WED", "THU", "FRI") for s in ("AM", "PM")
                ],
            }
        },
    ),
    (
        "part_time_timetable",
        {
            "placement": {
                "category": "vocational",
                "hours_per_week": 10.0,
                "sessions": ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM"],
            }
        },
        {
            "placement": {
                "category": "vocational",
                "hours_per_week": 10.0,
                "other_ap": "Agreed part-time timetable with parent, reviewed fortnightly",
                "sessions": ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM"],
            }
        },
    ),
    (
        "hours_missing",
        {"placement": {"category": "", "hours_per_week": 0.0, "sessions": []}},
        {"placement": {"category": "", "hours_per_week": 20.0}},
    ),
    (
        "registration_code",
        {"placement": {"registration_code": "D"}},
        {"placement": {"registration_code": "B"}},
    ),
    (
        "registration_code",
        {"placement": {"registration_code": "K"}},
        {"placement": {"commissioner": "la", "registration_code": "K"}},
    ),
    (
        "registration_code",
        {"placement": {"commissioner": "la"}},
        {"placement": {"commissioner": "la", "registration_code": "D"}},
    ),
    (
        "notice_missing",
        {"placement": {**DIRECTION, "parent_notice_date": None}},
        {"placement": DIRECTION},
    ),
    (
        "notice_late",
        {"placement": {**DIRECTION, "parent_notice_date": MONDAY - timedelta(1)}},
        {"placement": {**DIRECTION, "parent_notice_date": MONDAY - timedelta(4)}},
    ),
    (
        "notice_address",
        {"placement": DIRECTION, "provider": {"address": ""}},
        {"placement": DIRECTION},
    ),
    (
        "notice_reporting_to",
        {"placement": {**DIRECTION, "reporting_to": " "}},
        {"placement": DIRECTION},
    ),
    ("notice_days", {"placement": {**DIRECTION, "direction_days": 0}}, {"placement": DIRECTION}),
    ("notice_reasons", {"placement": {**DIRECTION, "reasons": []}}, {"placement": DIRECTION}),
    (
        "direction_days_count",
        {"placement": {**DIRECTION, "direction_days": 30}},
        {"placement": DIRECTION},
    ),
    (
        "direction_reason",
        {"placement": {**DIRECTION, "reasons": ["send"]}},
        {"placement": {**DIRECTION, "reasons": ["send", "exclusion"]}},
    ),
    (
        "notice_session_times",
        {"placement": {**DIRECTION, "session_times": "", "break_end": None, "break_start": None}},
        {"placement": {**DIRECTION, "session_times": ""}},
    ),
    (
        "notice_session_times",
        {"placement": {**DIRECTION, "session_start": None}},
        {
            "placement": {
                **DIRECTION,
                "sessions": ["MON_AM", "TUE_AM", "WED_AM", "THU_AM"],
                "hours_per_week": 10.0,
                "category": "",
                "other_ap": "Lessons",
                "break_start": None,
                "break_end": None,
            }
        },
    ),
    (
        "notice_la_copy",
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {
                **DIRECTION,
                "ehcp_attached": True,
                "caseworker_told_on": MONDAY - timedelta(20),
            },
        },
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {
                **DIRECTION,
                "ehcp_attached": True,
                "la_notice_date": MONDAY - timedelta(7),
                "caseworker_told_on": MONDAY - timedelta(20),
            },
        },
    ),
    (
        "direction_review",
        {
            "placement": {
                **DIRECTION,
                "review_requested_on": MONDAY + timedelta(weeks=11),
                "last_direction_review": None,
            }
        },
        {
            "placement": {
                **DIRECTION,
                "review_requested_on": MONDAY + timedelta(weeks=11),
                "last_direction_review": MONDAY + timedelta(weeks=2),
            }
        },
    ),
    (
        "ehcp_attached",
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"caseworker_told_on": MONDAY - timedelta(20)},
        },
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"caseworker_told_on": MONDAY - timedelta(20), "ehcp_attached": True},
        },
    ),
    (
        "caseworker_told",
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"ehcp_attached": True, "caseworker_told_on": MONDAY + timedelta(1)},
        },
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"ehcp_attached": True, "caseworker_told_on": MONDAY - timedelta(1)},
        },
    ),
    (
        "caseworker_told",  # on the first day is not before it
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"ehcp_attached": True, "caseworker_told_on": MONDAY},
        },
        {
            "pupil": {"sen_status": SenStatus.EHC_PLAN},
            "provider": REGISTERED,
            "placement": {"ehcp_attached": True, "caseworker_told_on": MONDAY - timedelta(3)},
        },
    ),
    (
        "virtual_school",
        {
            "pupil": {"looked_after": True},
            "provider": {"registration": RegistrationStatus.REGISTERED},
        },
        {
            "pupil": {"looked_after": True},
            "provider": {"registration": RegistrationStatus.REGISTERED},
            "agencies": {"virtual_school"},
        },
    ),
    (
        "unregistered_full_time",
        {"pupil": {"looked_after": True}, "agencies": {"virtual_school"}},
        {
            "pupil": {"looked_after": True},
            "agencies": {"virtual_school"},
            "provider": {"registration": RegistrationStatus.REGISTERED},
        },
    ),
    ("learning_outcomes", {"placement": {"learning_outcomes": ""}}, {}),
    ("success_measures", {"placement": {"success_measures": " "}}, {}),
    ("exit_strategy", {"placement": {"exit_strategy": ""}}, {}),
    ("child_voice", {"placement": {"child_voice_date": None}}, {}),
    ("family_voice", {"placement": {"family_voice_date": None}}, {}),
    ("english_maths", {"placement": {"english_maths": False}}, {}),
    ("review_date", {"placement": {"review_date": None}}, {}),
    (
        "review_date",  # the school's own interval: every 4 weeks
        {"placement": {"review_date": MONDAY + timedelta(weeks=5)}, "guide": GuideSettings(4)},
        {"placement": {"review_date": MONDAY + timedelta(weeks=4)}, "guide": GuideSettings(4)},
    ),
    (
        "planned_length",
        {"guide": GuideSettings(6, 10)},
        {"guide": GuideSettings(6, 12)},
    ),
    ("agreement", {"placement": {"agreement_date": None}}, {}),
    (
        "la_notified",
        {"placement": {"status": PlacementStatus.ACTIVE}, "la": LaNotice("none")},
        {"placement": {"status": PlacementStatus.ACTIVE}, "la": LaNotice("queued")},
    ),
    (
        "review_date",
        {"placement": {"review_date": MONDAY + timedelta(weeks=7)}},
        {"placement": {"review_date": MONDAY + timedelta(weeks=6)}},
    ),
    ("sessions_pattern", {"placement": {"sessions": ["MON_AM", "MON_PM", "TUE_AM"]}}, {}),
    ("sessions_pattern", {"placement": {"sessions": []}}, {}),
    ("dates_order", {"placement": {"end_date": MONDAY - timedelta(1)}}, {}),
    (
        "past_end",
        {"placement": {**RUNNING, "end_date": TODAY - timedelta(1)}},
        {"placement": {**RUNNING, "end_date": TODAY}},
    ),
    (
        "review_after_end",
        {"placement": {**RUNNING, **RECENT, "review_date": TODAY + timedelta(15)}},
        {"placement": {**RUNNING, **RECENT, "review_date": TODAY + timedelta(14)}},
    ),
    (
        "review_overdue",  # the review date passed a week ago, and no review has been held
        {"placement": RUNNING, "reviews": []},
        {"placement": RUNNING, "reviews": [ReviewRow(1, 10, *[TODAY - timedelta(7)] * 2, TODAY)]},
    ),
    (
        "transport",
        {"placement": {"out_of_area": True, "transport": ""}},
        {"placement": {"out_of_area": True, "transport": "Taxi arranged by the school"}},
    ),
    (
        "transport",
        {"placement": {"transport": ""}, "provider": {"distance_band": DistanceBand.OUT_OF_AREA}},
        {"provider": {"distance_band": DistanceBand.OUT_OF_AREA}},
    ),
    (
        "health_needs",
        {"placement": {"reasons": ["medical"], "health_needs": "None known"}},
        {"placement": {"reasons": ["medical"], "health_needs": "Epilepsy: care plan"}},
    ),
    (
        "risk_assessment",
        {"placement": {"risk_assessment_date": TODAY}, "documents": set()},
        {
            "placement": {"risk_assessment_date": TODAY},
            "documents": {AttachmentKind.RISK_ASSESSMENT},
        },
    ),
]


def _run(changes: dict[str, Any]) -> list[PlacementWarning]:
    return check(
        changes.get("placement"),
        changes.get("pupil"),
        changes.get("provider"),
        agencies=changes.get("agencies", ()),
        guide=changes.get("guide"),
        la=changes.get("la"),
        documents=changes.get("documents"),
        reviews=changes.get("reviews"),
    )


@pytest.mark.parametrize(("code", "broken", "fixed"), CASES, ids=[c[0] for c in CASES])
def test_rule_warns_and_clears(code: str, broken: dict[str, Any], fixed: dict[str, Any]) -> None:
    warnings = _run(broken)
    assert code in codes(warnings)
    found = next(w for w in warnings if w.code == code)
    assert found.message and found.reason and found.field
    assert code not in codes(_run(fixed))
    assert _run(fixed) == []


def test_the_cases_cover_every_rule() -> None:
    assert {c[0] for c in CASES} | {"provider_qa"} == set(WARNING_CODES)


def test_twelve_hour_full_time_placement_says_why() -> None:
    warnings = check({"hours_per_week": 12.0, "sessions": FIVE})
    assert [w.code for w in warnings] == ["full_time_hours"]
    assert warnings[0].field == "hours_per_week"
    assert "12 hours" in warnings[0].message
    assert "18 to 25 hours" in warnings[0].reason


def test_part_time_with_a_second_concurrent_placement_is_not_a_part_time_timetable() -> None:
    part = {
        "category": "vocational",
        "hours_per_week": 10.0,
        "sessions": ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM"],
    }
    other = placement_model(
        good_input(1, 3), id=11, hours_per_week=10.0, status=PlacementStatus.ACTIVE
    )
    assert "part_time_timetable" not in codes(check(part, others=[other]))
    other.status = PlacementStatus.ENDED
    assert "part_time_timetable" in codes(check(part, others=[other]))
    warning = next(w for w in check(part) if w.code == "part_time_timetable")
    assert "C2" in warning.message and "C2" in warning.reason


def test_provider_qa_warning_shows_the_recorded_reason() -> None:
    state = AuditState(
        AuditKind.SAFEGUARDING, OVERDUE, "QA overdue: safeguarding audit due 1 February 2025"
    )
    qa = QaStatus(OVERDUE, (state,))
    warnings = check({"qa_override_reason": "Only farm placement with a place"}, qa=qa)
    assert codes(warnings) == {"provider_qa"}
    assert "Only farm placement with a place" in warnings[0].message
    assert "due 1 February 2025" in warnings[0].message
    assert check({"status": PlacementStatus.ENDED}, qa=qa) == []
