"""IAP groups (the base, its staff and capacity), the named sessions on offer, and the group view:
who is in the base in each period, and who is staffing it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import IapActivity, IapGroup, Pupil, TimetableVersion
from apdesk.models.enums import SlotKind
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import CellKey, Structure
from apdesk.models.timetable_plan import IapActivityType
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import load_grid, version_in_force

TOO_MANY = 10  # good practice keeps an IAP group below ten pupils at a time

DEFAULT_ACTIVITIES: tuple[tuple[str, IapActivityType], ...] = (
    ("Baseline assessment", IapActivityType.DIAGNOSIS),
    ("Reading and spelling screening", IapActivityType.DIAGNOSIS),
    ("Literacy intervention", IapActivityType.INTERVENTION),
    ("Speech and language", IapActivityType.INTERVENTION),
    ("Emotional regulation", IapActivityType.INTERVENTION),
    ("Social skills", IapActivityType.INTERVENTION),
    ("Gardening", IapActivityType.ENRICHMENT),
    ("Cooking", IapActivityType.ENRICHMENT),
    ("Animal care", IapActivityType.ENRICHMENT),
    ("Construction skills", IapActivityType.VOCATIONAL),
    ("Hair and beauty", IapActivityType.VOCATIONAL),
    ("English", IapActivityType.CURRICULUM),
    ("Maths", IapActivityType.CURRICULUM),
    ("Science", IapActivityType.CURRICULUM),
)


def staff_of(group: IapGroup) -> list[str]:
    """The named adults: the teacher and each support worker (comma or semicolon separated)."""
    support = [s.strip() for s in group.support_staff.replace(";", ",").split(",")]
    return [name for name in [group.teacher.strip(), *support] if name]


def save_group(
    session: Session,
    name: str,
    room: str = "",
    teacher: str = "",
    support_staff: str = "",
    capacity: int = 8,
    group_id: int | None = None,
) -> IapGroup:
    if not name.strip():
        raise ValidationError(_("Group name"), _("is empty"), _("name the group, e.g. The Bridge"))
    if not 1 <= capacity <= 30:
        raise ValidationError(
            _("Capacity"),
            _("{n} pupils").format(n=capacity),
            _("enter between 1 and 30"),
        )
    group = session.get(IapGroup, group_id) if group_id else None
    group = group or IapGroup(name=name)
    group.name, group.room, group.capacity = name.strip(), room.strip(), capacity
    group.teacher, group.support_staff = teacher.strip(), support_staff.strip()
    session.add(group)
    session.flush()
    return group


def list_groups(session: Session) -> list[IapGroup]:
    return list(session.exec(select(IapGroup).order_by(col(IapGroup.name))).all())


def ensure_activities(session: Session) -> list[IapActivity]:
    """Add the usual named sessions once, so a new store has a menu to choose from."""
    have = {a.name for a in session.exec(select(IapActivity)).all()}
    for name, kind in DEFAULT_ACTIVITIES:
        if name not in have:
            session.add(IapActivity(name=name, activity_type=kind))
    session.flush()
    return list_activities(session)


def add_activity(session: Session, name: str, activity_type: IapActivityType) -> IapActivity:
    name = name.strip()
    if not name:
        raise ValidationError("Session name", _("is empty"), _("e.g. Gardening"))
    if session.exec(select(IapActivity).where(IapActivity.name == name)).first():
        raise ValidationError(
            "Session name",
            _("'{name}' exists already").format(name=name),
            _("choose another name"),
        )
    row = IapActivity(name=name, activity_type=activity_type)
    session.add(row)
    session.flush()
    return row


def list_activities(session: Session, active_only: bool = True) -> list[IapActivity]:
    rows = session.exec(select(IapActivity).order_by(col(IapActivity.name))).all()
    return [a for a in rows if a.active or not active_only]


@dataclass
class GroupCell:
    pupils: list[tuple[int, str, str]] = field(default_factory=list)  # (pupil id, name, session)
    staff: list[str] = field(default_factory=list)
    over_capacity: bool = False


@dataclass
class GroupView:
    group_id: int
    name: str
    room: str
    capacity: int
    staff: list[str]
    structure: Structure
    cells: dict[CellKey, GroupCell]

    def busiest(self) -> int:
        return max((len(c.pupils) for c in self.cells.values()), default=0)


def pupils_in_base(
    session: Session, group_id: int, on_date: date, pupil_ids: Iterable[int] | None = None
) -> dict[CellKey, list[tuple[int, str]]]:
    """For each slot, the pupils whose timetable in force puts them in the group's base."""
    query = select(TimetableVersion.pupil_id).distinct()
    ids = set(pupil_ids) if pupil_ids is not None else set(session.exec(query).all())
    found: dict[CellKey, list[tuple[int, str]]] = {}
    for pid in sorted(ids):
        version = version_in_force(session, pid, on_date)
        if version is None or version.group_id != group_id:
            continue
        for key, value in load_grid(session, version.id or 0).items():
            if value.kind is SlotKind.IAP:
                found.setdefault(key, []).append((pid, value.activity))
    return found


def group_view(session: Session, group_id: int, on_date: date) -> GroupView:
    group = session.get(IapGroup, group_id)
    if group is None:
        raise ValidationError(
            "IAP group",
            _("no group {id}").format(id=group_id),
            _("choose a group from the list"),
        )
    structure = load_structure(session)
    staff = staff_of(group)
    cells = {key: GroupCell(staff=list(staff)) for key in structure.cells(lessons_only=True)}
    for key, entries in pupils_in_base(session, group_id, on_date).items():
        cell = cells.setdefault(key, GroupCell(staff=list(staff)))
        for pid, activity in entries:
            pupil = session.get(Pupil, pid)
            cell.pupils.append((pid, pupil.display_name if pupil else str(pid), activity))
        cell.over_capacity = len(cell.pupils) > group.capacity or len(cell.pupils) >= TOO_MANY
    return GroupView(group_id, group.name, group.room, group.capacity, staff, structure, cells)
