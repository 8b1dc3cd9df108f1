"""Plans, reviews, outcomes and follow-ups as JSON-ready records, one per placement, for the
LA's measures (clear outcomes on entry, transition plans, sustained returns, re-referrals)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from apdesk.models import Placement, Pupil

from .overview import plan_overview


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def export_plans(session: Session, *, include_drafts: bool = False) -> list[dict[str, Any]]:
    """Every placement (drafts only if asked), oldest first. Reads only: follow-ups not yet
    stored are listed as due without being written."""
    query = select(Placement).order_by(col(Placement.id))
    records = []
    for placement in session.exec(query).all():
        if placement.status.value == "draft" and not include_drafts:
            continue
        view = plan_overview(session, placement.id or 0)
        pupil: Pupil = view.pupil
        records.append(
            {
                "placement_id": placement.id,
                "upn": pupil.upn,
                "status": placement.status.value,
                "start_date": _iso(placement.started_on or placement.start_date),
                "end_date": _iso(placement.ended_on or placement.end_date),
                "has_plan": view.plan is not None,
                "targets": [
                    {
                        "what": t.target.what,
                        "measure": t.target.measure,
                        "baseline": t.target.baseline,
                        "target": t.target.target,
                        "by_date": _iso(t.target.by_date),
                        "latest_rating": t.latest.rating.value if t.latest else None,
                    }
                    for t in view.targets
                ],
                "exit_strategy": view.exit_strategy,
                "transition_steps": [
                    {
                        "step": s.step,
                        "owner": s.owner,
                        "by_date": _iso(s.by_date),
                        "done": s.done,
                    }
                    for s in view.steps
                ],
                "agencies": [
                    {
                        "agency": a.agency.value,
                        "name": a.name,
                        "contact": a.contact,
                        "role": a.role,
                        "consent_date": _iso(a.consent_date),
                    }
                    for a in view.agencies
                ],
                "reviews": [
                    {
                        "date": _iso(r.date),
                        "held": r.held,
                        "scheduled_for": _iso(r.scheduled_for),
                        "attended_by": r.attendees,
                        "attendance": (
                            {
                                "from": _iso(r.attendance.start),
                                "to": _iso(r.attendance.end),
                                "attended_sessions": r.attendance.attended,
                                "possible_sessions": r.attendance.possible,
                            }
                            if r.attendance
                            else None
                        ),
                        "progress": [
                            {"target": p.target, "rating": p.rating.value, "note": p.note}
                            for p in r.progress
                        ],
                        "decisions": r.decisions,
                        "next_review": _iso(r.next_review),
                        "child_voice": r.child_voice,
                        "family_voice": r.family_voice,
                        "provider_report": r.provider_report,
                    }
                    for r in view.reviews
                ],
                "voice": [
                    {
                        "voice_of": v.voice_of.value,
                        "said_on": _iso(v.said_on),
                        "how_gathered": v.how_gathered,
                    }
                    for v in view.voice
                ],
                "outcome": placement.outcome.value if placement.outcome else None,
                "ended_on": _iso(placement.ended_on),
                "re_referral": view.is_re_referral,
                "follow_ups": [
                    {
                        "weeks": f.weeks,
                        "due_on": _iso(f.due_on),
                        "done_on": _iso(f.done_on),
                        "still_attending": f.still_attending,
                        "attended_sessions": f.attended_sessions,
                        "possible_sessions": f.possible_sessions,
                    }
                    for f in view.follow_ups
                ],
            }
        )
    return records
