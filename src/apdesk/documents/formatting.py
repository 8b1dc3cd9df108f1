"""How values read on paper: dates, percentages, money, hours and sessions, in plain English."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from babel.numbers import format_currency

from apdesk.i18n import _, current_locale, format_date, format_percent
from apdesk.models.enums import NeedCategory, Session, Weekday


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


def sessions_pattern(sessions: Iterable[str]) -> str:
    """["MON_AM", "MON_PM", "WED_AM"] -> "Monday morning and afternoon; Wednesday morning"."""
    by_day: dict[str, set[str]] = {}
    for token in sessions:
        day, _sep, half = str(token).upper().partition("_")
        if day in Weekday.__members__ and half in Session.__members__:
            by_day.setdefault(day, set()).add(half)
    parts = []
    joiner = " " + _("and") + " "  # outside the f-string, so the catalogue holds it
    for day in Weekday:
        halves = by_day.get(day.value)
        if not halves:
            continue
        words = [_(Session(h).label).lower() for h in ("AM", "PM") if h in halves]
        parts.append(f"{_(day.label)} " + joiner.join(words))
    return "; ".join(parts)


def reason_labels(values: Iterable[str]) -> list[str]:
    """Need categories by their labels; anything else typed in is kept as written."""
    labels = []
    for value in values:
        try:
            labels.append(_(NeedCategory(value).label))
        except ValueError:
            if str(value).strip():
                labels.append(str(value).strip())
    return labels


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
