"""Term dates from a simple CSV: `kind,first day,last day,label[,reason]`, one line each.

Kinds: term, holiday, inset, bank_holiday, closure, unexpected (or their names: "INSET day",
"Bank holiday"...). Dates as 2025-10-27 or 27/10/2025; a blank last day is the first day. The
first line may be a header. Any bad row stops the whole import, naming the row and column.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.school_calendar.entries import (
    KIND_LABELS,
    CalendarEntry,
    ParsedCalendar,
    check_entry,
)

HEADER_WORDS = {"kind", "type", "first", "start", "first day", "start date"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y")


def _kind(text: str) -> str | None:
    wanted = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    for kind, label in KIND_LABELS.items():
        if wanted in (kind.replace("_", " "), label.lower()):
            return kind
    aliases = {"half term": "holiday", "school holiday": "holiday", "inset day": "inset"}
    return aliases.get(wanted)


def _date(text: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _fail(row: int, column: str, problem: str, fix: str) -> ValidationError:
    return ValidationError(_("Row {row}, {column}").format(row=row, column=column), problem, fix)


def parse_csv(data: bytes) -> ParsedCalendar:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    parsed = ParsedCalendar()
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].lower() in HEADER_WORDS:
            continue
        if len(cells) < 2:
            raise _fail(
                number, _("first day"), _("is missing"), _("write kind,first day,last day,label")
            )
        kind = _kind(cells[0])
        if kind is None:
            raise _fail(
                number,
                _("kind"),
                _("'{text}' is not a kind of entry").format(text=cells[0]),
                _("use one of: {kinds}").format(kinds=", ".join(KIND_LABELS)),
            )
        first = _date(cells[1])
        if first is None:
            raise _fail(
                number,
                _("first day"),
                _("'{text}' is not a date").format(text=cells[1]),
                _("write it as 2025-10-27 or 27/10/2025"),
            )
        last_text = cells[2] if len(cells) > 2 else ""
        last = _date(last_text) if last_text else first
        if last is None:
            raise _fail(
                number,
                _("last day"),
                _("'{text}' is not a date").format(text=last_text),
                _("write it as 2025-10-31 or 31/10/2025, or leave it blank for one day"),
            )
        label = cells[3] if len(cells) > 3 else ""
        reason = cells[4] if len(cells) > 4 else ""
        try:
            entry = check_entry(CalendarEntry(kind, first, last, label, reason))
        except ValidationError as exc:
            raise _fail(number, exc.field.lower(), exc.message, exc.fix) from None
        if not any(entry.same_as(e) for e in parsed.entries):
            parsed.entries.append(entry)
    if not parsed.entries:
        raise ValidationError(
            _("File"),
            _("holds no calendar entries"),
            _("one line each: kind,first day,last day,label"),
        )
    return parsed
