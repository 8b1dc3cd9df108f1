"""A placement's start cannot move past a review already held: the refusal is on the start date,
names the review's date and says what to do, and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.helpers.plans import START, make_placement

from apdesk.i18n import format_date
from apdesk.models import Placement
from apdesk.models.errors import ValidationError
from apdesk.services import plans
from apdesk.services.operations.placements import save_placement
from apdesk.services.placements import placement_input
from apdesk.services.plans import ReviewInput
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

HELD = START + timedelta(weeks=4)


def _placement_with_a_review(store: Store) -> int:
    with store.session() as s:
        save_school(s, SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001"))
        placement = make_placement(s)
        pid = placement.id or 0
        plans.hold_review(
            s,
            pid,
            ReviewInput(
                held_on=HELD, attendees=["Pupil", "SENCO"], next_review=HELD + timedelta(weeks=6)
            ),
            today=HELD,
        )
        return pid


def test_moving_the_start_after_a_held_review_is_refused_on_the_start_date(store: Store) -> None:
    pid = _placement_with_a_review(store)
    data = store.read(placement_input, pid)
    data.start_date = HELD + timedelta(days=3)
    with pytest.raises(ValidationError) as refused:
        store.run(save_placement, pid, data, HELD)
    assert refused.value.field == "Start date"
    assert format_date(HELD) in refused.value.message
    assert "review" in refused.value.fix
    with store.session() as s:
        kept = s.get(Placement, pid)
        assert kept is not None and kept.start_date == START


@pytest.mark.parametrize("moved", [START - timedelta(days=7), HELD])
def test_a_start_on_or_before_the_first_review_is_saved(store: Store, moved: date) -> None:
    pid = _placement_with_a_review(store)
    data = store.read(placement_input, pid)
    data.start_date = moved
    store.run(save_placement, pid, data, HELD)
    with store.session() as s:
        kept = s.get(Placement, pid)
        assert kept is not None and kept.start_date == moved
