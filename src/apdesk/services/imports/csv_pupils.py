"""Pupils from a CSV export of any MIS: odd encodings, any common delimiter, any header names.

Reading never raises for a bad file: every problem becomes an error on row 0 (the file) or on
the data row, counted from 1, so the person can open the file and fix it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.services.imports.columns import ColumnMatch, match_columns
from apdesk.services.imports.pipeline import SourceRow, run_import
from apdesk.services.imports.result import ImportResult
from apdesk.services.pupils import FIELD_LABELS

DELIMITERS = ",;\t|"
MAX_FIELD = 1_000_000
SAVE_AS_CSV = "save it from the MIS or spreadsheet as CSV (UTF-8)"


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM or obvious NULs, else Windows-1252."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(f"this is a spreadsheet workbook, not CSV: {SAVE_AS_CSV}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileProblem(
                f"the file claims to be UTF-16 but is damaged: {SAVE_AS_CSV}"
            ) from None
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        codec = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise FileProblem(f"the file is not text: {SAVE_AS_CSV}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM, then bytes from another code page
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _delimiter(text: str) -> str:
    """The delimiter used most in the first non-blank line (MIS exports are consistent)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_records(data: bytes) -> list[list[str]]:
    """Every record as a list of cells, header first; blank records kept as []."""
    text = decode(data)
    if "\x00" in text:
        raise FileProblem(f"the file has NUL characters, so it is not plain text: {SAVE_AS_CSV}")
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        return [[cell.strip() for cell in record] for record in reader]
    except csv.Error as exc:
        raise FileProblem(f"the file is not valid CSV ({exc}): {SAVE_AS_CSV}") from None
    finally:
        csv.field_size_limit(previous)


@dataclass
class CsvPreview:
    """What the GUI's mapping step shows: the headers, what each was matched to, a few rows."""

    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header -> field name
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields with no column
    sample: list[list[str]] = field(default_factory=list)
    problem: str = ""  # set when the file cannot be read at all


def _split(records: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    for index, record in enumerate(records):
        if any(record):
            return record, records[index + 1 :]
    raise FileProblem("the file is empty: export the pupils again with a header row")


def preview_csv(data: bytes, column_map: dict[str, str] | None = None, rows: int = 5) -> CsvPreview:
    try:
        headers, body = _split(read_records(data))
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


def _source_rows(match: ColumnMatch, body: list[list[str]]) -> list[SourceRow]:
    rows = []
    for number, record in enumerate(body, start=1):
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
        headers, body = _split(read_records(data))
    except FileProblem as exc:
        result.error(0, "", str(exc))
        return result
    match = match_columns(headers, column_map)
    result.unknown_columns = list(match.unknown)
    for header in match.unknown:
        result.warn(0, header, "not a column apdesk knows: map it to a field or leave it out")
    for header, name in match.shadowed:
        result.warn(0, header, f"left out: another column already gives the {FIELD_LABELS[name]}")
    for name in match.missing:
        result.error(
            0,
            FIELD_LABELS[name],
            f"no column for the pupil's {FIELD_LABELS[name]}: add one to the export, "
            "or map one of the unknown columns to it",
        )
    return run_import(
        session, _source_rows(match, body), match.header_for, result, dry_run=dry_run, today=today
    )
