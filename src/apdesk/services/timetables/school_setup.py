"""What the School page shows: the school's details, the day and cycle, the IAP groups with
their staff, the named IAP sessions, and how far set-up has got (a read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, func, select

from apdesk.models import IapActivity, IapGroup, Period, Placement, Provider, Pupil, Term
from apdesk.models.timetable_grid import Structure
from apdesk.models.timetable_plan import IapActivityType
from apdesk.services.calendar import school_year_bounds, school_year_of
from apdesk.services.school import SchoolDetails, school_details
from apdesk.services.timetables.group_staff import StaffMember, group_warnings, staff_list
from apdesk.services.timetables.groups import DEFAULT_ACTIVITIES
from apdesk.services.timetables.structure import load_structure
from apdesk.sync import connection


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    room: str
    capacity: int
    staff: tuple[StaffMember, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ActivityRow:
    id: int  # 0 for a default not yet in the store
    name: str
    activity_type: IapActivityType
    active: bool


@dataclass
class SetupView:
    details: SchoolDetails
    structure: Structure
    day_saved: bool  # the school has recorded its own periods (not the assumed day)
    groups: list[GroupRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    terms_this_year: int = 0
    pupils: int = 0
    providers: int = 0
    placements: int = 0
    la_connected: bool = False  # an LA endpoint is set: what the Outbox asks before sending


def _count(session: Session, model: type, *where: object) -> int:
    query = select(func.count()).select_from(model)
    for clause in where:
        query = query.where(clause)  # type: ignore[arg-type]
    return int(session.exec(query).one())


def activity_rows(session: Session) -> list[ActivityRow]:
    """The school's named sessions; the five strands' defaults until it has any of its own."""
    rows = session.exec(select(IapActivity).order_by(col(IapActivity.name))).all()
    if rows:
        return [ActivityRow(r.id or 0, r.name, r.activity_type, r.active) for r in rows]
    return [ActivityRow(0, name, kind, True) for name, kind in DEFAULT_ACTIVITIES]


def school_setup(session: Session, today: date) -> SetupView:
    first, last = school_year_bounds(school_year_of(today))
    view = SetupView(
        details=school_details(session),
        structure=load_structure(session),
        day_saved=_count(session, Period) > 0,
    )
    for group in session.exec(select(IapGroup).order_by(col(IapGroup.name))).all():
        staff = tuple(staff_list(group))
        view.groups.append(
            GroupRow(
                group.id or 0,
                group.name,
                group.room,
                group.capacity,
                staff,
                tuple(group_warnings(group.capacity, staff)),
            )
        )
    view.activities = activity_rows(session)
    view.terms_this_year = _count(
        session, Term, col(Term.start_date) >= first, col(Term.start_date) <= last
    )
    view.pupils = _count(session, Pupil, col(Pupil.on_roll).is_(True))
    view.providers = _count(session, Provider)
    view.placements = _count(session, Placement)
    view.la_connected = bool(connection.endpoint(session))
    return view
