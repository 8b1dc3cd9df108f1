"""What lowering an IAP group's capacity would leave over-full: the periods where saved
timetables (in force now or starting later) already place more pupils in the base, named, so
the person can move pupils first or keep the lower number knowingly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from apdesk.i18n import _, ngettext
from apdesk.models import Pupil, TimetableVersion
from apdesk.models.errors import ValidationError
from apdesk.models.timetable_grid import CellKey
from apdesk.services.timetables.grid import cell_name, sort_key
from apdesk.services.timetables.groups import pupils_in_base
from apdesk.services.timetables.structure import load_structure

SHOWN = 3  # periods named in the message; the rest are counted


@dataclass
class FullPeriod:
    key: CellKey
    name: str  # "Mon Period 2"
    pupils: list[str] = field(default_factory=list)


def over_capacity(session: Session, group_id: int, capacity: int, today: date) -> list[FullPeriod]:
    """Periods where saved timetables put more than `capacity` pupils in the group's base."""
    starts = session.exec(
        select(col(TimetableVersion.effective_date))
        .where(col(TimetableVersion.group_id) == group_id)
        .where(col(TimetableVersion.effective_date) > today)
        .distinct()
    ).all()
    structure = load_structure(session)
    names: dict[int, str] = {}
    worst: dict[CellKey, set[int]] = {}
    for day in sorted({today, *starts}):
        for key, entries in pupils_in_base(session, group_id, day).items():
            pupils = {pid for pid, _activity in entries}
            if len(pupils) > max(capacity, len(worst.get(key, ()))):
                worst[key] = pupils
    found = []
    for key in sorted(worst, key=sort_key):
        named: list[str] = []
        for pid in sorted(worst[key]):
            if pid not in names:
                pupil = session.get(Pupil, pid)
                names[pid] = pupil.display_name if pupil else str(pid)
            named.append(names[pid])
        found.append(FullPeriod(key, cell_name(key, structure), sorted(named)))
    return found


class OverCapacity(ValidationError):
    """Saved timetables already fill the base beyond the capacity asked for."""

    def __init__(self, full: list[FullPeriod], capacity: int) -> None:
        self.full = full
        most = max(len(f.pupils) for f in full)
        said = "; ".join(
            _("{period}: {names}").format(period=f.name, names=", ".join(f.pupils))
            for f in full[:SHOWN]
        )
        more = len(full) - SHOWN
        if more > 0:
            said += "; " + ngettext("and {n} more period", "and {n} more periods", more).format(
                n=more
            )
        super().__init__(
            _("Capacity"),
            ngettext(
                "{capacity} is fewer than saved timetables place in the base in {n} period: {said}",
                "{capacity} is fewer than saved timetables place in the base in {n} periods: "
                "{said}",
                len(full),
            ).format(capacity=capacity, n=len(full), said=said),
            _(
                "move pupils to other sessions first, keep a capacity of {most}, or save again "
                "to keep {capacity} and see those periods flagged as over capacity"
            ).format(most=most, capacity=capacity),
        )
