"""Pupils from a CSV export of any MIS: odd encodings, any common delimiter, any header names.

Reading never raises for a bad file: every problem becomes an error on row 0 (the file) or on
the data row, counted from 1, so the person can open the file and fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.services.csv_text import CsvProblem, decode, read_rows
from apdesk.services.imports.columns import ColumnMatch, field_label, match_columns
from apdesk.services.imports.pipeline import SourceRow, run_import
from apdesk.services.imports.result import ImportResult

DELIMITERS = ",;\t|"
FileProblem = CsvProblem  # the file as a whole cannot be read; the message says what to do


def _delimiter(text: str) -> str:
    """The delimiter used most in the first non-blank line (MIS exports are consistent)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_records(data: bytes) -> list[list[str]]:
    """Every record as a list of cells, header first; blank records kept as []."""
    text = decode(data)
    return [
        [cell.strip() for cell in record] for record in read_rows(text, delimiter=_delimiter(text))
    ]


@dataclass
class CsvPreview:
    """What the GUI's mapping step shows: the headers, what each was matched to, a few rows."""

    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field name
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields with no column
    sample: list[list[str]] = field(default_factory=list)
    problem: str = ""  # set when the file cannot be read at all


def _split(records: list[list[str]]) -> tuple[list[str], list[list[str]], int]:
    """(the header row, the rows under it, the spreadsheet row number of the first of them)."""
    for index, record in enumerate(records):
        if any(record):
            return record, records[index + 1 :], index + 2
    raise FileProblem(_("the file is empty: export the pupils again with a header row"))


def preview_csv(data: bytes, column_map: dict[str, str] | None = None, rows: int = 5) -> CsvPreview:
    try:
        headers, body, _first = _split(read_records(data))
    except FileProblem as exc:
        return CsvPreview(problem=str(exc))
    match = match_columns(headers, column_map)
    return CsvPreview(
        headers=match.headers,
        mapping={match.headers[i]: name for name, i in match.columns.items()},
        unknown=match.unknown,
        missing=match.missing,
        sample=[r for r in body if any(r)][:rows],
    )


def _source_rows(match: ColumnMatch, body: list[list[str]], first: int) -> list[SourceRow]:
    """Numbered as a spreadsheet shows them (the header is row 1), so "Row 4" is the row a
    person finds when they open the file."""
    rows = []
    for number, record in enumerate(body, start=first):
        if not any(record):
            continue
        cells = {
            name: record[index] if index < len(record) else ""
            for name, index in match.columns.items()
        }
        rows.append(SourceRow(number, cells))
    return rows


def import_csv(
    session: Session,
    data: bytes,
    *,
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    today: date | None = None,
) -> ImportResult:
    """Import pupils from CSV bytes; `column_map` maps a file header to a field ("" ignores it)."""
    result = ImportResult(dry_run=dry_run)
    try:
        headers, body, first = _split(read_records(data))
    except FileProblem as exc:
        result.error(0, "", str(exc))
        return result
    match = match_columns(headers, column_map)
    result.unknown_columns = list(match.unknown)
    for header in match.unknown:
        result.warn(0, header, _("not a column apdesk knows: map it to a field or leave it out"))
    for header, name in match.shadowed:
        result.warn(
            0,
            header,
            _("left out: another column already gives the {field}").format(field=field_label(name)),
        )
    for name in match.missing:
        result.error(
            0,
            field_label(name),
            _(
                "no column for the pupil's {field}: add one to the export, "
                "or map one of the unknown columns to it"
            ).format(field=field_label(name)),
        )
    return run_import(
        session,
        _source_rows(match, body, first),
        match.header_for,
        result,
        dry_run=dry_run,
        today=today,
    )
