"""The plan for a placement: SMART targets, the exit strategy, and the hybrid timetable link.

Every placement should enter AP with clear learning outcomes (the LA counts them), so targets
are checked field by field: a target nobody can measure, or that falls due after the placement
has ended, is refused with the field named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Placement, Plan, PlanTarget, TargetProgress, TimetableVersion
from apdesk.models.errors import ValidationError

from .common import check_inside, clean, load_placement, require

MAX_TEXT = 600  # a target is a table row on paper: a row must fit on one page

# The attribute each label names, so a form can put the message beside the right box.
TARGET_FIELDS = {
    "what": "What",
    "measure": "How measured",
    "baseline": "Baseline",
    "target": "Target",
    "by_date": "By when",
}


@dataclass
class TargetInput:
    """A SMART target as a form holds it."""

    what: str = ""
    measure: str = ""
    baseline: str = ""
    target: str = ""
    by_date: date | None = None

    def validate(self, placement: Placement) -> None:
        require(self.what, _("What"), _("say what the pupil will learn or do"))
        require(self.measure, _("How measured"), _("say how progress will be measured"))
        require(self.baseline, _("Baseline"), _("say where the pupil is now"))
        require(self.target, _("Target"), _("say what success looks like"))
        for attr, label in TARGET_FIELDS.items():
            value = getattr(self, attr)
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise ValidationError(
                    _(label),
                    _("is too long"),
                    _("keep it under {n} characters").format(n=MAX_TEXT),
                )
        if self.by_date is None:
            raise ValidationError(
                _("By when"),
                _("a target needs a date"),
                _("choose the date it should be met by, inside the placement"),
            )
        check_inside(placement, self.by_date, _("By when"))


def get_plan(session: Session, placement_id: int) -> Plan | None:
    return session.exec(select(Plan).where(Plan.placement_id == placement_id)).first()


def ensure_plan(session: Session, placement_id: int) -> Plan:
    """The placement's plan, made on first use with the referral's exit strategy copied in."""
    placement = load_placement(session, placement_id)
    plan = get_plan(session, placement_id)
    if plan is None:
        plan = Plan(placement_id=placement_id, exit_strategy=clean(placement.exit_strategy))
        session.add(plan)
        session.flush()
    return plan


def save_plan_text(
    session: Session,
    placement_id: int,
    *,
    exit_strategy: str | None = None,
    transition_plan: str | None = None,
) -> Plan:
    """Set the exit strategy and/or the transition plan's overview; None leaves it as it was."""
    for label, value in (
        (_("Exit strategy"), exit_strategy),
        (_("Transition plan"), transition_plan),
    ):
        if value is not None and len(value) > 20 * MAX_TEXT:
            raise ValidationError(label, _("is too long"), _("summarise it"))
    plan = ensure_plan(session, placement_id)
    if exit_strategy is not None:
        plan.exit_strategy = clean(exit_strategy)
    if transition_plan is not None:
        plan.transition_plan = clean(transition_plan)
    session.add(plan)
    session.flush()
    return plan


def list_targets(session: Session, plan_id: int) -> list[PlanTarget]:
    query = select(PlanTarget).where(PlanTarget.plan_id == plan_id).order_by(col(PlanTarget.id))
    return list(session.exec(query).all())


def _apply(target: PlanTarget, data: TargetInput) -> None:
    target.what = clean(data.what)
    target.measure = clean(data.measure)
    target.baseline = clean(data.baseline)
    target.target = clean(data.target)
    target.by_date = data.by_date


def add_target(session: Session, placement_id: int, data: TargetInput) -> PlanTarget:
    placement = load_placement(session, placement_id)
    data.validate(placement)
    plan = ensure_plan(session, placement_id)
    target = PlanTarget(plan_id=plan.id or 0, what="")
    _apply(target, data)
    session.add(target)
    session.flush()
    return target


def _load_target(session: Session, target_id: int) -> tuple[PlanTarget, Plan]:
    target = session.get(PlanTarget, target_id)
    plan = session.get(Plan, target.plan_id) if target else None
    if target is None or plan is None:
        raise ValidationError(_("Target"), _("no target with id {id}").format(id=target_id))
    return target, plan


def update_target(session: Session, target_id: int, data: TargetInput) -> PlanTarget:
    target, plan = _load_target(session, target_id)
    data.validate(load_placement(session, plan.placement_id))
    _apply(target, data)
    session.add(target)
    session.flush()
    return target


def remove_target(session: Session, target_id: int) -> None:
    """Only a target never rated at a review can go: ratings are part of the record."""
    target, _plan = _load_target(session, target_id)
    rated = session.exec(
        select(TargetProgress.id).where(TargetProgress.target_id == target_id)
    ).first()
    if rated is not None:
        raise ValidationError(
            _("Target"),
            _("progress against it was recorded at a review"),
            _("reword it, or rate it achieved at the next review, instead of removing it"),
        )
    session.delete(target)
    session.flush()


def timetable_link(session: Session, pupil_id: int) -> TimetableVersion | None:
    """The pupil's latest hybrid timetable, if they have one (read only)."""
    query = (
        select(TimetableVersion)
        .where(TimetableVersion.pupil_id == pupil_id)
        .order_by(col(TimetableVersion.effective_date).desc(), col(TimetableVersion.id).desc())
    )
    return session.exec(query).first()
