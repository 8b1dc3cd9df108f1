"""Plans for the demo school: targets, transition steps, agencies, voice, reviews (some held,
some overdue, one due soon), follow-ups of returns (one done, one due) and one re-referral.
Synthetic and deterministic for a seed, like the rest of the demo."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from sqlmodel import Session, col, select

from apdesk.models import Contact, Placement, Provider, Pupil
from apdesk.models.enums import Agency, PlacementOutcome, PlacementStatus, VoiceOf

from .agencies import AgencyInput, add_agency
from .common import placement_end, placement_start
from .followups import ensure_follow_ups, record_follow_up
from .plans import TargetInput, add_target, save_plan_text
from .reviews import ProgressInput, ReviewInput, hold_review, schedule_review
from .transition import StepInput, add_step
from .voice import VoiceInput, add_voice

TARGETS = [
    (
        "Attend the provision regularly",
        "Provider's weekly attendance returns",
        "62% of sessions",
        "90% of sessions",
    ),
    (
        "Complete Entry Level 3 English units",
        "Unit certificates",
        "Entry Level 2",
        "Two Entry Level 3 units passed",
    ),
    (
        "Use agreed calming strategies when anxious",
        "Key worker's weekly log",
        "Leaves the room most days",
        "Uses a strategy and stays in 4 days out of 5",
    ),
    (
        "Close gaps in number skills",
        "Termly maths assessment",
        "Working at Year 5",
        "Working at Year 6",
    ),
    (
        "Join a mainstream lesson each week",
        "Hybrid timetable and teacher feedback",
        "No mainstream lessons",
        "Three mainstream lessons a week, settled",
    ),
]
STEPS = [
    ("Meet the head of year and tour the new timetable", "Head of Year"),
    ("Two mainstream lessons a week with a known adult", "SENCO"),
    ("Half days in school, afternoons at the provider", "AP coordinator"),
    ("Full time back in tutor group; weekly check-in for six weeks", "Form tutor"),
]
AGENCIES = [
    (Agency.CAMHS, "Dr M. Okafor", "Weekly therapy; advises on anxiety strategies"),
    (Agency.EDUCATIONAL_PSYCHOLOGY, "Ms J. Harper", "Assessment and advice for the plan"),
    (Agency.SOCIAL_CARE, "Mr T. Ansell", "Family support; attends reviews"),
    (Agency.SPECIALIST_TEACHING, "Mrs L. Dunn", "Literacy programme"),
    (Agency.YOT, "Mr K. Rowe", "Keeps the plan in step with the youth justice order"),
]
RATINGS = [
    ("emerging", "Early days: needs prompting from the key worker."),
    ("developing", "Steady progress; some good weeks."),
    ("developing", "Improving since the timetable changed."),
    ("secure", "Consistent for the last four weeks."),
    ("achieved", "Met and kept up."),
]


def _between(start: date, end: date, share: float) -> date:
    return start + timedelta(days=max(0, int((end - start).days * share)))


def _plan(session: Session, rng: random.Random, placement: Placement, index: int) -> list[int]:
    pid = placement.id or 0
    start = placement_start(placement)
    end = placement_end(placement)
    if start is None or end is None or end <= start:
        return []
    save_plan_text(
        session,
        pid,
        transition_plan=(
            "Gradual return over the placement, growing the mainstream share where the pupil is "
            "succeeding; lunch and breaks with mainstream friends throughout."
        ),
    )
    ids = []
    chosen = rng.sample(TARGETS, k=rng.choice([2, 3]))
    for n, (what, measure, baseline, target) in enumerate(chosen):
        ids.append(
            add_target(
                session,
                pid,
                TargetInput(what, measure, baseline, target, _between(start, end, 0.6 + 0.2 * n)),
            ).id
            or 0
        )
    for n, (step, owner) in enumerate(STEPS[: rng.choice([2, 3, 4])]):
        add_step(session, pid, StepInput(step, owner, _between(start, end, 0.3 + 0.23 * n)))
    agency, contact, role = AGENCIES[index % len(AGENCIES)]
    consent = None if index % 4 == 3 else start - timedelta(days=20)
    add_agency(session, pid, AgencyInput(agency, "", contact, role, consent))
    return ids


def _voices(session: Session, placement: Placement, today: date) -> None:
    start = placement_start(placement)
    if start is None or start + timedelta(days=7) > today:
        return
    pid = placement.id or 0
    add_voice(
        session,
        pid,
        VoiceInput(
            VoiceOf.CHILD,
            start + timedelta(days=7),
            "Conversation with key worker",
            "Likes the small group; still worried about maths.",
        ),
    )
    add_voice(
        session,
        pid,
        VoiceInput(
            VoiceOf.FAMILY,
            start + timedelta(days=7),
            "Phone call home",
            "Calmer at home; wants to hear how the week went.",
        ),
    )


def _review(
    session: Session,
    rng: random.Random,
    placement: Placement,
    targets: list[int],
    held: date,
    next_review: date | None,
) -> None:
    hold_review(
        session,
        placement.id or 0,
        ReviewInput(
            held_on=held,
            attendees=[
                "Pupil",
                _family(session, placement.pupil_id),
                "Provider key worker",
                "SENCO",
            ],
            child_voice="Says the mornings are going well and wants more practical work.",
            family_voice="Pleased with progress; would like a phased return to start soon.",
            provider_report="Settled into the group; on time most days; maths gaps closing.",
            progress=[ProgressInput(t, *rng.choice(RATINGS)) for t in targets],
            decisions="Add one mainstream lesson a week; keep the daily check-in.",
            next_review=next_review,
            placement_ending=next_review is None,
        ),
    )


def _family(session: Session, pupil_id: int) -> str:
    """Who came for the family: the pupil's first contact, as the review's notes name them."""
    query = select(Contact).where(Contact.pupil_id == pupil_id).order_by(col(Contact.priority))
    contact = session.exec(query).first()
    if contact is None:
        return "Parent or carer"
    relationship = contact.relationship.lower()
    return f"{contact.name} ({relationship})" if relationship else contact.name


def _reviews(
    session: Session,
    rng: random.Random,
    placement: Placement,
    targets: list[int],
    index: int,
    today: date,
) -> int:
    """Active: a third left overdue, a third held with the next one due soon, a third held
    and on track. Ended: a final review before the end."""
    start = placement_start(placement)
    if start is None:
        return 0
    first = start + timedelta(weeks=6)
    if placement.status is PlacementStatus.ENDED:
        last = min(first, (placement.ended_on or today) - timedelta(days=1))
        if last < start:
            return 0
        _review(session, rng, placement, targets, last, None)
        return 1
    if first >= today:
        schedule_review(session, placement.id or 0, first)
        return 0
    if index % 3 == 0:  # missed: overdue
        schedule_review(session, placement.id or 0, first)
        return 0
    next_on = today + timedelta(days=10) if index % 3 == 1 else first + timedelta(weeks=12)
    if next_on <= first:
        next_on = today + timedelta(days=10)
    _review(session, rng, placement, targets, first, next_on)
    return 1


def _spare_pupils(session: Session, count: int) -> list[Pupil]:
    placed = set(session.exec(select(Placement.pupil_id)).all())
    pupils = session.exec(select(Pupil).order_by(col(Pupil.id))).all()
    return [p for p in pupils if p.id not in placed][-count:]


# The nearest school day before (True) or after (False) a date: the demo's calendar, passed
# in by the demo builder (plans sit below the calendar's package).
SchoolDay = Callable[[date, bool], date]
SEND = {
    "K": "SEN support: needs set out in the SEN support plan.",
    "E": "EHC plan: needs and provision as in sections B and F of the plan.",
}


def _any_day(day: date, _back: bool) -> date:
    return day


def _returned(
    session: Session,
    pupil: Pupil,
    provider: Provider,
    ended_on: date,
    outcome: PlacementOutcome,
    school_day: SchoolDay,
) -> Placement:
    ended_on = school_day(ended_on, True)
    start = school_day(ended_on - timedelta(weeks=14), True)
    placement = Placement(
        pupil_id=pupil.id or 0,
        provider_id=provider.id or 0,
        status=PlacementStatus.ENDED,
        outcome=outcome,
        destination=outcome.label,
        reasons=["semh"],
        start_date=start,
        end_date=ended_on,
        started_on=start,
        ended_on=ended_on,
        referred_on=school_day(start - timedelta(days=21), True),
        hours_per_week=10.0,
        sessions=["MON_AM", "MON_PM", "WED_AM", "WED_PM"],
        exit_strategy="Phased return to mainstream from week 8.",
        send_needs=SEND.get(pupil.sen_status.value, "None identified"),
    )
    session.add(placement)
    session.flush()
    return placement


def _returns(session: Session, today: date, school_day: SchoolDay) -> dict[str, int]:
    """Two returns to mainstream: one sustained (6-week check done, 12-week due soon), and one
    that was not (both checks done, then referred again)."""
    pupils = _spare_pupils(session, 2)
    provider = session.exec(select(Provider).order_by(col(Provider.id))).first()
    if len(pupils) < 2 or provider is None:
        return {"follow_ups": 0, "re_referrals": 0}
    sustained = _returned(
        session,
        pupils[0],
        provider,
        today - timedelta(weeks=11),
        PlacementOutcome.OTHER_MAINSTREAM,
        school_day,
    )
    six, _twelve = ensure_follow_ups(session, sustained.id or 0)
    record_follow_up(
        session,
        six.id or 0,
        done_on=six.due_on,
        still_attending=True,
        note="Full time in the new school; settled in tutor group.",
    )
    returned_on = today - timedelta(weeks=20)
    earlier = _returned(
        session, pupils[1], provider, returned_on, PlacementOutcome.RETURNED, school_day
    )
    six, twelve = ensure_follow_ups(session, earlier.id or 0)
    record_follow_up(
        session,
        six.id or 0,
        done_on=six.due_on,
        still_attending=True,
        note="Attending full time; some lateness.",
    )
    record_follow_up(
        session,
        twelve.id or 0,
        done_on=twelve.due_on,
        still_attending=False,
        note="Attendance fell after half term; refusing some lessons.",
    )
    again = Placement(
        pupil_id=pupils[1].id or 0,
        provider_id=provider.id or 0,
        status=PlacementStatus.REFERRED,
        reasons=["ebsa"],
        referred_on=school_day(today - timedelta(days=5), True),
        start_date=school_day(today + timedelta(days=10), False),
        end_date=school_day(today + timedelta(weeks=12), True),
        hours_per_week=12.5,
        exit_strategy="Slower phased return, starting with mornings.",
        send_needs=SEND.get(pupils[1].sen_status.value, "None identified"),
    )
    session.add(again)
    session.flush()
    return {"follow_ups": 4, "re_referrals": 1}


def populate_plans(
    session: Session, rng: random.Random, today: date, school_day: SchoolDay = _any_day
) -> dict[str, int]:
    """Add plans and reviews to most referred, active and ended demo placements, and the
    returns above; returns how many of each were made."""
    placements = session.exec(
        select(Placement)
        .where(col(Placement.status) != PlacementStatus.DRAFT.value)
        .order_by(col(Placement.id))
    ).all()
    counts = {"plans": 0, "reviews": 0}
    for index, placement in enumerate(placements):
        if index % 7 == 6:  # a few left without a plan, as in real life
            continue
        targets = _plan(session, rng, placement, index)
        if not targets:
            continue
        counts["plans"] += 1
        _voices(session, placement, today)
        counts["reviews"] += _reviews(session, rng, placement, targets, index, today)
    counts.update(_returns(session, today, school_day))
    return counts
