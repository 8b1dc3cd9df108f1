"""Small builders the timetable tests share: a pupil, a placement, a full week of lessons."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from apdesk.models import Placement, Provider, Pupil, TimetableVersion
from apdesk.models.enums import PlacementStatus
from apdesk.models.timetable_grid import DAYS, Grid, SlotValue, Structure
from apdesk.models.upn import make_upn
from apdesk.services.timetables import (
    create_version,
    load_structure,
)
from apdesk.services.timetables.grid import mainstream_week
from apdesk.services.timetables.ratings import add_rating
from apdesk.services.timetables.versions import version_in_force

START = date(2025, 3, 3)  # a Monday
WEEK = {
    "MON": ["English", "Maths", "Science", "History", "PE"],
    "TUE": ["Maths", "English", "Art", "Science", "French"],
    "WED": ["Science", "Geography", "English", "Maths", "Music"],
    "THU": ["History", "Maths", "Computing", "English", "PE"],
    "FRI": ["French", "Science", "RE", "Geography", "PSHE"],
}


def make_pupil(session: Session, serial: int, forename: str = "Alex") -> Pupil:
    pupil = Pupil(
        upn=make_upn(855, 4001, 2012, serial),
        forename=forename,
        surname=f"Tester{serial}",
        dob=date(2012, 1, 1),
        nc_year=8,
    )
    session.add(pupil)
    session.flush()
    return pupil


def make_placement(
    session: Session, pupil_id: int, sessions: list[str], hours: float = 10.0
) -> Placement:
    provider = Provider(name="Riverside Skills Centre")
    session.add(provider)
    session.flush()
    placement = Placement(
        pupil_id=pupil_id,
        provider_id=provider.id or 0,
        status=PlacementStatus.ACTIVE,
        sessions=sessions,
        hours_per_week=hours,
    )
    session.add(placement)
    session.flush()
    return placement


def full_week(structure: Structure) -> Grid:
    """Twenty-five mainstream lessons, breaks and lunch with peers."""
    lessons = {}
    for day in DAYS:
        for period, subject in zip(structure.lessons, WEEK[day], strict=True):
            lessons[(day, period.number)] = SlotValue.mainstream(subject, f"8X/{subject[:2]}", "T")
    return mainstream_week(structure, lessons)


def with_iap(grid: Grid, subjects: set[str], activity: str = "Gardening") -> Grid:
    """Every lesson of `subjects` replaced by an IAP session (remembering the lesson)."""
    new = dict(grid)
    for key, value in grid.items():
        if value.subject in subjects:
            new[key] = SlotValue.iap(activity, value.subject, value.class_code, value.teacher)
    return new


def in_force(session: Session, pupil_id: int, on_date: date) -> TimetableVersion:
    version = version_in_force(session, pupil_id, on_date)
    assert version is not None, f"no timetable in force on {on_date}"
    return version


IAP_SUBJECTS = {"Maths", "Science", "English", "History", "Geography", "French"}


LATER = START + timedelta(weeks=2)


def hybrid_pupil(s: Session, serial: int = 1) -> int:
    pupil = make_pupil(s, serial)
    grid = with_iap(full_week(load_structure(s)), IAP_SUBJECTS)
    create_version(s, pupil.id or 0, START, grid)
    rated = START + timedelta(days=10)
    for subject, rating in [("Maths", 3), ("Science", 5), ("English", 2), ("History", 5),
                            ("Geography", 4), ("French", 1)]:  # fmt: skip
        add_rating(s, pupil.id or 0, subject, rating, rated)
    return pupil.id or 0
