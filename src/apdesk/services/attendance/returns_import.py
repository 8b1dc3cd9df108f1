"""Importing a provider's attendance return: all or nothing, amendments keep the original.

Every row is checked before anything is written; one bad row refuses the whole file, with
every error listed as {row, column, message} (row 1 is the first data row). Marks for a pupil
on roll with no placement covering the date are still imported, with a warning: schools
often track a pupil before the placement is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from apdesk.i18n import _, format_date
from apdesk.models import AttendanceMark, Pupil, ValidationError
from apdesk.models.codes import normalise_code
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.models.limits import text_problem
from apdesk.models.upn import normalise_upn
from apdesk.services.amendment_reasons import provider_return_reason
from apdesk.services.attendance.expected import by_pupil, expecting, load_patterns, placement_for
from apdesk.services.attendance.mark_rules import date_problem, elsewhere_problem
from apdesk.services.attendance.marks import (
    check_minutes_late,
    current_only,
    parse_session,
)
from apdesk.services.attendance.returns_csv import REQUIRED, parse_date, read_table
from apdesk.services.attendance.returns_write import (
    Key,
    ReturnRow,
    write_marks,
    write_receipt,
)
from apdesk.services.calendar import SchoolCalendar


@dataclass
class ImportResult:
    imported: int = 0
    amended: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "amended": self.amended,
            "unchanged": self.unchanged,
            "warnings": self.warnings,
            "errors": self.errors,
        }


def _problem(row: int, column: str, message: str) -> dict[str, Any]:
    return {"row": row, "column": column, "message": message}


Problem = tuple[str, str]  # (column, message)


class _Checks:
    """The date, session and code checks, each distinct cell text checked once per file.

    A return repeats a few dozen dates and a handful of codes over up to 100,000 rows.
    """

    def __init__(self, today: date, history: bool) -> None:
        self.today, self.history = today, history
        self.date = cache(self._date)
        self.session = cache(self._session)
        self.code = cache(self._code)
        self.born = cache(self._born)

    def _date(self, raw: str) -> tuple[date | None, Problem | None]:
        try:
            day = parse_date(raw)
        except ValueError as exc:
            return None, ("date", str(exc))
        if day.weekday() >= 5:
            return None, ("date", _("{day} is a weekend").format(day=format_date(day)))
        if day > self.today:
            return None, ("date", _("{day} is in the future").format(day=format_date(day)))
        problem = date_problem(day, None, self.today)
        if problem:
            return None, ("date", problem)
        return day, None

    def _born(self, day: date, dob: date | None) -> Problem | None:
        problem = date_problem(day, dob, self.today)
        return ("date", problem) if problem else None

    def _session(self, raw: str) -> tuple[AmPm | None, Problem | None]:
        try:
            return parse_session(raw), None
        except ValidationError as exc:
            return None, (exc.field, f"{exc.message} ({exc.fix})")

    def _code(
        self, raw: str, half: AmPm | None, day: date | None
    ) -> tuple[str | None, Problem | None]:
        try:
            return normalise_code(raw, half, history=self.history, day=day), None
        except ValidationError as exc:
            return None, (exc.field, f"{exc.message} ({exc.fix})")


def _parse_rows(
    session: Session, data: bytes, history: bool, today: date, result: ImportResult
) -> list[ReturnRow]:
    columns, rows, problems = read_table(data)
    for problem in problems:
        result.errors.append(_problem(0, "header", problem))
    if problems:
        return []
    query = select(col(Pupil.id), col(Pupil.upn), col(Pupil.on_roll), col(Pupil.dob))
    roll = session.exec(query).all()
    pupils = {upn: (pid, on_roll, dob) for pid, upn, on_roll, dob in roll if pid is not None}
    checks = _Checks(today, history)
    upn_at, date_at, session_at, code_at = (columns[name] for name in REQUIRED)
    minutes_at, note_at = columns.get("minutes_late"), columns.get("note")
    width = max(columns.values()) + 1
    errors = result.errors
    parsed: list[ReturnRow] = []
    for number, row in enumerate(rows, start=1):
        if len(row) < width:  # short rows: the missing cells are blank
            row = row + [""] * (width - len(row))
        errors_before = len(errors)
        upn = normalise_upn(row[upn_at])
        found = pupils.get(upn)
        if not upn:
            errors.append(_problem(number, "upn", _("the UPN is blank")))
        elif found is None or not found[1]:
            errors.append(
                _problem(number, "upn", _("{upn} is not a pupil on roll").format(upn=upn))
            )
        day, issue = checks.date(row[date_at])
        if issue:
            errors.append(_problem(number, *issue))
        if day is not None and found is not None:
            issue = checks.born(day, found[2])
            if issue:
                errors.append(_problem(number, *issue))
        half, issue = checks.session(row[session_at])
        if issue:
            errors.append(_problem(number, *issue))
        code, issue = checks.code(row[code_at], half, day)
        if issue:
            errors.append(_problem(number, *issue))
        minutes = None
        raw_minutes = row[minutes_at].strip() if minutes_at is not None else ""
        if raw_minutes and code is not None:
            try:
                minutes = check_minutes_late(int(raw_minutes), code)
            except ValueError as exc:
                message = (
                    exc.message if isinstance(exc, ValidationError) else _("not a whole number")
                )
                errors.append(_problem(number, "minutes_late", f"{raw_minutes}: {message}"))
        note = row[note_at].strip() if note_at is not None else ""
        wrong = text_problem(note)
        if wrong:
            errors.append(_problem(number, "note", wrong))
        if len(errors) == errors_before and found and day and code and half:
            parsed.append(ReturnRow(number, upn, found[0], day, half, code, minutes, note))
    return parsed


def _existing(session: Session, rows: list[ReturnRow]) -> dict[Key, tuple[int, str]]:
    """Current marks for the file's pupils and dates: one query."""
    start, end = min(r.day for r in rows), max(r.day for r in rows)
    pupil_ids = {r.pupil_id for r in rows}
    columns = sa_select(
        col(AttendanceMark.id),
        col(AttendanceMark.pupil_id),
        col(AttendanceMark.mark_date),
        col(AttendanceMark.session),
        col(AttendanceMark.code),
    )
    query = current_only(columns, start, end, pupil_ids if len(pupil_ids) <= 500 else None)
    return {
        (pid, day, AmPm(half)): (mid, code) for mid, pid, day, half, code in session.exec(query)
    }


def import_returns(
    session: Session,
    data: bytes,
    *,
    filename: str = "",
    dry_run: bool = False,
    history: bool = False,
    reason: str = "",
    today: date | None = None,
) -> ImportResult:
    """Check and (unless dry_run or any error) write a return; the caller's transaction commits."""
    result = ImportResult(dry_run=dry_run)
    today = today or date.today()
    rows = _parse_rows(session, data, history, today, result)
    if not rows and not result.errors:
        result.errors.append(_problem(0, "file", _("the file has no marks")))
    if result.errors:
        return result
    existing = _existing(session, rows)
    seen: dict[Key, ReturnRow] = {}
    to_write: list[ReturnRow] = []
    for row in rows:
        key = (row.pupil_id, row.day, row.half)
        earlier = seen.get(key)
        if earlier is not None:
            if earlier.code != row.code:
                message = _("{upn} {day} {session} is {code} in row {row}").format(
                    upn=row.upn,
                    day=row.day.isoformat(),
                    session=row.half.value,
                    code=earlier.code,
                    row=earlier.number,
                )
                result.errors.append(_problem(row.number, "code", message))
            else:
                result.unchanged += 1
            continue
        seen[key] = row
        current = existing.get(key)
        if current is not None and current[1] == row.code:
            result.unchanged += 1
            continue
        to_write.append(row)
    if result.errors:
        result.unchanged = 0
        return result
    _place(session, to_write, result)
    if result.errors:
        result.unchanged = 0
        return result
    result.amended = sum(1 for r in to_write if (r.pupil_id, r.day, r.half) in existing)
    result.imported = len(to_write) - result.amended
    if not dry_run:
        source = MarkSource.IMPORT if history else MarkSource.PROVIDER
        why = reason.strip() or provider_return_reason(filename)  # stored: stays English
        written = write_marks(session, to_write, existing, source, why)
        write_receipt(
            session,
            data,
            filename,
            result.imported,
            result.unchanged,
            written.amended,
            written.ids,
        )
    return result


def _place(session: Session, rows: list[ReturnRow], result: ImportResult) -> None:
    """Give each row its placement and warn of marks outside any placement or on closed days;
    refuse K for a session of school-arranged AP and B for LA-arranged (an error by row).

    The placement is the one expecting the pupil at that session, else any covering the day.
    """
    if not rows:
        return
    start, end = min(r.day for r in rows), max(r.day for r in rows)
    patterns = by_pupil(load_patterns(session, start, end))
    calendar = SchoolCalendar.load(session)
    closed = {day for day in {r.day for r in rows} if calendar.is_closed(day)}
    warnings = result.warnings
    uncovered = _("{upn} has no placement covering {day}: imported anyway; record the placement")
    closed_on = _("the school was closed on {day}")
    for row in rows:
        own = patterns.get(row.pupil_id)
        pattern = placement_for(own, row.day, row.half) if own else None
        problem = elsewhere_problem(row.code, expecting(own, row.day, row.half) if own else None)
        if problem:
            result.errors.append(_problem(row.number, "code", f"{row.upn}: {problem}"))
        if pattern is None:
            message = uncovered.format(upn=row.upn, day=row.day.isoformat())
            warnings.append(_problem(row.number, "date", message))
        else:
            row.placement_id = pattern.placement_id
        if row.day in closed:
            warnings.append(_problem(row.number, "date", closed_on.format(day=row.day.isoformat())))


def import_returns_file(session: Session, path: Path | str, **options: Any) -> ImportResult:
    path = Path(path)
    return import_returns(session, path.read_bytes(), filename=path.name, **options)
