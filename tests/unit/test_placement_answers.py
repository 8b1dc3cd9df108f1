"""The referral's answers against what they imply: a placement for medical needs records the
health needs, and a risk assessment the placement speaks of is attached to it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import Session
from tests.helpers.placements import MONDAY, add_provider, add_pupil, good_input

from apdesk.models.enums import AttachmentKind
from apdesk.services.attachments import add_attachment
from apdesk.services.placement_lifecycle import list_placements
from apdesk.services.placement_rules import PlacementWarning
from apdesk.services.placements import create_placement, preview_warnings
from apdesk.store import Store

TODAY = MONDAY - timedelta(days=14)
ASSESSED = MONDAY - timedelta(days=10)


def _placement(session: Session, pupil: dict[str, Any] | None = None, **changes: Any) -> int:
    pupil = {"serial": 1, **(pupil or {})}
    pupil_id = add_pupil(session, **pupil).id or 0
    provider_id = add_provider(session, f"Green Shoots Farm {pupil['serial']}").id or 0
    data = good_input(pupil_id, provider_id).model_copy(update=changes)
    return create_placement(session, data, TODAY).id


def _warnings(session: Session, placement_id: int) -> list[PlacementWarning]:
    from apdesk.services.placements import get_placement, placement_warnings

    return placement_warnings(session, get_placement(session, placement_id), TODAY)


def _codes(session: Session, placement_id: int) -> list[str]:
    return [w.code for w in _warnings(session, placement_id)]


def test_medical_placement_with_no_health_needs_warns_once(store: Store) -> None:
    with store.session() as session:
        placement_id = _placement(session, reasons=["medical"], health_needs="None known")
        (warning,) = _warnings(session, placement_id)
        [listed] = list_placements(session, TODAY, with_warnings=True)
    assert warning.code == "health_needs" and warning.field == "health_needs"
    assert "medical needs" in warning.message and "'Health needs'" in warning.message
    assert "\n" not in warning.message and warning.reason
    assert listed.warnings == 1  # the placements list counts it as the editor shows it


def test_health_needs_recorded_on_the_placement_or_the_pupil_clear_it(store: Store) -> None:
    with store.session() as session:
        on_placement = _placement(session, reasons=["medical"], health_needs="Epilepsy: care plan")
        on_pupil = _placement(session, {"serial": 2, "health_needs": "Asthma"}, reasons=["medical"])
        not_medical = _placement(session, {"serial": 3}, health_needs="None")
        assert _codes(session, on_placement) == []
        assert _codes(session, on_pupil) == []
        assert _codes(session, not_medical) == []


def test_risk_assessment_dated_but_not_attached_warns_until_attached(store: Store) -> None:
    with store.session() as session:
        placement_id = _placement(session, risk_assessment_date=ASSESSED)
        (warning,) = _warnings(session, placement_id)
        pupil_id = list_placements(session, TODAY)[0].pupil_id
        add_attachment(
            session, pupil_id, placement_id, AttachmentKind.RISK_ASSESSMENT, b"ra", "ra.pdf"
        )
        after = _codes(session, placement_id)
        [listed] = list_placements(session, TODAY, with_warnings=True)
    assert warning.code == "risk_assessment" and warning.field == "risk_assessment_date"
    assert "not attached" in warning.message and "Documents" in warning.message
    assert after == [] and listed.warnings == 0


def test_safety_text_saying_attached_warns_when_nothing_is(store: Store) -> None:
    safety = "No known risks; risk assessment attached"
    with store.session() as session:
        placement_id = _placement(session, safety_info=safety)
        (warning,) = _warnings(session, placement_id)
        [listed] = list_placements(session, TODAY, with_warnings=True)
        other_kind = _placement(session, {"serial": 2}, safety_info=safety)
        pupil_id = list_placements(session, TODAY)[0].pupil_id
        add_attachment(session, pupil_id, other_kind, AttachmentKind.OTHER, b"x", "note.pdf")
        still = _codes(session, other_kind)
    assert warning.code == "risk_assessment" and warning.field == "safety_info"
    assert "'Safety and risk'" in warning.message and listed.warnings == 1
    assert still == ["risk_assessment"]  # another kind of document is not the assessment


def test_a_risk_assessment_kept_for_another_placement_does_not_count(store: Store) -> None:
    with store.session() as session:
        first = _placement(session, risk_assessment_date=ASSESSED)
        pupil_id = list_placements(session, TODAY)[0].pupil_id
        provider_id = add_provider(session, "Riverside Skills").id or 0
        second_input = good_input(pupil_id, provider_id).model_copy(
            update={"risk_assessment_date": ASSESSED}
        )
        second = create_placement(session, second_input, TODAY).id
        add_attachment(session, pupil_id, first, AttachmentKind.RISK_ASSESSMENT, b"ra", "ra.pdf")
        assert "risk_assessment" not in _codes(session, first)
        assert "risk_assessment" in _codes(session, second)
        # The editor's preview of unsaved values checks the same way.
        preview = preview_warnings(session, second_input, TODAY, second)
        assert "risk_assessment" in {w.code for w in preview}
