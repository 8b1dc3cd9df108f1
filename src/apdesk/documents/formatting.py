"""How values read on paper: dates, percentages, money, hours and sessions, in plain English."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from babel.numbers import format_currency

from apdesk.i18n import _, current_locale, format_date, format_percent
from apdesk.models.value_words import reason_labels as reason_labels
from apdesk.models.value_words import sessions_pattern as sessions_pattern


def not_recorded() -> str:
    """What an empty field says, so the reader sees what is missing rather than a blank."""
    return _("Not recorded")


def text_or_missing(value: str | None) -> str:
    return value.strip() if value and value.strip() else not_recorded()


def date_or_missing(value: date | None) -> str:
    return format_date(value) if value else not_recorded()


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def percent(value: float | None) -> str:
    """Attendance is stored as a fraction (0.873); an older value may already be a percentage."""
    if value is None:
        return not_recorded()
    share = value * 100 if value <= 1 else value
    return format_percent(share / 100, 1)


def hours(value: float | None) -> str:
    if not value:
        return not_recorded()
    return f"{value:g}"


def money(pence: int) -> str:
    return format_currency(pence / 100, "GBP", locale=current_locale())


def join_nonempty(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def clock(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else ""


def session_times(
    start: time | None, end: time | None, break_start: time | None, break_end: time | None
) -> str:
    """Clock times as a notice prints them: '09:15 to 15:00 (break 12:00 to 12:45)'."""
    if start is None and end is None:
        return ""
    text = _("{start} to {end}").format(start=clock(start) or "?", end=clock(end) or "?")
    if break_start is not None and break_end is not None:
        text += " " + _("(break {start} to {end})").format(
            start=clock(break_start), end=clock(break_end)
        )
    return text
