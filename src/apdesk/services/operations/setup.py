"""Setting the school up: its details, the school day and cycle, IAP groups with their staff
and capacity, and the named IAP sessions. Each is one transaction; a school day that would
break saved timetables is refused with what it would break until the person confirms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import IapActivity
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import PeriodDef
from apdesk.models.timetable_plan import IapActivityType
from apdesk.services.school import SchoolDetails, save_school
from apdesk.services.timetables.group_capacity import OverCapacity, over_capacity
from apdesk.services.timetables.group_staff import TEACHER, StaffMember
from apdesk.services.timetables.groups import DEFAULT_ACTIVITIES, save_group
from apdesk.services.timetables.structure import save_structure
from apdesk.services.timetables.structure_check import (
    drop_broken_slots,
    refuse_breaks,
    structure_breaks,
)
from apdesk.store.operations import operation


@dataclass(frozen=True)
class DaySaved:
    periods: int
    lessons: int
    cycle_weeks: int
    slots_dropped: int


@operation
def save_school_profile(session: Session, details: SchoolDetails) -> None:
    """The school's name, URN, LA code, establishment number, address and key contact."""
    save_school(session, details)


@operation
def save_school_day(
    session: Session,
    periods: Sequence[PeriodDef],
    cycle_weeks: int,
    week_a_monday: date | None,
    confirmed: bool = False,
) -> DaySaved:
    """The day's periods and the cycle. Slots the new day has no room for are named and the
    change refused, unless `confirmed`: then they are dropped with it."""
    breaks = structure_breaks(session, periods, cycle_weeks)
    if not confirmed:
        refuse_breaks(breaks)
    dropped = drop_broken_slots(session, breaks)
    structure = save_structure(session, periods, cycle_weeks, week_a_monday)
    return DaySaved(len(structure.periods), len(structure.lessons), cycle_weeks, dropped)


@operation
def save_iap_group(
    session: Session,
    name: str,
    room: str,
    staff: Sequence[StaffMember],
    capacity: int,
    group_id: int | None = None,
    today: date | None = None,
    confirmed: bool = False,
) -> int:
    """An IAP group: its base room, its staff with their roles and how many pupils it takes.
    A capacity below what saved timetables already place in the base is refused with the
    periods and pupils named, unless `confirmed`."""
    if group_id and not confirmed:
        full = over_capacity(session, group_id, capacity, today or date.today())
        if full:
            raise OverCapacity(full, capacity)
    named = [s for s in staff if s.name.strip()]
    teachers = [s.name.strip() for s in named if s.role == TEACHER]
    others = [s.name.strip() for s in named if s.role != TEACHER]
    group = save_group(
        session,
        name,
        room,
        teacher=teachers[0] if teachers else "",
        support_staff=", ".join(teachers[1:] + others),
        capacity=capacity,
        group_id=group_id,
    )
    group.staff = [StaffMember(s.name.strip(), s.role).as_dict() for s in named]
    session.add(group)
    session.flush()
    return group.id or 0


@operation
def save_activity(
    session: Session,
    name: str,
    activity_type: IapActivityType,
    active: bool = True,
    activity_id: int | None = None,
) -> int:
    """Add or change a named IAP session; one no longer offered is retired, not deleted
    (timetables keep its name)."""
    _ensure_defaults(session)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Session name"), _("is empty"), _("e.g. Gardening"))
    same = session.exec(select(IapActivity).where(IapActivity.name == name)).first()
    if same is not None and same.id != activity_id:
        raise ValidationError(
            _("Session name"),
            _("'{name}' exists already").format(name=name),
            _("choose another name"),
        )
    row = session.get(IapActivity, activity_id) if activity_id else None
    if activity_id and row is None:
        raise ValidationError(
            _("Session"), _("is no longer in the store"), _("show the list again")
        )
    row = row or IapActivity(name=name, activity_type=activity_type)
    row.name, row.activity_type, row.active = name, activity_type, active
    session.add(row)
    session.flush()
    return row.id or 0


def _ensure_defaults(session: Session) -> None:
    """The first change to the list keeps the defaults the school has been shown."""
    if session.exec(select(IapActivity)).first() is None:
        for name, kind in DEFAULT_ACTIVITIES:
            session.add(IapActivity(name=name, activity_type=kind))
        session.flush()
