"""Translation and locale-aware formatting (babel). Every user-facing string goes through `_`.

Catalogs live in `resources/locale/<locale>/LC_MESSAGES/apdesk.mo` (see docs/translations.md).
`en_XA` is a pseudo-locale made on the fly: every string comes back about 40% longer and
accented, so a layout that clips or a string nobody marked for translation shows at a glance.
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.dates import format_time as _babel_format_time
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_format_percent

from apdesk.paths import resource_path

DOMAIN = "apdesk"
DEFAULT_LOCALE = "en_GB"
PSEUDO_LOCALE = "en_XA"
SECOND_LOCALE = "pl_PL"

# Shown in the language chooser, each in its own language so anyone can find theirs.
LANGUAGE_NAMES: dict[str, str] = {
    DEFAULT_LOCALE: "English (United Kingdom)",
    SECOND_LOCALE: "Polski (Polska)",
    PSEUDO_LOCALE: "Pseudo-locale (layout testing)",
}

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = DEFAULT_LOCALE
_listeners: list[Callable[[str], None]] = []


def N_(message: str) -> str:
    """Marks a string for extraction without translating it yet (shown later through `_`)."""
    return message


def available_locales() -> list[str]:
    """The source locale, every locale with a compiled catalog, and the pseudo-locale."""
    found = [DEFAULT_LOCALE]
    root = resource_path("locale")
    if root.is_dir():
        for mo in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")):
            name = mo.parent.parent.name
            if name not in found:
                found.append(name)
    found.append(PSEUDO_LOCALE)
    return found


@lru_cache(maxsize=8)
def _babel_locale(locale: str) -> Locale:
    """The locale babel formats with: the pseudo-locale formats like the source. Parsed once:
    babel parses a locale's name on every call it is given as text, and a list of 2,000 rows
    formats a number or a date in every line it draws."""
    return Locale.parse(DEFAULT_LOCALE if locale == PSEUDO_LOCALE else locale)


class PseudoTranslations(_gettext.NullTranslations):
    """Accents every letter and pads by ~40%, keeping {placeholders}, %s, <tags> and &mnemonics."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_ACCENTS = str.maketrans("AaCcEeIiNnOoSsUuYyZzLlGg", "ÅåÇçÉéÎîÑñÖöŠšÛûÝýŽžĽľĞğ")


def pseudo(message: str) -> str:
    """The pseudo-locale's version of `message`; markup and placeholders stay intact."""
    if not message:
        return message
    out: list[str] = []
    depth = 0
    for ch in message:
        if ch in "{<":
            depth += 1
        if depth:
            out.append(ch)
        else:
            out.append(ch.translate(_ACCENTS))
        if ch in "}>" and depth:
            depth -= 1
    letters = sum(1 for ch in message if ch.isalpha())
    pad = "·" * max(1, round(letters * 0.4))
    text = "".join(out)
    if "\n" in text:  # keep line structure: pad the first line only
        first, rest = text.split("\n", 1)
        return f"[{first}{pad}]\n{rest}"
    return f"[{text}{pad}]"


def set_locale(locale: str) -> None:
    """Switch catalogs; an unknown locale falls back to the source strings (en_GB)."""
    global _translation, _locale
    if locale == PSEUDO_LOCALE:
        _translation = PseudoTranslations()
    else:
        try:
            Locale.parse(locale)
        except (UnknownLocaleError, ValueError):
            locale = DEFAULT_LOCALE
        _translation = _gettext.translation(
            DOMAIN, localedir=str(resource_path("locale")), languages=[locale], fallback=True
        )
    _locale = locale
    for listener in list(_listeners):
        listener(locale)


def on_locale_changed(listener: Callable[[str], None]) -> None:
    """Called after every `set_locale`. The PDF fonts listen from the moment they are imported
    (and read the locale then), so i18n never imports the documents."""
    if listener not in _listeners:
        _listeners.append(listener)


def current_locale() -> str:
    return _locale


def needs_unicode_font(locale: str | None = None) -> bool:
    """True when the locale's text may hold letters outside Latin-1 (ł, ś, ă, ș, pseudo accents)."""
    return (locale or _locale) not in (DEFAULT_LOCALE, "en", "en_US", "C")


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


DATE_STYLE = "d MMMM y"
"""The one on-screen date style (3 March 2025), a CLDR pattern."""


def format_date(value: date | None, fmt: str = DATE_STYLE) -> str:
    """A date as people in the chosen locale write it (e.g. 3 March 2025); '' for none."""
    if value is None:
        return ""
    return _date_text(value, fmt, _locale)


@lru_cache(maxsize=8192)
def _date_text(value: date, fmt: str, locale: str) -> str:
    """Babel takes about a tenth of a millisecond a date; tables word their dates each time
    they are painted, and show the same few hundred dates again and again."""
    return _babel_format_date(value, format=fmt, locale=_babel_locale(locale))


def format_date_time(value: datetime | None, seconds: bool = True) -> str:
    """A moment in local time: the one on-screen date style with the 24-hour clock
    (3 March 2025 14:05:09); '' for none. A naive value is taken as local time already."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    clock = _babel_format_time(
        local.time(), "HH:mm:ss" if seconds else "HH:mm", locale=_babel_locale(_locale)
    )
    return f"{format_date(local.date())} {clock}"


_ISO_TEXT = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$"
)


def format_iso_text(text: str) -> str:
    """A date or moment a record keeps as ISO text ("2015-02-13", "2026-12-07T13:56:59+00:00")
    in the one date style, a moment in local time to the second; other text unchanged. Records
    exported or logged as JSON hold their dates so, and people read them in words."""
    if not _ISO_TEXT.match(text):
        return text
    try:
        if len(text) == 10:
            return format_date(date.fromisoformat(text))
        return format_date_time(datetime.fromisoformat(text))
    except ValueError:  # shaped like a date, but no such day
        return text


def format_number(value: float | int, decimals: int | None = None) -> str:
    """A number with the locale's grouping and decimal mark (1,234.5 / 1 234,5)."""
    fmt = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=fmt, locale=_babel_locale(_locale))


def format_percent(fraction: float, decimals: int = 0) -> str:
    """`fraction` (0.905) as a percentage in the locale's style (90.5% / 90,5%)."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return _babel_format_percent(fraction, format=fmt, locale=_babel_locale(_locale))


def first_weekday() -> int:
    """The locale's first day of the week, 0 = Monday (babel's numbering)."""
    return int(_babel_locale(_locale).first_week_day)
