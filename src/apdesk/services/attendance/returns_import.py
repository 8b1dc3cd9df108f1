"""Importing a provider's attendance return: all or nothing, amendments keep the original.

Every row is checked before anything is written; one bad row refuses the whole file, with
every error listed as {row, column, message} (row 1 is the first data row). Marks for a pupil
on roll with no placement covering the date are still imported, with a warning: schools
often track a pupil before the placement is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from apdesk.models import AttendanceMark, Pupil, ValidationError
from apdesk.models.codes import normalise_code
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.expected import by_pupil, load_patterns, placement_for
from apdesk.services.attendance.marks import (
    check_minutes_late,
    current_only,
    parse_session,
)
from apdesk.services.attendance.returns_csv import parse_date, read_table
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


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def _parse_rows(
    session: Session, data: bytes, history: bool, today: date, result: ImportResult
) -> list[ReturnRow]:
    columns, rows, problems = read_table(data)
    for problem in problems:
        result.errors.append(_problem(0, "header", problem))
    if problems:
        return []
    roll = session.exec(select(Pupil.id, Pupil.upn, Pupil.on_roll)).all()
    pupils = {upn: (pid, on_roll) for pid, upn, on_roll in roll if pid is not None}
    parsed: list[ReturnRow] = []
    for number, row in enumerate(rows, start=1):
        errors_before = len(result.errors)
        upn = _cell(row, columns, "upn").upper()
        found = pupils.get(upn)
        if not upn:
            result.errors.append(_problem(number, "upn", "the UPN is blank"))
        elif found is None or not found[1]:
            result.errors.append(_problem(number, "upn", f"{upn} is not a pupil on roll"))
        try:
            day = parse_date(_cell(row, columns, "date"))
            if day.weekday() >= 5 or day > today:
                when = "a weekend" if day.weekday() >= 5 else "in the future"
                result.errors.append(_problem(number, "date", f"{day.isoformat()} is {when}"))
        except ValueError as exc:
            result.errors.append(_problem(number, "date", str(exc)))
        half = code = minutes = None
        try:
            half = parse_session(_cell(row, columns, "session"))
        except ValidationError as exc:
            result.errors.append(_problem(number, exc.field, f"{exc.message} ({exc.fix})"))
        try:
            code = normalise_code(_cell(row, columns, "code"), half, history=history)
        except ValidationError as exc:
            result.errors.append(_problem(number, exc.field, f"{exc.message} ({exc.fix})"))
        raw_minutes = _cell(row, columns, "minutes_late")
        if raw_minutes and code is not None:
            try:
                minutes = check_minutes_late(int(raw_minutes), code)
            except ValueError as exc:
                message = exc.message if isinstance(exc, ValidationError) else "not a whole number"
                result.errors.append(_problem(number, "minutes_late", f"{raw_minutes}: {message}"))
        if len(result.errors) == errors_before and found and code and half:
            note = _cell(row, columns, "note")
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
        result.errors.append(_problem(0, "file", "the file has no marks"))
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
                message = (
                    f"{row.upn} {row.day} {row.half} is {earlier.code} in row {earlier.number}"
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
    _warn(session, to_write, result)
    result.amended = sum(1 for r in to_write if (r.pupil_id, r.day, r.half) in existing)
    result.imported = len(to_write) - result.amended
    if not dry_run:
        source = MarkSource.IMPORT if history else MarkSource.PROVIDER
        why = reason.strip() or f"Provider return {filename}".strip()
        amended = write_marks(session, to_write, existing, source, why)
        write_receipt(session, data, filename, result.imported, result.unchanged, amended)
    return result


def _warn(session: Session, rows: list[ReturnRow], result: ImportResult) -> None:
    if not rows:
        return
    start, end = min(r.day for r in rows), max(r.day for r in rows)
    patterns = by_pupil(load_patterns(session, start, end))
    calendar = SchoolCalendar.load(session)
    for row in rows:
        if placement_for(patterns.get(row.pupil_id, []), row.day) is None:
            message = (
                f"{row.upn} has no placement covering {row.day.isoformat()}: "
                "imported anyway; record the placement"
            )
            result.warnings.append(_problem(row.number, "date", message))
        if calendar.is_closed(row.day):
            result.warnings.append(
                _problem(row.number, "date", f"the school was closed on {row.day.isoformat()}")
            )


def import_returns_file(session: Session, path: Path | str, **options: Any) -> ImportResult:
    path = Path(path)
    return import_returns(session, path.read_bytes(), filename=path.name, **options)
