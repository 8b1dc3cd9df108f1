"""How long a piece of typed text may be: long enough for a real safeguarding note, too short
for a pasted file or a runaway import to bloat the store or a report.

MAX_TEXT is about 8,000 words, some twenty printed pages. Every text field of every record is
held to it when the record is saved (apdesk.store.limits); imports check it per row so the
person learns which row and column to fix.
"""

from __future__ import annotations

from apdesk.i18n import _, format_number, ngettext

MAX_TEXT = 50_000  # characters in any one text field


def text_problem(value: str) -> str | None:
    """Why `value` cannot be kept as typed text, in the chosen language, or None."""
    if len(value) > MAX_TEXT:
        return ngettext(
            "is {length} character long: keep it under {limit} (about 8,000 words), and attach "
            "a longer document as a file",
            "is {length} characters long: keep it under {limit} (about 8,000 words), and attach "
            "a longer document as a file",
            len(value),
        ).format(length=format_number(len(value)), limit=format_number(MAX_TEXT))
    if "\x00" in value:
        return _("holds a NUL character, so it is not text: type or paste it again")
    return None
