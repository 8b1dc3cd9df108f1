"""How long a piece of typed text may be: long enough for a real safeguarding note, too short
for a pasted file or a runaway import to bloat the store or a report.

MAX_TEXT is about 8,000 words, some twenty printed pages. Every text field of every record is
held to it when the record is saved (apdesk.store.limits); imports check it per row so the
person learns which row and column to fix.
"""

from __future__ import annotations

MAX_TEXT = 50_000  # characters in any one text field


def text_problem(value: str) -> str | None:
    """Why `value` cannot be kept as typed text, or None."""
    if len(value) > MAX_TEXT:
        return (
            f"is {len(value):,} characters long: keep it under {MAX_TEXT:,} (about 8,000 "
            "words), and attach a longer document as a file"
        )
    if "\x00" in value:
        return "holds a NUL character, so it is not text: type or paste it again"
    return None
