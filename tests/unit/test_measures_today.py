"""Today's work on the hand-built school: each item names its page and the filter to apply."""

from __future__ import annotations

from datetime import date, datetime, time

from tests.helpers.measures import TODAY, build_school

from apdesk.services.measures import all_charts, todays_work, year_to_date
from apdesk.services.measures.today import URGENT
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
    assert items["qa_overdue"].page == "providers"
    assert set(items["qa_overdue"].filter["provider_ids"]) == {ids["alpha"], ids["beta"]}
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
