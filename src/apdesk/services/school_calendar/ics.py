"""Term dates from an iCalendar (.ics) file, as many LAs publish them.

All-day events end on the day after their last day (DTEND is exclusive, RFC 5545 3.6.1), so a
half term from Monday 27 October has DTEND on Saturday 1 November. Timed events are read in the
school's time zone (England's), so an event at 23:00 UTC on 2 September in summer time is on 3
September. Terms come either as one event spanning the term or as a "starts" and an "ends"
event, paired in order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.services.school_calendar.classify import TERM_END, TERM_START, classify, term_name
from apdesk.services.school_calendar.entries import (
    TERM,
    CalendarEntry,
    LeftOut,
    ParsedCalendar,
    check_entry,
)

SCHOOL_ZONE = ZoneInfo("Europe/London")


def _local_day(value: Any, zone: ZoneInfo) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating time: already the school's own clock
            return value.date()
        return value.astimezone(zone).date()
    if isinstance(value, date):
        return value
    raise ValueError(f"not a date: {value!r}")


def event_days(event: Any, zone: ZoneInfo = SCHOOL_ZONE) -> tuple[date, date]:
    """The first and last day an event covers, in the school's time zone."""
    start = event.get("DTSTART")
    if start is None:
        raise ValueError("no DTSTART")
    begins = start.dt
    end = event.get("DTEND")
    if end is not None:
        ends = end.dt
    elif event.get("DURATION") is not None:
        ends = begins + event.get("DURATION").dt
    else:
        ends = None
    first = _local_day(begins, zone)
    if ends is None:
        return first, first
    if isinstance(ends, datetime):
        # A timed event ending at midnight does not touch the day it ends on.
        last = _local_day(ends - timedelta(microseconds=1), zone)
    else:
        last = ends - timedelta(days=1)  # an all-day DTEND is the day after
    return first, max(first, last)


def parse_ics(data: bytes, zone: ZoneInfo = SCHOOL_ZONE) -> ParsedCalendar:
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise ValidationError(
            _("File"),
            _("is not an iCalendar file ({why})").format(why=str(exc)[:80]),
            _("export the term dates as .ics, or use a CSV: kind,first day,last day,label"),
        ) from None
    parsed = ParsedCalendar()
    starts: list[tuple[date, str]] = []
    ends: list[tuple[date, str]] = []
    for event in calendar.walk("VEVENT"):
        summary = str(event.get("SUMMARY", "")).strip()
        what = summary or _("(an event with no title)")
        try:
            first, last = event_days(event, zone)
        except (ValueError, TypeError, AttributeError):
            parsed.left_out.append(LeftOut(what, _("its dates could not be read")))
            continue
        if event.get("RRULE") is not None:
            parsed.left_out.append(
                LeftOut(what, _("it repeats; add each date it falls on by hand"))
            )
            continue
        kind = classify(summary, (last - first).days + 1)
        if kind is None:
            parsed.left_out.append(
                LeftOut(what, _("not a term, holiday or closure (from its title)"))
            )
            continue
        if kind == TERM_START:
            starts.append((first, term_name(summary)))
            continue
        if kind == TERM_END:
            ends.append((last, term_name(summary)))
            continue
        label = term_name(summary) if kind == TERM else summary
        reason = str(event.get("DESCRIPTION", "")).strip()[:200] if kind == "unexpected" else ""
        _add(parsed, CalendarEntry(kind, first, last, label, reason), what)
    _pair_terms(parsed, sorted(starts), sorted(ends))
    parsed.entries.sort(key=lambda e: (e.first, e.kind != TERM, e.last))
    return parsed


def _add(parsed: ParsedCalendar, entry: CalendarEntry, what: str) -> None:
    try:
        checked = check_entry(entry)
    except ValidationError as exc:
        parsed.left_out.append(LeftOut(what, str(exc)))
        return
    if not any(checked.same_as(e) for e in parsed.entries):
        parsed.entries.append(checked)


def _pair_terms(
    parsed: ParsedCalendar, starts: list[tuple[date, str]], ends: list[tuple[date, str]]
) -> None:
    """Each "term starts" with the first "term ends" after it."""
    remaining = list(ends)
    for first, name in starts:
        match = next((end for end in remaining if end[0] >= first), None)
        if match is None:
            parsed.left_out.append(
                LeftOut(
                    _("{name} starts {day}").format(name=name, day=first.isoformat()),
                    _("no matching end of term in the file"),
                )
            )
            continue
        remaining.remove(match)
        _add(parsed, CalendarEntry(TERM, first, match[0], name), name)
    for last, name in remaining:
        parsed.left_out.append(
            LeftOut(
                _("{name} ends {day}").format(name=name, day=last.isoformat()),
                _("no matching start of term in the file"),
            )
        )
