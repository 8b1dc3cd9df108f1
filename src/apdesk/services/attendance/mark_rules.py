"""Checks on one mark before it is recorded: a date that can be a session of this pupil, and
the code for attending education elsewhere that matches who arranged the placement.

Sources: the School Attendance (Pupil Registration) (England) Regulations 2024 (K: attending
education provision arranged by the local authority; B: attending any other approved
educational activity, such as AP the school arranges) and the DfE's "Arranging alternative
provision" guide (February 2025), which has the commissioning school record B.
"""

from __future__ import annotations

from datetime import date, timedelta

from apdesk.i18n import _
from apdesk.models.enums import Commissioner
from apdesk.services.attendance.expected import PlacementPattern

EARLIEST = date(1990, 1, 1)
"""No register apdesk keeps goes back this far (registers are kept 6 years): a typing slip."""
MAX_AHEAD = timedelta(days=366)
"""A mark more than a year ahead is a typing slip (a planned closure is the furthest ahead)."""


def date_problem(day: date, dob: date | None, today: date) -> str | None:
    """Why a mark cannot be dated `day` for a pupil born on `dob`, or None."""
    if day < EARLIEST:
        return _("{day} is before 1990: check the year").format(day=day.isoformat())
    if dob is not None and day < dob:
        return _("{day} is before the pupil was born ({dob}): check the date").format(
            day=day.isoformat(), dob=dob.isoformat()
        )
    if day > today + MAX_AHEAD:
        return _("{day} is more than a year ahead: check the year").format(day=day.isoformat())
    return None


def elsewhere_problem(code: str, pattern: PlacementPattern | None) -> str | None:
    """K only for LA-arranged provision, B only for school-arranged: against the placement that
    expects the pupil at that session (no placement there, no check)."""
    if pattern is None:
        return None
    by_la = pattern.commissioner == Commissioner.LA.value
    if code == "K" and not by_la:
        return _(
            "K is for education the local authority arranges; the placement for this session "
            "is arranged by the school: use B"
        )
    if code == "B" and by_la:
        return _(
            "B is for approved activities the school arranges; the placement for this session "
            "is arranged by the local authority: use K"
        )
    return None
