"""How many records of a kind, in words and the reader's language ("1 pupil", "2 pupils").

A purge reports its counts by table; a person reads the kind of record, not the table's name.
Every table a purge can reach is listed (a test keeps it so); any other reads as its name."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from apdesk.i18n import format_number, ngettext

_COUNTS: dict[str, Callable[[int], str]] = {
    "pupil": lambda n: ngettext("{n} pupil", "{n} pupils", n),
    "contact": lambda n: ngettext("{n} contact", "{n} contacts", n),
    "placement": lambda n: ngettext("{n} placement", "{n} placements", n),
    "attendancemark": lambda n: ngettext("{n} attendance mark", "{n} attendance marks", n),
    "plan": lambda n: ngettext("{n} reintegration plan", "{n} reintegration plans", n),
    "plantarget": lambda n: ngettext("{n} plan target", "{n} plan targets", n),
    "review": lambda n: ngettext("{n} review", "{n} reviews", n),
    "voiceentry": lambda n: ngettext("{n} voice entry", "{n} voice entries", n),
    "agencyinvolvement": lambda n: ngettext("{n} agency involved", "{n} agencies involved", n),
    "attachment": lambda n: ngettext("{n} attachment", "{n} attachments", n),
    "outboxitem": lambda n: ngettext("{n} notification pack", "{n} notification packs", n),
    "suspension": lambda n: ngettext("{n} suspension", "{n} suspensions", n),
    "subjectaccessrequest": lambda n: ngettext(
        "{n} subject access request", "{n} subject access requests", n
    ),
    "followup": lambda n: ngettext("{n} follow-up", "{n} follow-ups", n),
    "reintegrationgoal": lambda n: ngettext("{n} reintegration goal", "{n} reintegration goals", n),
    "reviewdetail": lambda n: ngettext(
        "{n} set of review details", "{n} sets of review details", n
    ),
    "subjectrating": lambda n: ngettext("{n} subject rating", "{n} subject ratings", n),
    "targetprogress": lambda n: ngettext("{n} target rating", "{n} target ratings", n),
    "timetableslot": lambda n: ngettext("{n} timetable slot", "{n} timetable slots", n),
    "timetableversion": lambda n: ngettext("{n} timetable version", "{n} timetable versions", n),
    "timetableversionstate": lambda n: ngettext(
        "{n} timetable version status", "{n} timetable version statuses", n
    ),
    "transitionstep": lambda n: ngettext("{n} transition step", "{n} transition steps", n),
}


def counted(table: str, n: int) -> str:
    """`n` records of a table, as words with the number in front, grouped as the reader
    writes numbers ("1 024 wpisy obecności")."""
    words = _COUNTS.get(table)
    shown = format_number(n)
    return words(n).format(n=shown) if words else f"{shown} {table}"


def counted_tables() -> frozenset[str]:
    """The tables a count can be worded for."""
    return frozenset(_COUNTS)


def counts_text(counts: Mapping[str, int]) -> str:
    """Every table's count on one line, in a stable order: "1 pupil, 2 contacts"."""
    return ", ".join(counted(table, n) for table, n in sorted(counts.items()))
