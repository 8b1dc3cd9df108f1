"""The register grid: AP pupils down the side, school days across, an AM and a PM cell each.

Plain rows for the GUI's table model: which cells the pupil is expected at a provider
(shaded), which are missing a mark that is due (highlighted) and which were amended.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import exists, func
from sqlalchemy import select as select_columns
from sqlalchemy.orm import Mapped, aliased
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Provider, Pupil
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import expand, load_patterns
from apdesk.services.attendance.marks import current_only
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.pupils.picks import display_name

CellKey = tuple[int, date, AmPm]


@dataclass
class RegisterCell:
    code: str | None = None
    mark_id: int | None = None
    expected_at_provider: bool = False
    provider_id: int | None = None
    amended: bool = False
    missing: bool = False  # expected at a provider, due (not in the future) and no mark
    provider: str = ""  # the provider expected this session, by name
    placement_code: str = ""  # the register code its placement asks for there (B, D or K)


@dataclass
class RegisterRow:
    pupil_id: int
    upn: str
    name: str
    providers: str  # names of the providers in the range, for the row header


@dataclass
class RegisterGrid:
    days: list[date]
    rows: list[RegisterRow]
    cells: dict[CellKey, RegisterCell]

    def cell(self, pupil_id: int, day: date, half: AmPm) -> RegisterCell:
        return self.cells.get((pupil_id, day, half)) or RegisterCell()


def register_grid(
    session: Session, start: date, end: date, today: date | None = None
) -> RegisterGrid:
    """Pupils with an active or ended placement in start..end, and their marks."""
    today = today or date.today()
    calendar = SchoolCalendar.load(session)
    patterns = load_patterns(session, start, end)
    pupil_ids = sorted({p.pupil_id for p in patterns})
    # Columns, not whole records: a week of a trust's register is thousands of marks.
    who = select_columns(
        col(Pupil.id),
        col(Pupil.upn),
        col(Pupil.forename),
        col(Pupil.surname),
        col(Pupil.preferred_name),
    )
    pupils = {
        pid: (upn, display_name(forename, surname, preferred))
        for pid, upn, forename, surname, preferred in session.connection().execute(
            who.where(_among(col(Pupil.id), pupil_ids))
        )
    }
    names = dict(session.exec(select(Provider.id, Provider.name)).all())
    cells: dict[CellKey, RegisterCell] = {}
    codes = {p.placement_id: p.registration_code for p in patterns}
    for item in expand(patterns, start, end, calendar):
        cells[(item.pupil_id, item.day, item.session)] = RegisterCell(
            expected_at_provider=True,
            provider_id=item.provider_id,
            missing=item.day <= today,
            provider=names.get(item.provider_id, ""),
            placement_code=codes.get(item.placement_id, ""),
        )
    earlier = aliased(AttendanceMark)  # a mark this one replaced: it was amended
    marked = select_columns(
        col(AttendanceMark.id),
        col(AttendanceMark.pupil_id),
        col(AttendanceMark.mark_date),
        col(AttendanceMark.session),
        col(AttendanceMark.code),
        exists().where(col(earlier.superseded_by) == col(AttendanceMark.id)),
    ).where(_among(col(AttendanceMark.pupil_id), pupil_ids))
    for mark_id, pid, day, half, code, amended in session.connection().execute(
        current_only(marked, start, end)
    ):
        cell = cells.setdefault((pid, day, half), RegisterCell())
        cell.code, cell.mark_id, cell.missing = code, mark_id, False
        cell.amended = bool(amended)
    where: dict[int, set[str]] = {}
    for pattern in patterns:
        where.setdefault(pattern.pupil_id, set()).add(names.get(pattern.provider_id, ""))
    rows = []
    for pid in pupil_ids:
        upn, name = pupils[pid]
        rows.append(RegisterRow(pid, upn, name, ", ".join(sorted(where.get(pid, ())))))
    rows.sort(key=lambda r: (r.name.split()[-1], r.name))
    return RegisterGrid(list(calendar.school_days(start, end)), rows, cells)


def _among(column: Mapped[Any], ids: list[int]) -> ColumnElement[bool]:
    """`column` is one of `ids`, sent as one JSON list: a trust's week names thousands of
    pupils, and a parameter for each is compiled into the statement at every read."""
    listed = func.json_each(json.dumps(ids)).table_valued("value")
    return column.in_(select_columns(listed.c.value))
