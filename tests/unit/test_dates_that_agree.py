"""Records that cannot contradict themselves, through the operations the GUI and the commands
call: a review is not held before its placement starts, and a return's follow-up is not checked
on or before the return. Each refusal is one line naming the dates, and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from tests.helpers.plans import START, make_placement

from apdesk.models import FollowUp, Review
from apdesk.models.enums import PlacementOutcome, PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.services.operations.reviews import hold_review, record_follow_up
from apdesk.store import Store

RETURNED = date(2025, 4, 4)


def test_a_review_held_before_the_placement_starts_is_refused_naming_both_dates(
    store: Store,
) -> None:
    with store.session() as s:
        placement_id = make_placement(s).id or 0  # starts Monday 6 January 2025
    data = plans.ReviewInput(
        held_on=date(2025, 1, 3), attendees=["SENCO"], next_review=date(2025, 2, 14)
    )
    with pytest.raises(ValidationError) as caught:
        store.run(hold_review, placement_id, data, None, date(2025, 2, 1))
    error = caught.value
    assert error.field == "Date held"
    assert "\n" not in str(error)
    assert "3 January 2025" in str(error) and "6 January 2025" in str(error)
    with store.session() as s:
        assert s.exec(select(Review)).all() == []  # nothing held, nothing scheduled

    data.held_on = START  # on the first day: fine
    store.run(hold_review, placement_id, data, None, date(2025, 2, 1))
    with store.session() as s:
        assert [r.held_on for r in s.exec(select(Review)) if r.held_on] == [START]


@pytest.mark.parametrize("checked", [date(2025, 4, 1), RETURNED], ids=["before", "on the day"])
def test_a_follow_up_checked_on_or_before_the_return_is_refused_naming_both_dates(
    store: Store, checked: date
) -> None:
    with store.session() as s:
        placement = make_placement(
            s,
            status=PlacementStatus.ENDED,
            ended_on=RETURNED,
            outcome=PlacementOutcome.RETURNED,
        )
        placement_id = placement.id or 0
    with pytest.raises(ValidationError) as caught:
        store.run(
            record_follow_up,
            None,
            placement_id,
            6,
            done_on=checked,
            still_attending=True,
            note="",
            today=date(2025, 6, 1),
        )
    error = caught.value
    assert error.field == "Date checked"
    assert "\n" not in str(error) and "4 April 2025" in str(error)
    with store.session() as s:
        assert s.exec(select(FollowUp)).all() == []  # the refused check stored nothing

    store.run(
        record_follow_up,
        None,
        placement_id,
        6,
        done_on=date(2025, 5, 16),
        still_attending=True,
        note="",
        today=date(2025, 6, 1),
    )
    with store.session() as s:
        done = [f.done_on for f in s.exec(select(FollowUp)) if f.done_on]
        assert done == [date(2025, 5, 16)]
