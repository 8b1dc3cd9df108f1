"""Part-time timetables: pupils with C2 sessions, and whether their arrangement is in order.

A part-time timetable must be agreed with a parent, time-limited and reviewed. The evidence
of one is the C2 code in the register, so pupils are found by their C2 marks (a placement's
short hours alone are not enough: most AP pupils spend their other sessions in school). The
arrangement's dates come from the placement covering the pupil's latest C2 session, else their
latest placement: agreed = family_voice_date (else the start), end = ended_on or end_date,
review = review_date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Placement, Pupil
from apdesk.models.enums import PlacementStatus


@dataclass
class PartTimeEntry:
    pupil_id: int
    upn: str
    name: str
    c2_sessions: int
    first_c2: date
    last_c2: date
    placement_id: int | None = None
    hours_per_week: float | None = None
    agreed_on: date | None = None
    ends_on: date | None = None
    review_on: date | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return bool(self.flags)


def _placement_for(placements: list[Placement], day: date) -> Placement | None:
    def start(p: Placement) -> date:
        return p.started_on or p.start_date or date.min

    covering = [
        p for p in placements if start(p) <= day and ((p.ended_on or p.end_date or date.max) >= day)
    ]
    chosen = covering or placements
    return max(chosen, key=start) if chosen else None


def part_time_pupils(
    session: Session, start: date, end: date, today: date | None = None
) -> list[PartTimeEntry]:
    """Pupils with C2 sessions in start..end, with the arrangement's dates and overdue flags."""
    today = today or date.today()
    query = (
        select(
            col(AttendanceMark.pupil_id),
            func.count(),
            func.min(AttendanceMark.mark_date),
            func.max(AttendanceMark.mark_date),
        )
        .where(col(AttendanceMark.superseded_by).is_(None), AttendanceMark.code == "C2")
        .where(col(AttendanceMark.mark_date) >= start, col(AttendanceMark.mark_date) <= end)
        # Grouped by an expression, not the bare column, so SQLite reads the current marks by
        # date rather than skip-scanning the per-pupil index pupil by pupil (five times slower).
        .group_by(col(AttendanceMark.pupil_id) + 0)
    )
    counts = {pid: (n, first, last) for pid, n, first, last in session.exec(query).all()}
    if not counts:
        return []
    pupils = {p.id: p for p in session.exec(select(Pupil).where(col(Pupil.id).in_(list(counts))))}
    placements: dict[int, list[Placement]] = {}
    for placement in session.exec(
        select(Placement)
        .where(col(Placement.pupil_id).in_(list(counts)))
        .where(col(Placement.status) != PlacementStatus.DRAFT.value)
    ):
        placements.setdefault(placement.pupil_id, []).append(placement)
    entries = []
    for pid, (n, first, last) in counts.items():
        pupil = pupils[pid]
        entry = PartTimeEntry(pid, pupil.upn, pupil.display_name, n, first, last)
        chosen = _placement_for(placements.get(pid, []), last)
        if chosen is not None:
            entry.placement_id = chosen.id
            entry.hours_per_week = chosen.hours_per_week
            entry.agreed_on = chosen.family_voice_date or chosen.started_on or chosen.start_date
            entry.ends_on = chosen.ended_on or chosen.end_date
            entry.review_on = chosen.review_date
        entry.flags = _flags(entry, today)
        entries.append(entry)
    return sorted(entries, key=lambda e: (not e.overdue, e.name))


def _flags(entry: PartTimeEntry, today: date) -> list[str]:
    flags = []
    if entry.agreed_on is None:
        flags.append("no parent agreement recorded")
    if entry.ends_on is None:
        flags.append("no end date: a part-time timetable must be time-limited")
    elif entry.ends_on < today:
        flags.append("end date passed")
    if entry.review_on is None:
        flags.append("no review date")
    elif entry.review_on < today:
        flags.append("review overdue")
    return flags
