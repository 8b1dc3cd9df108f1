"""What a new school day or cycle would do to the timetables already saved.

A timetable's slots name a week of the cycle and a period number. Removing a period, turning a
lesson into a break or lunch, or going from two weeks to one leaves slots with nowhere to be:
the person is told which timetables and how, before anything is saved, and saving anyway drops
those slots (each version's other slots, and its history, stay)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from apdesk.i18n import _, ngettext
from apdesk.models import Pupil, TimetableSlot, TimetableVersion
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import PeriodDef
from apdesk.models.timetable_plan import PeriodKind


@dataclass
class StructureBreak:
    """Slots the new day has no room for, with the pupils whose timetables hold them."""

    reason: str  # in words: "Period 6 is removed"
    slot_ids: list[int] = field(default_factory=list)
    pupils: list[str] = field(default_factory=list)

    def describe(self) -> str:
        names = ", ".join(self.pupils[:4])
        more = len(self.pupils) - 4
        if more > 0:
            names += " " + _("and {n} more").format(n=more)
        return ngettext(
            "{reason}: {n} slot in the timetables of {names} would be dropped",
            "{reason}: {n} slots in the timetables of {names} would be dropped",
            len(self.slot_ids),
        ).format(reason=self.reason, n=len(self.slot_ids), names=names)


def structure_breaks(
    session: Session, periods: Sequence[PeriodDef], cycle_weeks: int
) -> list[StructureBreak]:
    """What saving `periods` and `cycle_weeks` would break (a read)."""
    lessons = {p.number for p in periods if p.kind is PeriodKind.LESSON}
    known = {p.number: p for p in periods}
    rows = session.exec(
        select(TimetableSlot, Pupil)
        .join(TimetableVersion, col(TimetableVersion.id) == col(TimetableSlot.version_id))
        .join(Pupil, col(Pupil.id) == col(TimetableVersion.pupil_id))
    ).all()
    found: dict[str, StructureBreak] = {}
    pupils: dict[str, set[str]] = defaultdict(set)
    for slot, pupil in rows:
        slot_id, week, period = slot.id, slot.week, slot.period
        forename, preferred, surname = pupil.forename, pupil.preferred_name, pupil.surname
        if week > cycle_weeks:
            reason = _("Week {week} is no longer in the cycle").format(week=week)
        elif period not in known:
            reason = _("Period {n} is removed").format(n=period)
        elif period not in lessons:
            reason = _("{label} is no longer a lesson").format(label=known[period].label or period)
        else:
            continue
        item = found.setdefault(reason, StructureBreak(reason))
        item.slot_ids.append(slot_id or 0)
        pupils[reason].add(f"{preferred or forename} {surname}")
    for reason, item in found.items():
        item.pupils = sorted(pupils[reason])
    return list(found.values())


def refuse_breaks(breaks: Sequence[StructureBreak]) -> None:
    if breaks:
        raise ValidationError(
            _("School day"),
            "; ".join(b.describe() for b in breaks),
            _("save again to confirm, or keep those periods"),
        )


def drop_broken_slots(session: Session, breaks: Sequence[StructureBreak]) -> int:
    """Delete the slots the new day has no room for, through the session's flush: each gets an
    audit row and, on a shared store, a tombstone that takes the delete to the other laptops
    (and frees its sharing row, so a slot made later under the same id is a new record)."""
    ids = [slot_id for item in breaks for slot_id in item.slot_ids]
    if not ids:
        return 0
    slots = session.exec(select(TimetableSlot).where(col(TimetableSlot.id).in_(ids))).all()
    for slot in slots:
        session.delete(slot)
    session.flush()
    return len(slots)
