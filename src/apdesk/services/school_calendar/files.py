"""Read a calendar file, iCalendar or CSV, by its content (the name may lie)."""

from __future__ import annotations

from pathlib import Path

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.school_calendar.csv_file import parse_csv
from apdesk.services.school_calendar.entries import ParsedCalendar
from apdesk.services.school_calendar.ics import parse_ics

LARGEST_FILE = 2 * 1024 * 1024  # a year's term dates are a few kilobytes


def read_calendar_file(path: Path) -> ParsedCalendar:
    """The file's entries; a ValidationError naming the problem when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > LARGEST_FILE:
            raise ValidationError(
                _("File"),
                _("is {n} MB, too large for term dates").format(n=size // (1024 * 1024)),
                _("choose the .ics or .csv file of term dates"),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            _("File"),
            _("cannot be read ({why})").format(why=exc.strerror or exc),
            _("check the file name and that it is not open elsewhere"),
        ) from None
    return parse_calendar(data)


def parse_calendar(data: bytes) -> ParsedCalendar:
    if data.lstrip(b"\xef\xbb\xbf \r\n\t").upper().startswith(b"BEGIN:VCALENDAR"):
        return parse_ics(data)
    return parse_csv(data)
