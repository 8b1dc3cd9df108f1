"""The adults in an IAP group, each with a role, and the good-practice checks on a group:
fewer than ten pupils at a time, two staff with one a qualified teacher (seed 004)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from apdesk.i18n import N_, _
from apdesk.models import IapGroup
from apdesk.services.timetables.groups import TOO_MANY

TEACHER, SUPPORT, MENTOR, THERAPIST, OTHER = "teacher", "support", "mentor", "therapist", "other"
ROLES: dict[str, str] = {
    TEACHER: N_("Qualified teacher"),
    SUPPORT: N_("Teaching assistant / support"),
    MENTOR: N_("Learning mentor"),
    THERAPIST: N_("Therapist"),
    OTHER: N_("Other"),
}


@dataclass(frozen=True)
class StaffMember:
    name: str
    role: str = SUPPORT

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}

    @property
    def role_label(self) -> str:
        return _(ROLES.get(self.role, self.role))


def staff_list(group: IapGroup) -> list[StaffMember]:
    """The group's staff with roles (groups made before roles: teacher, then support)."""
    if group.staff:
        return [StaffMember(s.get("name", ""), s.get("role", SUPPORT)) for s in group.staff]
    members = [StaffMember(group.teacher, TEACHER)] if group.teacher.strip() else []
    for name in group.support_staff.replace(";", ",").split(","):
        if name.strip():
            members.append(StaffMember(name.strip(), SUPPORT))
    return members


def group_warnings(capacity: int, staff: Sequence[StaffMember]) -> list[str]:
    """What falls short of good practice (a group may still be saved)."""
    warnings = []
    if capacity >= TOO_MANY:
        warnings.append(
            _(
                "A capacity of {n} is ten or more: good practice keeps an IAP group below ten "
                "pupils at a time."
            ).format(n=capacity)
        )
    named = [s for s in staff if s.name.strip()]
    if len(named) < 2:
        warnings.append(_("Good practice is two staff with the group: a teacher and a support."))
    if named and not any(s.role == TEACHER for s in named):
        warnings.append(_("No qualified teacher is named for the group."))
    return warnings
