"""The words a person reads for the field a refusal names.

A `ValidationError`'s field is a key the code matches on ("session", "reason", "Effective
date"), so it stays as raised; only the text shown to a person swaps it for a label in their
language. Fields raised already translated (`_("Pupil")`) are not listed: they show as given.
"""

from __future__ import annotations

from apdesk.i18n import N_, _
from apdesk.models.column_words import column_label

# Keys that are not words a person would write, and what they mean. A key that is a column
# name ("minutes_late", "la_code") reads as the column's words (`column_words`).
_KEYS: dict[str, str] = {
    "date": N_("Date"),
    "mark": N_("Mark"),
    "pupil": N_("Pupil"),
    "placement": N_("Placement"),
    "cutoff": N_("Return cut-off time"),
    "to": N_("To"),
    "record type": N_("Record type"),
    "years": N_("Years to keep"),
    "review interval": N_("Review interval"),
    "longest placement": N_("Longest placement"),
    "file": N_("File"),
    "attachment": N_("Attachment"),
    "backup folder": N_("Backup folder"),
    "backups to keep": N_("Backups to keep"),
    "passphrase": N_("Passphrase"),
    "enrolment code": N_("Enrolment code"),
    "conflict": N_("Conflict"),
    "record": N_("Record"),
    "choice": N_("Choice"),
    "merged text": N_("Merged text"),
    "token": N_("Token"),
}

# Fields raised with their English label as the key: shown in the reader's language.
_LABELS = (
    N_("UPN"),
    N_("Forename"),
    N_("Surname"),
    N_("Preferred name"),
    N_("Date of birth"),
    N_("Year"),
    N_("Name"),
    N_("Email"),
    N_("Phone"),
    N_("Pupil"),
    N_("Placement"),
    N_("Subject"),
    N_("Rating"),
    N_("Step size"),
    N_("Target share"),
    N_("Timetable"),
    N_("Effective date"),
    N_("Session name"),
    N_("IAP group"),
    N_("Periods"),
    N_("Period number"),
    N_("Cycle length"),
    N_("Suggestion"),
    N_("Moves"),
    N_("LA endpoint"),
    N_("LA public key"),
    N_("LA token"),
    N_("Commissioner"),
    N_("Funding stream"),
    N_("Registration code"),
    N_("URN"),
)

FIELD_LABELS: dict[str, str] = {label: label for label in _LABELS} | _KEYS


def field_label(field: str) -> str:
    """The field as a person reads it, in their language: a known key's label, a column's
    words, else the key itself as words ("review_interval" reads "Review interval"), never the
    bare code."""
    label = FIELD_LABELS.get(field)
    return _(label) if label is not None else column_label(field)
