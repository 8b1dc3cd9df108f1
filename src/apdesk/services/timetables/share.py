"""How much of a pupil's learning is back in mainstream lessons: by lessons and by hours.

Only lesson periods count; breaks, lunch and social time are shared with peers in every
version, so counting them would flatter the share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import CellKey, Share, SlotValue, Structure
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables.ratings import get_goal
from apdesk.services.timetables.structure import load_structure
from apdesk.services.timetables.versions import list_versions, load_grid

EDUCATION = (SlotKind.MAINSTREAM, SlotKind.IAP, SlotKind.OFFSITE)


def compute_share(grid: Mapping[CellKey, SlotValue], structure: Structure) -> Share:
    counts = dict.fromkeys(EDUCATION, 0)
    minutes = dict.fromkeys(EDUCATION, 0)
    for (_week, _day, number), value in grid.items():
        period = structure.period(number)
        if period is None or not period.is_lesson or value.kind not in EDUCATION:
            continue
        counts[value.kind] += 1
        minutes[value.kind] += period.minutes
    total = sum(minutes.values()) / 60
    return Share(
        counts[SlotKind.MAINSTREAM],
        counts[SlotKind.IAP],
        counts[SlotKind.OFFSITE],
        round(minutes[SlotKind.MAINSTREAM] / 60, 2),
        round(total, 2),
        round(total / structure.cycle_weeks, 2),
    )


@dataclass(frozen=True)
class ShareRow:
    version_id: int
    effective_date: date
    status: VersionStatus
    share: Share


def share_history(
    session: Session, pupil_id: int, include_proposed: bool = False
) -> list[ShareRow]:
    """The share for each accepted version, oldest first (rejected ones are never shown)."""
    structure = load_structure(session)
    rows = []
    for v in list_versions(session, pupil_id):
        if v.status is VersionStatus.REJECTED:
            continue
        if v.status is VersionStatus.PROPOSED and not include_proposed:
            continue
        rows.append(
            ShareRow(
                v.version_id,
                v.effective_date,
                v.status,
                compute_share(load_grid(session, v.version_id), structure),
            )
        )
    return rows


@dataclass(frozen=True)
class ShareChart:
    """Points for a step chart of the share over time, and the lead's target line."""

    points: list[tuple[date, float]]
    target_date: date | None
    target_share: float
    proposed: list[tuple[date, float]]

    @property
    def target_line(self) -> list[tuple[date, float]]:
        if not self.points or self.target_date is None:
            return []
        return [self.points[0], (self.target_date, self.target_share)]


def share_chart(session: Session, pupil_id: int) -> ShareChart:
    history = share_history(session, pupil_id, include_proposed=True)
    goal = get_goal(session, pupil_id)
    accepted = [
        (r.effective_date, r.share.mainstream_share)
        for r in history
        if r.status is VersionStatus.ACCEPTED
    ]
    proposed = [
        (r.effective_date, r.share.mainstream_share)
        for r in history
        if r.status is VersionStatus.PROPOSED
    ]
    return ShareChart(
        accepted,
        goal.target_date if goal else None,
        goal.target_share if goal else 1.0,
        proposed,
    )
