"""Translation and locale-aware formatting (babel). Every user-facing string goes through `_`."""

from __future__ import annotations

import gettext as _gettext
from datetime import date

from babel.dates import format_date as _babel_format_date

from apdesk.paths import resource_path

DOMAIN = "apdesk"
DEFAULT_LOCALE = "en_GB"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = DEFAULT_LOCALE


def set_locale(locale: str) -> None:
    """Switch catalogs; an unknown locale falls back to the source strings (en_GB)."""
    global _translation, _locale
    _locale = locale
    _translation = _gettext.translation(
        DOMAIN, localedir=str(resource_path("locale")), languages=[locale], fallback=True
    )


def current_locale() -> str:
    return _locale


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def format_date(value: date | None, fmt: str = "d MMMM y") -> str:
    """A date as people in the chosen locale write it (e.g. 3 March 2025); '' for none."""
    if value is None:
        return ""
    return _babel_format_date(value, format=fmt, locale=_locale)


def format_short_date(value: date | None) -> str:
    return format_date(value, "dd/MM/y")
