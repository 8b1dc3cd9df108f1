"""The half-day's short name as the reader's language writes it: "AM"/"PM" in English,
"rano"/"po poł." in Polish. The stored value ("AM"/"PM") is never shown as it is."""

from __future__ import annotations

from apdesk.i18n import _
from apdesk.models.enums import Session as AmPm


def half_text(half: AmPm) -> str:
    return _("AM") if half is AmPm.AM else _("PM")
