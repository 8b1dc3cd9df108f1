"""Pupil imports from MIS files: CSV exports and common transfer files (CTF), all or nothing.

A check is a read, the import itself the `import_pupils` operation:
result = store.read(import_pupils, data, filename="pupils.csv", dry_run=True)
if result.ok: store.run(operations.pupils.import_pupils, data, filename="pupils.csv")
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.services.imports.columns import ALIASES, REQUIRED, match_columns
from apdesk.services.imports.csv_pupils import CsvPreview, import_csv, preview_csv
from apdesk.services.imports.ctf import import_ctf, looks_like_ctf
from apdesk.services.imports.result import ImportResult, RowError

MAX_BYTES = 50 * 1024 * 1024

__all__ = [
    "ALIASES",
    "REQUIRED",
    "CsvPreview",
    "ImportResult",
    "RowError",
    "detect_format",
    "import_csv",
    "import_ctf",
    "import_pupils",
    "import_pupils_file",
    "match_columns",
    "preview_csv",
]


def detect_format(data: bytes, filename: str = "") -> str:
    """'ctf' or 'csv': by extension first, then by looking at the content."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".xml":
        return "ctf"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    return "ctf" if looks_like_ctf(data) else "csv"


def import_pupils(
    session: Session,
    data: bytes,
    *,
    filename: str = "",
    fmt: str | None = None,
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    """Import pupils from CSV or CTF bytes in the caller's session. Nothing is written unless
    every row is valid, nor ever in a dry run.

    `accept_destination`: the person confirmed a CTF addressed to another school."""
    if len(data) > MAX_BYTES:
        return _too_big(dry_run)
    if (fmt or detect_format(data, filename)) == "ctf":
        return import_ctf(
            session, data, dry_run=dry_run, today=today, accept_destination=accept_destination
        )
    return import_csv(session, data, column_map=column_map, dry_run=dry_run, today=today)


def import_pupils_file(
    session: Session,
    path: Path,
    *,
    column_map: dict[str, str] | None = None,
    dry_run: bool = False,
    today: date | None = None,
    accept_destination: bool = False,
) -> ImportResult:
    """Read `path` and import it; an unreadable file is a row-0 error, not an exception."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return _too_big(dry_run)
        data = path.read_bytes()
    except OSError as exc:
        result = ImportResult(dry_run=dry_run)
        result.error(
            0,
            "",
            _("cannot read {name} ({problem}): check the file name").format(
                name=path.name, problem=exc.strerror
            ),
        )
        return result
    return import_pupils(
        session,
        data,
        filename=path.name,
        column_map=column_map,
        dry_run=dry_run,
        today=today,
        accept_destination=accept_destination,
    )


def _too_big(dry_run: bool) -> ImportResult:
    result = ImportResult(dry_run=dry_run)
    result.error(
        0,
        "",
        _("the file is over {size} MB: split it into smaller files").format(
            size=MAX_BYTES // 2**20
        ),
    )
    return result
