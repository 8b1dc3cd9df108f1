"""The school calendar: terms and closures, read from files, shown by year, and what a change
to them does to expected sessions, notices and review dates."""

from apdesk.services.school_calendar.entries import (
    KIND_LABELS,
    TERM,
    CalendarEntry,
    LeftOut,
    ParsedCalendar,
    check_entry,
)
from apdesk.services.school_calendar.files import read_calendar_file

__all__ = [
    "KIND_LABELS",
    "TERM",
    "CalendarEntry",
    "LeftOut",
    "ParsedCalendar",
    "check_entry",
    "read_calendar_file",
]
