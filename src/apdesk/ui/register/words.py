"""The half-day's short name as the reader's language writes it: "AM"/"PM" in English,
"rano"/"po poł." in Polish. The stored value ("AM"/"PM") is never shown as it is. And the
register's word about a slip."""

from __future__ import annotations

from apdesk.i18n import _
from apdesk.models.codes import CODES, CodeGroup
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.register import RegisterCell


def half_text(half: AmPm) -> str:
    return _("AM") if half is AmPm.AM else _("PM")


def provider_slip(cell: RegisterCell, name: str, code: str) -> str:
    """A word when a pupil expected at a provider is marked present in school: "/" there is
    the commonest slip in an AP register, and the census then counts the wrong setting. It
    names the provider of that session and the code its placement asks for."""
    entry = CODES.get(code)
    if not cell.expected_at_provider or entry is None or entry.group is not CodeGroup.PRESENT:
        return ""
    return " " + _(
        "{name} is expected at {provider} this session, whose placement is marked {wanted}, "
        "not {code}: type {wanted}, or Ctrl+Z to take it back."
    ).format(name=name, provider=cell.provider, wanted=cell.placement_code or "B", code=code)
