"""The fixed amendment reasons apdesk itself writes, and how a reader sees a stored reason.

A mark's reason is part of a legal register, so the fixed ones are stored in English and the
record never changes language with whoever happened to be using the app; they are put in the
reader's language only when shown. A reason a person typed is shown as typed.
"""

from __future__ import annotations

from apdesk.i18n import N_, _

PROVIDER_RETURN = "Provider return"  # stored with the file's name after it
UNDONE = N_("Undone")
REDONE = N_("Redone")


def provider_return_reason(filename: str) -> str:
    """What a return's amendments store when the importer gave no reason of their own."""
    return f"{PROVIDER_RETURN} {filename}".strip()


def reason_text(stored: str) -> str:
    """A stored reason in the reader's language: the fixed ones translated (a return's keeps
    its file name), anything a person typed as it was typed."""
    if stored in (UNDONE, REDONE):
        return _(stored)
    if stored == PROVIDER_RETURN:
        return _("Provider return")
    if stored.startswith(PROVIDER_RETURN + " "):
        filename = stored[len(PROVIDER_RETURN) + 1 :]
        return _("Provider return {file}").format(file=filename)
    return stored
