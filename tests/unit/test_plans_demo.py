"""The demo school's plans: reviews overdue and due, a follow-up done and one due, and one
re-referral, so every part of the plan screens has something to show."""

from __future__ import annotations

from datetime import date

from apdesk.services import demo, plans
from apdesk.store import Store

TODAY = date(2026, 3, 2)


def test_the_demo_has_plans_reviews_follow_ups_and_a_re_referral(store: Store) -> None:
    counts = demo.populate(store, pupils=64, seed=7, today=TODAY)  # plans are part of the demo
    assert counts["plans"] >= 4 and counts["reviews"] >= 2
    with store.session() as s:
        due = plans.reviews_due(s, TODAY)
        assert {"overdue", "due"} <= {d.state for d in due}
        follow_ups = plans.follow_ups_due(s, TODAY)
        assert any(f.weeks == 12 and not f.overdue for f in follow_ups)
        assert len(plans.re_referrals(s)) == 1
        exported = plans.export_plans(s)
        done = [f for r in exported for f in r["follow_ups"] if f["done_on"]]
        assert len(done) >= 3
        assert any(r["reviews"] and r["reviews"][0]["progress"] for r in exported)
