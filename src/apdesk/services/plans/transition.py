"""The transition support plan as steps: what happens, who does it, by when.

The LA counts placements with a clear transition plan back to mainstream (or on to post-16);
a step without an owner is not a plan, so the owner is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Placement, Plan, TransitionStep
from apdesk.models.errors import ValidationError

from .common import check_inside, clean, load_placement, require
from .plans import MAX_TEXT, ensure_plan


@dataclass
class StepInput:
    step: str = ""
    owner: str = ""
    by_date: date | None = None
    done: bool = False

    def validate(self, placement: Placement) -> None:
        require(self.step, _("Step"), _("say what will happen"))
        require(self.owner, _("Who"), _("name who will do it (a person or a role)"))
        for label, value in ((_("Step"), self.step), (_("Who"), self.owner)):
            if len(value) > MAX_TEXT:
                raise ValidationError(
                    label, _("is too long"), _("keep it under {n} characters").format(n=MAX_TEXT)
                )
        if self.by_date is not None:
            start = placement.started_on or placement.start_date
            if start and self.by_date < start:
                check_inside(placement, self.by_date, _("By when"))


def list_steps(session: Session, plan_id: int) -> list[TransitionStep]:
    query = (
        select(TransitionStep)
        .where(TransitionStep.plan_id == plan_id)
        .order_by(col(TransitionStep.position), col(TransitionStep.id))
    )
    return list(session.exec(query).all())


def add_step(session: Session, placement_id: int, data: StepInput) -> TransitionStep:
    data.validate(load_placement(session, placement_id))
    plan = ensure_plan(session, placement_id)
    steps = list_steps(session, plan.id or 0)
    step = TransitionStep(
        plan_id=plan.id or 0,
        position=(steps[-1].position + 1) if steps else 1,
        step=clean(data.step),
        owner=clean(data.owner),
        by_date=data.by_date,
        done=data.done,
    )
    session.add(step)
    session.flush()
    return step


def _load_step(session: Session, step_id: int) -> tuple[TransitionStep, Plan]:
    step = session.get(TransitionStep, step_id)
    plan = session.get(Plan, step.plan_id) if step else None
    if step is None or plan is None:
        raise ValidationError(_("Step"), _("no transition step with id {id}").format(id=step_id))
    return step, plan


def update_step(session: Session, step_id: int, data: StepInput) -> TransitionStep:
    step, plan = _load_step(session, step_id)
    data.validate(load_placement(session, plan.placement_id))
    step.step, step.owner = clean(data.step), clean(data.owner)
    step.by_date, step.done = data.by_date, data.done
    session.add(step)
    session.flush()
    return step


def remove_step(session: Session, step_id: int) -> None:
    step, _plan = _load_step(session, step_id)
    session.delete(step)
    session.flush()
