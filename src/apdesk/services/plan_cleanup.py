"""Removing a draft placement's plan records, so a draft that will not go ahead can be
deleted without leaving rows that point at it (the store enforces foreign keys)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from apdesk.models import (
    AgencyInvolvement,
    FollowUp,
    Plan,
    PlanTarget,
    Review,
    ReviewDetail,
    TargetProgress,
    TransitionStep,
    VoiceEntry,
)


def delete_plan_records(session: Session, placement_id: int) -> int:
    """Delete everything this package stores against the placement; returns how many rows.

    Call it only for a draft being deleted: for any other placement these are the record."""
    rows: list[object] = []
    reviews = session.exec(select(Review).where(Review.placement_id == placement_id)).all()
    review_ids = [r.id for r in reviews]
    rows += session.exec(
        select(TargetProgress).where(col(TargetProgress.review_id).in_(review_ids))
    ).all()
    rows += session.exec(
        select(ReviewDetail).where(col(ReviewDetail.review_id).in_(review_ids))
    ).all()
    plan = session.exec(select(Plan).where(Plan.placement_id == placement_id)).first()
    if plan is not None:
        rows += session.exec(select(TransitionStep).where(TransitionStep.plan_id == plan.id)).all()
    for model in (FollowUp, VoiceEntry, AgencyInvolvement):
        rows += session.exec(select(model).where(model.placement_id == placement_id)).all()
    for row in rows:
        session.delete(row)
    session.flush()
    later: list[object] = list(reviews)
    if plan is not None:
        later += session.exec(select(PlanTarget).where(PlanTarget.plan_id == plan.id)).all()
    for row in later:
        session.delete(row)
    session.flush()
    if plan is not None:
        session.delete(plan)
        session.flush()
    return len(rows) + len(later) + (1 if plan is not None else 0)
