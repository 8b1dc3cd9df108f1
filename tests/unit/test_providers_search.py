"""Find a provider: hard needs filter, the rest ranks, and every match says why."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session
from tests.helpers.placements import MONDAY, add_provider, add_pupil, audit_all

from apdesk.models import Placement
from apdesk.models.enums import (
    AuditKind,
    AuditOutcome,
    Delivery,
    DistanceBand,
    LaApproval,
    PlacementStatus,
)
from apdesk.services.provider_search import SearchCriteria, criteria_for_pupil, find_providers
from apdesk.services.qa import AuditInput, ConcernInput, add_audit, add_concern
from apdesk.store import Store

TODAY = MONDAY


def _directory(session: Session) -> dict[str, int]:
    """Four vocational providers that differ in QA, places and distance, and one tutor."""
    ids = {}
    best = add_provider(session, "Motor Skills Workshop", capacity=5, la_approval="approved")
    ids["best"] = best.id or 0
    overdue = add_provider(session, "Anvil Forge", qa=False, capacity=5, la_approval="approved")
    audit_all(session, overdue.id or 0, date(2024, 1, 2), next_due=date(2025, 2, 3))
    ids["overdue"] = overdue.id or 0
    failed = add_provider(session, "Bramble Farm", capacity=5, la_approval="approved")
    add_audit(
        session,
        failed.id or 0,
        AuditInput(AuditKind.SAFEGUARDING, TODAY - timedelta(5), AuditOutcome.FAILED),
        TODAY,
    )
    ids["failed"] = failed.id or 0
    far = add_provider(
        session,
        "Coastal Skills",
        capacity=5,
        la_approval="approved",
        distance_band=DistanceBand.FAR,
        delivery=Delivery.BOTH,
    )
    ids["far"] = far.id or 0
    tutor = add_provider(
        session,
        "Brightpath Tutoring",
        categories=["intervention"],
        dps_lots=["1"],
        delivery=Delivery.ONLINE,
        age_min=5,
        age_max=11,
    )
    ids["tutor"] = tutor.id or 0
    for serial in range(1, 3):  # two places taken at the best match
        pupil = add_pupil(session, serial)
        session.add(
            Placement(
                pupil_id=pupil.id or 0, provider_id=ids["best"], status=PlacementStatus.ACTIVE
            )
        )
    session.flush()
    return ids


def test_best_match_first_with_reasons(store: Store) -> None:
    with store.session() as session:
        ids = _directory(session)
        matches = find_providers(session, SearchCriteria(nc_year=10, category="vocational"), TODAY)
    by_id = {m.provider_id: m for m in matches}
    assert ids["tutor"] not in by_id  # wrong category and ages
    assert [m.provider_id for m in matches][:2] == [ids["best"], ids["far"]]
    assert matches[-1].provider_id == ids["failed"]
    best = by_id[ids["best"]]
    assert "offers Vocational" in best.reasons
    assert "has 3 places free" in best.reasons
    assert "QA current" in best.reasons
    assert best.places_free == 3
    overdue = by_id[ids["overdue"]]
    assert "QA overdue: safeguarding audit due 3 February 2025" in overdue.reasons
    assert overdue.score < by_id[ids["far"]].score
    assert "Safeguarding audit failed on 26 February 2025" in by_id[ids["failed"]].reasons
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_failed_qa_can_be_excluded(store: Store) -> None:
    with store.session() as session:
        ids = _directory(session)
        criteria = SearchCriteria(category="vocational", exclude_failed_qa=True)
        found = {m.provider_id for m in find_providers(session, criteria, TODAY)}
    assert ids["failed"] not in found and ids["overdue"] in found


def test_hard_needs_filter(store: Store) -> None:
    with store.session() as session:
        ids = _directory(session)

        def found(**kw: object) -> set[int]:
            criteria = SearchCriteria(**kw)  # type: ignore[arg-type]
            return {m.provider_id for m in find_providers(session, criteria, TODAY)}

        assert found(dps_lot="1") == {ids["tutor"]}
        assert found(age=8) == {ids["tutor"]}
        assert ids["tutor"] not in found(nc_year=8)  # 12-13 year olds: tutor takes up to 11
        assert ids["tutor"] in found(nc_year=6)
        assert found(delivery="online") == {ids["tutor"], ids["far"]}
        assert ids["far"] in found(delivery="face_to_face")  # delivers both
        assert ids["far"] not in found(max_distance="medium")
        full = add_provider(session, "Full House", capacity=0)
        assert full.id not in found(needs_space=True)
        assert full.id in found()


def test_concerns_approval_and_flags_rank_down(store: Store) -> None:
    with store.session() as session:
        calm = add_provider(session, "Calm Minds", la_approval=LaApproval.APPROVED)
        worried = add_provider(session, "Worried Oak", la_approval=LaApproval.APPROVED)
        add_concern(session, worried.id or 0, ConcernInput(TODAY, "Pupil left site"), TODAY)
        suspended = add_provider(session, "Shut Gate", la_approval=LaApproval.SUSPENDED)
        unchecked = add_provider(
            session,
            "Loose Ends",
            staff_checks_confirmed=False,
            staff_checks_date=None,
            la_approval=LaApproval.APPROVED,
        )
        matches = find_providers(session, SearchCriteria(), TODAY)
    order = [m.provider_id for m in matches]
    assert order[0] == calm.id
    assert order.index(suspended.id or 0) == len(order) - 1
    reasons = {m.provider_id: m.reasons for m in matches}
    assert "1 open quality concern" in reasons[worried.id or 0]
    assert "Staff safeguarding checks not confirmed in writing" in reasons[unchecked.id or 0]
    assert "Approval suspended" in reasons[suspended.id or 0]


def test_criteria_for_pupil_uses_age_today(store: Store) -> None:
    with store.session() as session:
        pupil = add_pupil(session, 1, dob=date(2011, 3, 4))
        assert criteria_for_pupil(pupil, date(2025, 3, 3)).age == 13
        assert criteria_for_pupil(pupil, date(2025, 3, 4)).age == 14
