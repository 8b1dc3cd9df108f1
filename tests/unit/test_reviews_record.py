"""Holding a review: progress against each target, attendance for the period from the register,
the voices and report, the next date scheduled; a refused review changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from tests.helpers.plans import START, add_marks, make_placement, target

from apdesk.models import Review, TargetProgress, VoiceEntry
from apdesk.models.errors import ValidationError
from apdesk.models.plan_progress import ProgressRating
from apdesk.services import plans
from apdesk.services.plans import ProgressInput, ReviewInput
from apdesk.store import Store

HELD = date(2025, 2, 14)


def test_a_review_records_progress_attendance_voice_and_the_next_date(store: Store) -> None:
    with store.session() as s:
        placement = make_placement(s)
        pid = placement.id or 0
        t1 = plans.add_target(s, pid, target())
        t2 = plans.add_target(s, pid, target("Use two calming strategies"))
        from apdesk.models import Pupil

        child = s.get(Pupil, placement.pupil_id)
        assert child is not None
        add_marks(s, child, START, ["B", "B", "B", "N", "I", "B", "Y1", "B"])  # 5 of 7 possible
        add_marks(s, child, date(2025, 3, 3), ["N", "N"])  # after the review: not counted
        review = plans.hold_review(
            s,
            pid,
            ReviewInput(
                held_on=HELD,
                attendees=["Alex", "Parent", "Provider key worker", ""],
                child_voice="I like the small group.",
                family_voice="Calmer at home.",
                provider_report="Settled well; maths gaps closing.",
                progress=[
                    ProgressInput(t1.id or 0, "developing", "Up to 71%"),
                    ProgressInput(t2.id or 0, ProgressRating.EMERGING),
                ],
                decisions="Add one mainstream maths lesson a week.",
                next_review=date(2025, 3, 28),
            ),
            today=HELD,
        )
        views = plans.list_reviews(s, pid)
        held = next(v for v in views if v.id == review.id)
        assert held.attendees == ["Alex", "Parent", "Provider key worker"]
        assert [(p.target, p.rating) for p in held.progress] == [
            ("Attend 90% of sessions", ProgressRating.DEVELOPING),
            ("Use two calming strategies", ProgressRating.EMERGING),
        ]
        assert held.attendance is not None
        assert (held.attendance.attended, held.attendance.possible) == (5, 7)
        assert held.attendance.start == START and held.attendance.end == HELD
        assert held.provider_report.startswith("Settled")
        assert [v.scheduled_for for v in views if not v.held] == [date(2025, 3, 28)]
        assert plans.plan_overview(s, pid).next_review == date(2025, 3, 28)
        voices = s.exec(select(VoiceEntry)).all()
        assert {v.how_gathered for v in voices} == {"Review meeting"}
        latest = plans.plan_overview(s, pid).targets[0].latest
        assert latest is not None and latest.rating is ProgressRating.DEVELOPING


def test_the_next_review_period_starts_the_day_after_the_last(store: Store) -> None:
    with store.session() as s:
        pid = make_placement(s).id or 0
        plans.hold_review(
            s, pid, ReviewInput(held_on=HELD, attendees=["SENCO"], next_review=date(2025, 3, 14))
        )
        plans.hold_review(
            s,
            pid,
            ReviewInput(held_on=date(2025, 3, 14), attendees=["SENCO"], placement_ending=True),
        )
        second = plans.list_reviews(s, pid)[-1]
        assert second.attendance is not None
        assert second.attendance.start == date(2025, 2, 15)  # the day after the last review
        assert second.attendance.possible == 0 and second.attendance.percent_text == ""
        assert len([r for r in plans.list_reviews(s, pid) if not r.held]) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"held_on": None}, "Date held"),
        ({"held_on": date(2030, 1, 1)}, "Date held"),
        ({"attendees": [" "]}, "Who attended"),
        ({"next_review": None}, "Next review"),
        ({"next_review": HELD}, "Next review"),
        ({"progress": [ProgressInput(999, "secure")]}, "Progress"),
    ],
)
def test_a_review_missing_a_part_is_refused_and_nothing_changes(
    store: Store, change: dict[str, object], field: str
) -> None:
    with store.session() as s:
        pid = make_placement(s).id or 0
        plans.schedule_review(s, pid, HELD)
        data = ReviewInput(held_on=HELD, attendees=["SENCO"], next_review=date(2025, 3, 28))
        for key, value in change.items():
            setattr(data, key, value)
        with pytest.raises(ValidationError) as caught:
            plans.hold_review(s, pid, data, today=date(2025, 3, 1))
        assert caught.value.field == field
        assert [r.held_on for r in s.exec(select(Review)).all()] == [None]
        assert s.exec(select(TargetProgress)).all() == []


def test_a_bad_rating_is_refused(store: Store) -> None:
    with store.session() as s:
        pid = make_placement(s).id or 0
        t = plans.add_target(s, pid, target())
        with pytest.raises(ValidationError, match="not a rating"):
            plans.hold_review(
                s,
                pid,
                ReviewInput(
                    held_on=HELD,
                    attendees=["SENCO"],
                    next_review=date(2025, 3, 28),
                    progress=[ProgressInput(t.id or 0, "great")],
                ),
            )


def test_a_rated_target_cannot_be_removed(store: Store) -> None:
    with store.session() as s:
        pid = make_placement(s).id or 0
        t = plans.add_target(s, pid, target())
        plans.hold_review(
            s,
            pid,
            ReviewInput(
                held_on=HELD,
                attendees=["SENCO"],
                next_review=date(2025, 3, 28),
                progress=[ProgressInput(t.id or 0, "secure")],
            ),
        )
        with pytest.raises(ValidationError, match="recorded at a review"):
            plans.remove_target(s, t.id or 0)
