"""Dates as people type them: day first in the UK and Poland, any separator, short years.

Qt-free so it is tested on its own. `parse_typed_date("11/1/27")` is 11 January 2027 in
en_GB; `2027-01-11` is read as ISO everywhere. A two-digit year is in this century unless that
would put it more than ten years ahead, so a date of birth "3/4/98" is 1998.
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import get_date_format

from apdesk.i18n import DATE_STYLE, _, current_locale

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_PARTS = re.compile(r"^\s*(\d{1,4})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{1,4})\s*$")
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$")  # 11012027 or 110127


class DateTextError(ValueError):
    """The text is not a date; the message says how to type one."""


def _babel(locale: str) -> str:
    return "en_GB" if locale.startswith("en_") else locale


def day_first(locale: str | None = None) -> bool:
    pattern = get_date_format("short", locale=_babel(locale or current_locale())).pattern
    return pattern.find("d") < pattern.find("M")


def display_pattern(locale: str | None = None) -> str:
    """The locale's short date with a four-digit year: dd/MM/yyyy, dd.MM.yyyy."""
    pattern = get_date_format("short", locale=_babel(locale or current_locale())).pattern
    separator = next((c for c in pattern if c not in "dMy"), "/")
    parts = ["dd", "MM"] if day_first(locale) else ["MM", "dd"]
    return separator.join([*parts, "yyyy"])


def shown_pattern() -> str:
    """The on-screen date style as a Qt display format ("d MMMM yyyy"), for a date box that
    reads like every other date on screen: "7 December 2026", "7 grudnia 2026"."""
    return DATE_STYLE.replace("y", "yyyy") if "yyyy" not in DATE_STYLE else DATE_STYLE


def format_typed_date(value: date, locale: str | None = None) -> str:
    pattern = display_pattern(locale)
    return (
        pattern.replace("dd", f"{value.day:02d}")
        .replace("MM", f"{value.month:02d}")
        .replace("yyyy", f"{value.year:04d}")
    )


def example(locale: str | None = None) -> str:
    return format_typed_date(date(2027, 1, 11), locale)


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000
        if year > today.year + 10:
            year -= 100
    return year


def parse_typed_date(text: str, today: date | None = None, locale: str | None = None) -> date:
    """The date `text` names; raises DateTextError with a sentence saying how to type one."""
    today = today or date.today()
    found = _ISO.match(text)
    if found:
        y, m, d = found.groups()
        return _make(int(y), int(m), int(d), text, locale)
    found = _PARTS.match(text) or _COMPACT.match(text)
    if found is None:
        raise DateTextError(
            _("“{text}” is not a date: type it like {example}").format(
                text=text.strip(), example=example(locale)
            )
        )
    first, second, third = found.groups()
    if len(first) == 4:  # 2027/01/11
        return _make(int(first), int(second), int(third), text, locale)
    day, month = (first, second) if day_first(locale) else (second, first)
    return _make(_year(third, today), int(month), int(day), text, locale)


def _make(year: int, month: int, day: int, text: str, locale: str | None) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            _("“{text}” is not a day of the calendar: type it like {example}").format(
                text=text.strip(), example=example(locale)
            )
        ) from None
