"""Off-site direction: notice counted in school days (weekends and closures skipped), reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.helpers.placements import (
    DIRECTION,
    FRIDAY,
    MONDAY,
    NEXT_MONDAY,
    NEXT_TUESDAY,
    check,
    codes,
)

from apdesk.services.calendar import SchoolCalendar


@pytest.mark.parametrize(
    ("notice", "start", "closures", "late"),
    [
        (MONDAY, MONDAY + timedelta(1), [], True),  # 1 school day
        (MONDAY, MONDAY + timedelta(2), [], False),  # 2 school days
        (FRIDAY, NEXT_MONDAY, [], True),  # the weekend does not count
        (FRIDAY, NEXT_TUESDAY, [], False),
        (FRIDAY, NEXT_TUESDAY, [(NEXT_MONDAY, NEXT_MONDAY)], True),  # an INSET Monday
        (FRIDAY, NEXT_TUESDAY + timedelta(1), [(NEXT_MONDAY, NEXT_MONDAY)], False),
        (MONDAY, MONDAY, [], True),
        (MONDAY + timedelta(1), MONDAY, [], True),  # notice after the start
    ],
)
def test_notice_counts_school_days(
    notice: date, start: date, closures: list[tuple[date, date]], late: bool
) -> None:
    calendar = SchoolCalendar.of(closures)
    changes = {
        **DIRECTION,
        "parent_notice_date": notice,
        "start_date": start,
        "review_date": start + timedelta(weeks=4),
    }
    warnings = check(changes, calendar=calendar)
    assert ("notice_late" in codes(warnings)) is late
    if late and start > notice:
        message = next(w.message for w in warnings if w.code == "notice_late")
        assert "it had to be given by" in message


def test_one_school_day_notice_message() -> None:
    changes = {
        **DIRECTION,
        "parent_notice_date": FRIDAY,
        "start_date": NEXT_MONDAY,
        "review_date": NEXT_MONDAY + timedelta(weeks=4),
    }
    warning = next(w for w in check(changes) if w.code == "notice_late")
    assert warning.message == (
        "Notice to the parents given on 7 March 2025: for a start on 10 March 2025 it had to "
        "be given by 6 March 2025, 2 school days before."
    )
    assert "2 school days" in warning.reason


@pytest.mark.parametrize(
    ("last_review", "warns"),
    [(None, True), (-11, True), (-9, False), (1, False)],
)
def test_direction_review_within_ten_weeks(last_review: int | None, warns: bool) -> None:
    asked = MONDAY + timedelta(weeks=12)
    last = None if last_review is None else asked + timedelta(weeks=last_review)
    changes = {**DIRECTION, "review_requested_on": asked, "last_direction_review": last}
    assert ("direction_review" in codes(check(changes))) is warns
