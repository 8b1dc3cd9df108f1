"""Reading a provider's return: decoding, the delimiter, and header names matched flexibly.

Providers send whatever their own system or spreadsheet writes, so the header may say
"UPN", "Date", "AM/PM", "Mark" or "Comment"; a file with no header at all is read by position.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache

from apdesk.i18n import _
from apdesk.models.column_words import column_label
from apdesk.services.csv_text import CsvProblem, decode, read_rows

FIELDS = ("upn", "date", "session", "code", "minutes_late", "note")
REQUIRED = ("upn", "date", "session", "code")
ALIASES = {
    "upn": ("upn", "uniquepupilnumber", "pupilupn", "pupilnumber"),
    "date": ("date", "markdate", "sessiondate", "day", "attendancedate"),
    "session": ("session", "ampm", "sess", "period", "amorpm"),
    "code": ("code", "mark", "attendancecode", "attendancemark", "registermark"),
    "minutes_late": ("minuteslate", "minslate", "lateminutes", "late", "minutes"),
    "note": ("note", "notes", "comment", "comments", "remark", "remarks"),
}
_STORED_AS = {"date": "mark_date"}  # a return's column -> the mark's column of the same words


def column_words(column: str) -> str:
    """A return's column in the words the register uses ("Code", "Minutes late"), never the
    import's own name for it ("code", "minutes_late")."""
    if column == "header":
        return _("The file's first row (its column names)")
    if not column:
        return _("The file")
    return column_label(_STORED_AS.get(column, column), "attendancemark")


def problem_place(row: int, column: str) -> str:
    """Where a return's problem is: "Row 3, Code", or the file or its first row."""
    words = column_words(column)
    return _("Row {row}, {column}").format(row=row, column=words) if row else words


_LOOKUP = {alias: field for field, names in ALIASES.items() for alias in names}
_UPN_LIKE = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def read_table(data: bytes) -> tuple[dict[str, int], list[list[str]], list[str]]:
    """(column index by field, data rows, file or header problems). Blank lines are dropped."""
    try:
        text = decode(data)
        sample = text[:4096]
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                sample, delimiters=",;\t"
            )
        except csv.Error:
            dialect = csv.excel
        rows = [row for row in read_rows(text, dialect) if "".join(row).strip()]
    except CsvProblem as exc:
        return {}, [], [str(exc)]
    if not rows:
        return {}, [], [_("the file has no rows")]
    first = [cell.strip() for cell in rows[0]]
    if first and _UPN_LIKE.match(first[0].upper()):  # no header: columns in the documented order
        return {name: i for i, name in enumerate(FIELDS)}, rows, []
    columns: dict[str, int] = {}
    for index, cell in enumerate(first):
        field = _LOOKUP.get(_key(cell))
        if field and field not in columns:
            columns[field] = index
    found = ", ".join(first) or _("none")
    problems = [  # the name is the column's header, written as the file should write it
        _("no {name} column (header names found: {found})").format(name=name, found=found)
        for name in REQUIRED
        if name not in columns
    ]
    return columns, rows[1:], problems


@lru_cache(maxsize=4096)
def parse_date(raw: str) -> date:
    """ISO (2025-01-31) or British day first (31/01/2025); cached, as returns repeat dates.

    Only dates are cached: the error is worded afresh, in the language chosen when raised."""
    text = raw.strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    found = _DMY.match(text)
    if found:
        try:
            return date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            pass
    raise ValueError(
        _("'{text}' is not a date: use YYYY-MM-DD or DD/MM/YYYY").format(text=text or _("(blank)"))
    )
