"""The shared second half of every pupil import: check every row, then write all or nothing.

A CSV or CTF reader turns its file into `SourceRow`s (field -> text, only the fields the file
has). This module parses and validates each row, looks for duplicates within the file and
against the register, and writes everything in one transaction only when nothing is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from apdesk.i18n import _, ngettext
from apdesk.models import Pupil
from apdesk.models.errors import ValidationError
from apdesk.models.limits import text_problem
from apdesk.models.types import utcnow
from apdesk.services.imports import values
from apdesk.services.imports.result import Change, ImportResult
from apdesk.services.pupils import FIELD_LABELS, PupilInput, expected_year

MAX_ROWS = 100_000
PARSERS: dict[str, Callable[[str], Any]] = {
    "dob": values.parse_date,
    "gender": values.parse_gender,
    "nc_year": values.parse_year,
    "sen_status": values.parse_sen,
    "looked_after": values.parse_bool,
}
_LABEL_TO_FIELD = {label: name for name, label in FIELD_LABELS.items()}


@dataclass
class SourceRow:
    row: int  # 1 for the first data row
    values: dict[str, str]  # field -> the cell's text; absent fields are left as they are


@dataclass
class _Checked:
    row: int
    data: PupilInput
    present: set[str] = field(default_factory=set)


Pairs = list[tuple[int, Pupil | None, bool]]
"""(row, the pupil, whether the import makes it) for every row; in a dry run a new pupil is
None (it does not exist yet)."""
Extras = Callable[[Session, Pairs, ImportResult], None]
"""Writes what a format carries beyond the pupil's own fields (a CTF's contacts, say), in the
import's transaction. It records its changes in the result, writes nothing when the result is
a dry run (so a dry run reports the same changes), and only warns: it never refuses a row."""


def _key(data: PupilInput) -> tuple[str, str, date | None]:
    return (data.forename.casefold(), data.surname.casefold(), data.dob)


def _parse_row(
    source: SourceRow, column: Callable[[str], str], result: ImportResult, today: date
) -> _Checked | None:
    data = PupilInput()
    failed = False
    for name, text in source.values.items():
        if name == "nc_year" and not text.strip():
            continue  # an empty year cell is worked out from the date of birth, as no column is
        parser = PARSERS.get(name)
        too_long = text_problem(text)
        if too_long:
            result.error(source.row, column(name), too_long)
            failed = True
            continue
        try:
            setattr(data, name, parser(text) if parser else text.strip())
        except ValueError as exc:
            result.error(source.row, column(name), str(exc))
            failed = True
    if failed:
        return None
    inferred = data.nc_year is None and data.dob is not None
    if inferred and data.dob is not None:
        data.nc_year = min(max(expected_year(data.dob, today), 0), 14)
    try:
        data.validate(today)
    except ValidationError as exc:
        name = _LABEL_TO_FIELD.get(exc.field, exc.field)
        message = f"{exc.message}: {exc.fix}" if exc.fix else exc.message
        result.error(source.row, column(name), message)
        return None
    for warning in data.warnings(today):
        result.warn(source.row, column("nc_year"), warning)
    if inferred:
        result.warn(source.row, column("nc_year"), _("no year group: worked out from the DOB"))
    present = set(source.values) - ({"nc_year"} if inferred else set())
    return _Checked(source.row, data, present)


def _check_within_file(
    checked: list[_Checked], column: Callable[[str], str], result: ImportResult
) -> None:
    upns: dict[str, int] = {}
    people: dict[tuple[str, str, date | None], _Checked] = {}
    for item in checked:
        first = upns.setdefault(item.data.upn, item.row)
        if first != item.row:
            result.error(
                item.row,
                column("upn"),
                _("{upn} is also on row {row}: remove one of the two rows").format(
                    upn=item.data.upn, row=first
                ),
            )
            continue
        other = people.setdefault(_key(item.data), item)
        if other is not item:
            result.error(
                item.row,
                column("upn"),
                _(
                    "same name and date of birth as row {row} (UPN {other_upn}) but UPN {upn}: "
                    "correct the UPN or remove the duplicate row"
                ).format(row=other.row, other_upn=other.data.upn, upn=item.data.upn),
            )


def _plan(
    session: Session, checked: list[_Checked], column: Callable[[str], str], result: ImportResult
) -> list[tuple[_Checked, Pupil | None]]:
    """Pair each row with the pupil it updates (matched by UPN), or None for a new pupil."""
    existing = list(session.exec(select(Pupil)))
    by_upn = {p.upn: p for p in existing}
    by_person: dict[tuple[str, str, date | None], Pupil] = {}
    for pupil in existing:
        by_person.setdefault(
            (pupil.forename.casefold(), pupil.surname.casefold(), pupil.dob), pupil
        )
    plan = []
    for item in checked:
        match = by_upn.get(item.data.upn)
        same = by_person.get(_key(item.data))
        if same is not None and same is not match:
            result.error(
                item.row,
                column("upn"),
                _(
                    "{forename} {surname} with this date of birth is already in apdesk with UPN "
                    "{upn}: correct the UPN in the file or in apdesk"
                ).format(forename=item.data.forename, surname=item.data.surname, upn=same.upn),
            )
            continue
        plan.append((item, match))
    return plan


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "label", value) if value is not None else "")


def _changes(plan: list[tuple[_Checked, Pupil | None]], result: ImportResult) -> None:
    """Each value the import changes in a pupil already in apdesk."""
    for item, pupil in plan:
        if pupil is None:
            continue
        for name in sorted(item.present):
            before, after = getattr(pupil, name), getattr(item.data, name)
            if before != after:
                label = _(FIELD_LABELS[name]) if name in FIELD_LABELS else name
                result.changes.append(
                    Change(item.row, pupil.upn, label, _shown(before), _shown(after))
                )


def _write(session: Session, plan: list[tuple[_Checked, Pupil | None]]) -> Pairs:
    pairs: Pairs = []
    for item, found in plan:
        pupil = found
        if pupil is None:
            fields = PupilInput.__dataclass_fields__
            pupil = Pupil(**{name: getattr(item.data, name) for name in fields})
        else:
            for name in item.present:
                setattr(pupil, name, getattr(item.data, name))
            pupil.updated_at = utcnow()
        session.add(pupil)
        pairs.append((item.row, pupil, found is None))
    session.flush()
    return pairs


def run_import(
    session: Session,
    rows: list[SourceRow],
    column: Callable[[str], str],
    result: ImportResult,
    *,
    dry_run: bool = False,
    today: date | None = None,
    extras: Extras | None = None,
) -> ImportResult:
    """Validate every row; write them all, in the caller's transaction, only if none is wrong.

    A refusal writes nothing: the session is rolled back when the store refused a row."""
    today = today or date.today()
    result.dry_run = dry_run
    if len(rows) > MAX_ROWS:
        result.error(
            0,
            "",
            ngettext(
                "the file has {count} row: split it into files of {most}",
                "the file has {count} rows: split it into files of {most}",
                len(rows),
            ).format(count=len(rows), most=MAX_ROWS),
        )
    if not rows and not result.errors:
        result.error(0, "", _("the file has no pupils in it: check you exported the right file"))
    if result.errors:
        return _refused(result)
    checked = [c for c in (_parse_row(r, column, result, today) for r in rows) if c is not None]
    _check_within_file(checked, column, result)
    if result.errors:
        return _refused(result)
    try:
        plan = _plan(session, checked, column, result)
        if not result.errors:
            _changes(plan, result)
        if not result.errors and dry_run and extras is not None:
            extras(session, [(i.row, p, p is None) for i, p in plan], result)
        elif not result.errors and not dry_run:
            pairs = _write(session, plan)
            if extras is not None:
                extras(session, pairs, result)
    except SQLAlchemyError as exc:
        session.rollback()
        result.error(
            0,
            "",
            _("the store refused the import ({problem}): nothing changed").format(
                problem=type(exc).__name__
            ),
        )
        return _refused(result)
    if result.errors:
        return _refused(result)
    result.updated = sum(1 for _item, pupil in plan if pupil is not None)
    result.imported = len(plan) - result.updated
    result.written = not dry_run
    return result


def _refused(result: ImportResult) -> ImportResult:
    result.imported = result.updated = 0
    result.changes.clear()
    result.errors.sort(key=lambda e: e.row)
    return result
