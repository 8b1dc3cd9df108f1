"""Everything the plan page and the plan PDF show for one placement, in one read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from apdesk.models import (
    FollowUp,
    Placement,
    Plan,
    PlanTarget,
    Provider,
    Pupil,
    Review,
    TimetableVersion,
    TransitionStep,
    VoiceEntry,
)

from .agencies import AgencyRow, list_agencies
from .common import load_placement, load_pupil
from .due import RUNNING, next_due
from .followups import earlier_return, follow_ups_for
from .plans import get_plan, list_targets, timetable_link
from .review_views import ProgressView, ReviewView, latest_progress, list_reviews, next_review_date
from .transition import list_steps
from .voice import list_voice


@dataclass(frozen=True)
class TargetView:
    target: PlanTarget
    latest: ProgressView | None  # the most recent rating, if it has been rated


@dataclass
class PlanOverview:
    placement: Placement
    pupil: Pupil
    provider_name: str
    plan: Plan | None
    targets: list[TargetView] = field(default_factory=list)
    steps: list[TransitionStep] = field(default_factory=list)
    agencies: list[AgencyRow] = field(default_factory=list)
    reviews: list[ReviewView] = field(default_factory=list)
    voice: list[VoiceEntry] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    timetable: TimetableVersion | None = None
    returned_before_on: date | None = None  # set when this placement is a re-referral
    review_due: date | None = None  # when the next review is due, scheduled or not (running)

    @property
    def next_review(self) -> date | None:
        return next_review_date(self.reviews)

    @property
    def held_reviews(self) -> list[ReviewView]:
        return [r for r in self.reviews if r.held]

    @property
    def is_re_referral(self) -> bool:
        return self.returned_before_on is not None

    @property
    def exit_strategy(self) -> str:
        if self.plan and self.plan.exit_strategy:
            return self.plan.exit_strategy
        return self.placement.exit_strategy


def plan_overview(session: Session, placement_id: int) -> PlanOverview:
    placement = load_placement(session, placement_id)
    pupil = load_pupil(session, placement.pupil_id)
    provider = session.get(Provider, placement.provider_id)
    plan = get_plan(session, placement_id)
    reviews = list_reviews(session, placement_id)
    latest = latest_progress(reviews)
    targets = list_targets(session, plan.id or 0) if plan else []
    earlier = earlier_return(session, placement)
    return PlanOverview(
        placement=placement,
        pupil=pupil,
        provider_name=provider.name if provider else "",
        plan=plan,
        targets=[TargetView(t, latest.get(t.id or 0)) for t in targets],
        steps=list_steps(session, plan.id or 0) if plan else [],
        agencies=list_agencies(session, placement_id),
        reviews=reviews,
        voice=list_voice(session, placement_id),
        follow_ups=follow_ups_for(session, placement),
        timetable=timetable_link(session, placement.pupil_id),
        returned_before_on=(earlier.ended_on or earlier.end_date) if earlier else None,
        review_due=_review_due(session, placement),
    )


def _review_due(session: Session, placement: Placement) -> date | None:
    if placement.status not in RUNNING:
        return None
    reviews = list(session.exec(select(Review).where(Review.placement_id == placement.id)).all())
    due_on, _basis, _review_id = next_due(placement, reviews)
    return None if due_on == date.max else due_on
