"""Home's "follow-ups after a return overdue" opens Reviews on exactly those it counts: a
12-week follow-up only due soon, or the placement's review, is not among them."""

from __future__ import annotations

from datetime import date

from apdesk.services.plans.due_list import DueRow
from apdesk.ui.home.filters import narrow_reviews

DAY = date(2026, 12, 7)


def _row(kind: str, overdue: bool, weeks: int = 0) -> DueRow:
    return DueRow(kind, 7, "Jay Smith", "A1", "Riverside", kind, DAY, overdue, 3, weeks=weeks)


def test_the_follow_ups_filter_keeps_the_overdue_follow_ups_only() -> None:
    six, twelve, review = (
        _row("follow_up", True, 6),
        _row("follow_up", False, 12),
        _row("review", True),
    )
    rows, banner = narrow_reviews(
        [six, twelve, review], {"state": "follow_ups", "placement_ids": [7]}
    )
    assert rows == [six]
    assert banner == "Showing 1 overdue follow-up from the home page"
