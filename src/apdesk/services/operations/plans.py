"""Plan operations: the targets, transition steps, agencies, voice and text of a placement's
reintegration plan. Each is one transaction and returns the id it made or changed; the rules
(a step needs an owner, a target its measure) live in `apdesk.services.plans`."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.services import plans
from apdesk.store.operations import operation


@operation
def add_target(session: Session, placement_id: int, data: plans.TargetInput) -> int:
    return plans.add_target(session, placement_id, data).id or 0


@operation
def update_target(session: Session, target_id: int, data: plans.TargetInput) -> int:
    return plans.update_target(session, target_id, data).id or 0


@operation
def remove_target(session: Session, target_id: int) -> None:
    plans.remove_target(session, target_id)


@operation
def add_step(session: Session, placement_id: int, data: plans.StepInput) -> int:
    return plans.add_step(session, placement_id, data).id or 0


@operation
def update_step(session: Session, step_id: int, data: plans.StepInput) -> int:
    return plans.update_step(session, step_id, data).id or 0


@operation
def remove_step(session: Session, step_id: int) -> None:
    plans.remove_step(session, step_id)


@operation
def add_agency(session: Session, placement_id: int, data: plans.AgencyInput, today: date) -> int:
    return plans.add_agency(session, placement_id, data, today=today).id or 0


@operation
def remove_agency(session: Session, involvement_id: int) -> None:
    plans.remove_agency(session, involvement_id)


@operation
def add_voice(session: Session, placement_id: int, data: plans.VoiceInput, today: date) -> int:
    return plans.add_voice(session, placement_id, data, today=today).id or 0


@operation
def save_plan_text(
    session: Session,
    placement_id: int,
    exit_strategy: str | None = None,
    transition_plan: str | None = None,
) -> None:
    """The exit strategy and the transition plan's overview; None leaves one as it was."""
    plans.save_plan_text(
        session, placement_id, exit_strategy=exit_strategy, transition_plan=transition_plan
    )
