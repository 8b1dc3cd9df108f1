"""Today's work on the hand-built school: each item names its page and the filter to apply."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import Session, select
from tests.helpers.measures import TODAY, build_school

from apdesk.models import Provider
from apdesk.models.enums import AuditKind, AuditOutcome, LaApproval
from apdesk.services.measures import all_charts, todays_work, year_to_date
from apdesk.services.measures.today import URGENT
from apdesk.services.qa import AuditInput, add_audit
from apdesk.store import Store


def test_an_empty_store_has_no_work_and_empty_charts(store: Store) -> None:
    with store.session() as s:
        assert todays_work(s, datetime.combine(TODAY, time(11))) == []
        charts = all_charts(s, year_to_date(TODAY), TODAY)
    assert [c.key for c in charts] == ["pupils", "attendance", "share", "referral"]
    assert all(c.empty for c in charts[1:])
    assert {v for _d, v in charts[0].series[0].points} == {0.0}


def test_work_items_point_at_the_right_page(store: Store) -> None:
    ids = build_school(store)
    with store.session() as s:
        items = {i.key: i for i in todays_work(s, datetime.combine(TODAY, time(11)))}
    notice = items["notices"]
    assert notice.page == "placements"
    assert notice.filter == {"placement_ids": [ids["p2"]]}
    assert notice.detail == "Ben Brook"
    assert items["reviews_overdue"].page == "reviews"
    assert ids["p1"] in items["reviews_overdue"].filter["placement_ids"]
    follow_ups = items["follow_ups_overdue"]  # Dee returned to mainstream in July
    assert follow_ups.page == "reviews" and follow_ups.severity == URGENT
    assert follow_ups.title == "2 follow-ups after a return overdue"  # at 6 and 12 weeks
    assert ids["p4"] in follow_ups.filter["placement_ids"] and "Dee" in follow_ups.detail
    assert follow_ups.filter["state"] == "follow_ups"  # Reviews shows those it counts
    no_qa = items["qa_failed"]  # neither provider in use has an audit recorded
    assert no_qa.page == "providers" and no_qa.severity == URGENT
    assert set(no_qa.filter["provider_ids"]) == {ids["alpha"], ids["beta"]}
    assert no_qa.title == "2 providers in use with failed or missing QA or approval suspended"
    assert no_qa.detail == "Alpha PRU: QA missing; Beta Tutors: QA missing"
    assert "qa_overdue" not in items  # each provider said once, where it is most urgent
    late = items["late_returns"]
    assert late.page == "attendance" and late.severity == URGENT
    assert ids["alpha"] in late.filter["provider_ids"]
    assert "Alpha" in late.detail and "sessions without a mark" in late.detail  # not "(3)"
    order = [i.severity for i in items.values()]
    assert order == sorted(order, key=lambda s: s != URGENT)


def test_charts_follow_the_placements(store: Store) -> None:
    build_school(store)
    with store.session() as s:
        charts = {c.key: c for c in all_charts(s, year_to_date(TODAY), TODAY)}
    pupils = dict(charts["pupils"].series[0].points)
    assert pupils[date(2024, 9, 2)] == 0  # Cal started on 9 September
    assert pupils[date(2025, 3, 10)] == 3
    referral = charts["referral"].series[0].points
    assert referral == [
        (date(2024, 10, 1), 14.0),
        (date(2025, 1, 1), 21.0),
        (date(2025, 2, 1), 14.0),
    ]
    attendance = charts["attendance"]
    assert [s.name for s in attendance.series] == [
        "AP pupils at providers",
        "All pupils with marks",
    ]
    assert attendance.series[0].points == [(date(2025, 3, 3), 0.75)]


def _audits(s: Session, provider_id: int, day: date, failed: AuditKind | None = None) -> None:
    """Every kind of audit held on `day`, passed but for `failed`; due again a year later."""
    for kind in AuditKind:
        outcome = AuditOutcome.FAILED if kind is failed else AuditOutcome.PASSED
        add_audit(s, provider_id, AuditInput(kind, day, outcome), TODAY)


def test_failed_qa_or_a_suspended_approval_is_for_today_and_overdue_qa_for_soon(
    store: Store,
) -> None:
    ids = build_school(store)
    with store.session() as s:
        _audits(s, ids["alpha"], TODAY - timedelta(days=30), failed=AuditKind.SAFEGUARDING)
        _audits(s, ids["beta"], TODAY - timedelta(days=400))  # due again 35 days ago
        for provider in s.exec(select(Provider)).all():
            provider.staff_checks_confirmed = True
            if provider.id == ids["alpha"]:
                provider.la_approval = LaApproval.SUSPENDED
        items = {i.key: i for i in todays_work(s, datetime.combine(TODAY, time(11)))}
    failed = items["qa_failed"]
    assert failed.severity == URGENT
    assert failed.title == "1 provider in use with failed or missing QA or approval suspended"
    assert failed.detail == "Alpha PRU: QA failed, approval suspended"
    assert failed.filter == {"provider_ids": [ids["alpha"]], "qa": "failed"}
    overdue = items["qa_overdue"]
    assert overdue.severity != URGENT and overdue.title == "1 provider in use with QA overdue"
    assert overdue.filter == {"provider_ids": [ids["beta"]], "qa": "overdue"}
