"""What the plan and review screens read, as plain rows (no Qt, no live ORM objects).

Reads only: the GUI runs them in a session that refuses writes, and the widgets only ever see
the frozen rows, so a row cannot lazily touch a closed session on the GUI thread. The writes
are operations in `apdesk.services.operations.plans` and `.reviews`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.models.plan_progress import ProgressRating
from apdesk.services.placement_lifecycle import list_placements
from apdesk.services.plans.agencies import AgencyRow
from apdesk.services.plans.attendance import PeriodAttendance
from apdesk.services.plans.followups import attendance_since_return
from apdesk.services.plans.overview import plan_overview
from apdesk.services.plans.plans import TargetInput
from apdesk.services.plans.reviews import review_period


@dataclass(frozen=True)
class PlacementChoice:
    id: int
    pupil_name: str
    upn: str
    provider_name: str
    status: PlacementStatus

    @property
    def label(self) -> str:
        return f"{self.pupil_name} — {self.provider_name} — {self.status.label}"


@dataclass(frozen=True)
class TargetRow:
    id: int
    what: str
    measure: str
    baseline: str
    target: str
    by_date: date | None
    rating: ProgressRating | None = None
    rating_note: str = ""
    rated_on: date | None = None

    def as_input(self) -> TargetInput:
        return TargetInput(self.what, self.measure, self.baseline, self.target, self.by_date)


@dataclass(frozen=True)
class StepRow:
    id: int
    step: str
    owner: str
    by_date: date | None
    done: bool


@dataclass(frozen=True)
class VoiceRow:
    voice_of: str  # the label: Child / Family
    said_on: date
    how_gathered: str
    text: str


@dataclass(frozen=True)
class ReviewRow:
    id: int
    held_on: date | None
    scheduled_for: date
    attendees: tuple[str, ...]
    decisions: str
    next_review: date | None

    @property
    def date(self) -> date:
        return self.held_on or self.scheduled_for


@dataclass(frozen=True)
class FollowUpRow:
    id: int | None  # None until stored (the placement ended before follow-ups were stored)
    weeks: int
    due_on: date
    done_on: date | None
    still_attending: bool | None
    attendance: str
    note: str


@dataclass(frozen=True)
class PlanData:
    placement_id: int
    pupil_name: str
    upn: str
    provider_name: str
    status: PlacementStatus
    start: date | None
    end: date | None
    outcome: str
    exit_strategy: str
    transition_plan: str
    timetable: str
    targets: tuple[TargetRow, ...] = ()
    steps: tuple[StepRow, ...] = ()
    agencies: tuple[AgencyRow, ...] = ()
    voice: tuple[VoiceRow, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()
    follow_ups: tuple[FollowUpRow, ...] = ()
    next_review: date | None = None
    review_due: date | None = None
    returned_before_on: date | None = None
    pending_review_id: int | None = None

    @property
    def running(self) -> bool:
        return self.status in (PlacementStatus.REFERRED, PlacementStatus.ACTIVE)


def list_choices(session: Session, today: date) -> list[PlacementChoice]:
    """Every placement that has gone past draft: those are the ones with plans."""
    rows = list_placements(session, today)
    return [
        PlacementChoice(r.id, r.pupil_name, r.upn, r.provider_name, r.status)
        for r in rows
        if r.status is not PlacementStatus.DRAFT
    ]


def _attendance_text(attended: int | None, possible: int | None) -> str:
    if not possible:
        return ""
    return PeriodAttendance(date.min, date.min, attended or 0, possible).percent_text


def load_plan(session: Session, placement_id: int) -> PlanData:
    view = plan_overview(session, placement_id)
    p = view.placement
    targets = tuple(
        TargetRow(
            t.target.id or 0,
            t.target.what,
            t.target.measure,
            t.target.baseline,
            t.target.target,
            t.target.by_date,
            t.latest.rating if t.latest else None,
            t.latest.note if t.latest else "",
            t.latest.rated_on if t.latest else None,
        )
        for t in view.targets
    )
    pending = [r for r in view.reviews if not r.held]
    timetable = ""
    if view.timetable is not None:
        timetable = _("Hybrid timetable from {day}").format(
            day=format_date(view.timetable.effective_date)
        )
    return PlanData(
        placement_id=placement_id,
        pupil_name=view.pupil.display_name,
        upn=view.pupil.upn,
        provider_name=view.provider_name,
        status=p.status,
        start=p.started_on or p.start_date,
        end=p.ended_on or p.end_date,
        outcome=p.outcome.label if p.outcome else "",
        exit_strategy=view.exit_strategy,
        transition_plan=view.plan.transition_plan if view.plan else "",
        timetable=timetable,
        targets=targets,
        steps=tuple(StepRow(x.id or 0, x.step, x.owner, x.by_date, x.done) for x in view.steps),
        agencies=tuple(view.agencies),
        voice=tuple(
            VoiceRow(v.voice_of.label, v.said_on, v.how_gathered, v.text) for v in view.voice
        ),
        reviews=tuple(
            ReviewRow(
                r.id,
                r.held_on,
                r.scheduled_for,
                tuple(r.attendees),
                r.decisions,
                r.next_review,
            )
            for r in view.reviews
        ),
        follow_ups=tuple(
            FollowUpRow(
                f.id,
                f.weeks,
                f.due_on,
                f.done_on,
                f.still_attending,
                _attendance_text(f.attended_sessions, f.possible_sessions),
                f.note,
            )
            for f in view.follow_ups
        ),
        next_review=view.next_review,
        review_due=view.review_due,
        returned_before_on=view.returned_before_on,
        pending_review_id=pending[0].id if pending else None,
    )


@dataclass(frozen=True)
class ReviewSetup:
    """What the review dialog needs before anything is typed."""

    placement_id: int
    pupil_name: str
    start: date | None
    targets: tuple[tuple[int, str], ...] = ()
    review_id: int | None = None
    attendees_hint: tuple[str, ...] = field(default=())


def review_setup(session: Session, placement_id: int) -> ReviewSetup:
    data = load_plan(session, placement_id)
    return ReviewSetup(
        placement_id,
        data.pupil_name,
        data.start,
        tuple((t.id, t.what) for t in data.targets),
        data.pending_review_id,
    )


def period_text(session: Session, placement_id: int, held_on: date) -> str:
    placement = session.get(Placement, placement_id)
    if placement is None:
        return ""
    figures = review_period(session, placement, held_on)
    if not figures.possible:
        return _("No register marks between {start} and {end}").format(
            start=format_date(figures.start), end=format_date(figures.end)
        )
    return _("{figures} sessions, {start} to {end}").format(
        figures=figures.percent_text,
        start=format_date(figures.start),
        end=format_date(figures.end),
    )


def since_return_text(session: Session, placement_id: int, until: date) -> str:
    placement = session.get(Placement, placement_id)
    since = attendance_since_return(session, placement, until) if placement else None
    if since is None or not since.possible:
        return _("No register marks since the return")
    return _("{figures} sessions since the return").format(figures=since.percent_text)
