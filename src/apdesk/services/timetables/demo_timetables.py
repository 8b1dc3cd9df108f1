"""Demo data for hybrid timetables: The Bridge (an IAP base) and pupils at different stages of
stepping back into mainstream lessons, each step made by the real suggestion service."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, col, select

from apdesk.models import Placement, Pupil, TimetableVersion
from apdesk.models.enums import PlacementStatus
from apdesk.models.timetable_grid import DAYS, Grid, SlotValue, Structure
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables.grid import mainstream_week
from apdesk.services.timetables.groups import ensure_activities, save_group
from apdesk.services.timetables.ratings import Goal, add_rating, set_goal
from apdesk.services.timetables.structure import load_structure, save_structure
from apdesk.services.timetables.suggest import accept_suggestion, suggest_next_step
from apdesk.services.timetables.versions import create_version

# A week's lessons (25 one-hour periods) and who teaches them.
LESSONS = (
    ["English"] * 4 + ["Maths"] * 4 + ["Science"] * 4 + ["History"] * 2 + ["Geography"] * 2
    + ["PE"] * 2 + ["French"] * 2 + ["Art", "Music", "Computing", "RE", "PSHE"]
)  # fmt: skip
TEACHERS = {
    "English": "Ms Adeyemi", "Maths": "Mr Patel", "Science": "Dr Lowe", "History": "Mr Byrne",
    "Geography": "Mrs Kaur", "PE": "Mr Walsh", "French": "Mme Durand", "Art": "Ms Novak",
    "Music": "Mr Osei", "Computing": "Ms Chen", "RE": "Mrs Hughes", "PSHE": "Mr Morgan",
}  # fmt: skip
CODES = {
    "English": "En", "Maths": "Ma", "Science": "Sc", "History": "Hi", "Geography": "Gg",
    "PE": "Pe", "French": "Fr", "Art": "Ar", "Music": "Mu", "Computing": "Co", "RE": "Re",
    "PSHE": "Ps",
}  # fmt: skip
IAP_FOR = {
    "English": "Literacy intervention", "Maths": "Maths", "Science": "Science",
    "PSHE": "Social skills", "PE": "Gardening", "Art": "Cooking", "Music": "Emotional regulation",
}  # fmt: skip
ROTATION = ["Emotional regulation", "Gardening", "Cooking", "Animal care", "Social skills"]


def class_week(structure: Structure, rng: random.Random, nc_year: int) -> Grid:
    """The pupil's mainstream timetable: every lesson period filled, breaks with peers."""
    subjects = list(LESSONS)
    rng.shuffle(subjects)
    lessons = {}
    for day in DAYS:
        for period in structure.lessons:
            subject = subjects.pop() if subjects else "Study"
            code = f"{nc_year}{'XY'[rng.randrange(2)]}/{CODES.get(subject, 'St')}1"
            lessons[(day, period.number)] = SlotValue.mainstream(
                subject, code, TEACHERS.get(subject, "")
            )
    return mainstream_week(structure, lessons)


def to_iap(grid: Grid, keep_mainstream: int, rng: random.Random) -> Grid:
    """All but `keep_mainstream` lessons become IAP sessions that replace them."""
    lessons = sorted(k for k, v in grid.items() if v.subject)
    keep = set(rng.sample(lessons, k=min(keep_mainstream, len(lessons))))
    new = dict(grid)
    for i, key in enumerate(lessons):
        if key in keep:
            continue
        v = grid[key]
        activity = IAP_FOR.get(v.subject) or ROTATION[i % len(ROTATION)]
        new[key] = SlotValue.iap(activity, v.subject, v.class_code, v.teacher)
    return new


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _candidates(session: Session) -> tuple[list[Pupil], Placement | None]:
    placements = session.exec(select(Placement)).all()
    with_ap = {p.pupil_id for p in placements}
    pupils = session.exec(select(Pupil).order_by(col(Pupil.id))).all()
    free = [p for p in pupils if p.id not in with_ap and p.on_roll]
    active = [p for p in placements if p.status is PlacementStatus.ACTIVE and p.sessions]
    active.sort(key=lambda p: (len(p.sessions), p.id or 0))
    return free, (active[0] if active else None)


def populate_timetables(session: Session, rng: random.Random, today: date) -> dict[str, int]:
    """Add The Bridge and 6-7 pupils' hybrid timetables; returns what was made.

    A store that already has timetables is left alone, so adding more demo pupils is safe.
    """
    if session.exec(select(TimetableVersion)).first() is not None:
        return {"iap_groups": 0, "timetabled_pupils": 0, "timetable_versions": 0}
    structure = save_structure(session, load_structure(session).periods, 1)
    ensure_activities(session)
    group = save_group(
        session,
        "The Bridge",
        "Inclusion base, room B12",
        "Mr D. Okafor",
        "Ms L. Hart (teaching assistant)",
        8,
    )
    free, placement = _candidates(session)
    versions = 0
    this_week = _monday(today)
    stages = [0, 1, 2, 3, 4, 5]
    for index, (pupil, steps) in enumerate(zip(free, stages, strict=False)):
        pid = pupil.id or 0
        start = this_week - timedelta(weeks=2 * steps + 1)
        grid = to_iap(class_week(structure, rng, pupil.nc_year), 5, rng)
        create_version(
            session,
            pid,
            start,
            grid,
            group_id=group.id,
            notes="Joined The Bridge: five mainstream lessons a week to start.",
            next_review=start + timedelta(weeks=2),
        )
        versions += 1
        set_goal(session, pid, Goal(start + timedelta(weeks=rng.choice([12, 16, 24])), 3, 1.0))
        subjects = sorted({v.subject for v in grid.values() if v.subject})
        for subject in subjects:
            add_rating(
                session, pid, subject, rng.choice([2, 3, 3, 4, 5]), start - timedelta(days=3)
            )
        for step in range(1, steps + 1):
            when = start + timedelta(weeks=2 * step)
            for subject in rng.sample(subjects, k=3):
                add_rating(
                    session,
                    pid,
                    subject,
                    rng.choice([3, 4, 5]),
                    when - timedelta(days=3),
                    "Reported at the fortnightly review.",
                )
            suggestion = suggest_next_step(session, pid, 3, when)
            if suggestion.moves:
                accept_suggestion(session, suggestion, when, next_review=when + timedelta(weeks=2))
                versions += 1
        if index == 2:  # one step waiting for the lead's decision
            when = this_week + timedelta(weeks=1)
            suggestion = suggest_next_step(session, pid, 3, when)
            if suggestion.moves:
                accept_suggestion(
                    session,
                    suggestion,
                    when,
                    status=VersionStatus.PROPOSED,
                    next_review=when + timedelta(weeks=2),
                )
                versions += 1
    made = min(len(free), len(stages))
    if placement is not None:
        versions += _offsite_pupil(session, rng, structure, group.id or 0, placement, this_week)
        made += 1
    return {"iap_groups": 1, "timetabled_pupils": made, "timetable_versions": versions}


def _offsite_pupil(
    session: Session,
    rng: random.Random,
    structure: Structure,
    group_id: int,
    placement: Placement,
    this_week: date,
) -> int:
    """A dual arrangement: the booked half-days at the provider, the rest split school/IAP."""
    pupil = session.get(Pupil, placement.pupil_id)
    grid = to_iap(class_week(structure, rng, pupil.nc_year if pupil else 9), 10, rng)
    booked = set(placement.sessions)
    for key in list(grid):
        _week, day, number = key
        if structure.is_lesson(number) and f"{day}_{structure.half_day(number)}" in booked:
            grid[key] = SlotValue.offsite(placement.id or 0, "At the provider")
    start = this_week - timedelta(weeks=3)
    review = max(placement.review_date or start, start + timedelta(weeks=6))
    create_version(
        session,
        placement.pupil_id,
        start,
        grid,
        group_id=group_id,
        notes="Dual arrangement with the off-site placement.",
        next_review=review,
    )
    return 1
