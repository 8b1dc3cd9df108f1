"""What an event in a published term-dates calendar is, from its title.

LAs and schools name their events in plain words ("Autumn term starts", "Half term",
"INSET day - school closed to pupils", "Early May bank holiday"), so the title decides. Events
that are none of these (parents' evenings, trips) are left out and listed.
"""

from __future__ import annotations

import re

from apdesk.models.school import ClosureKind

TERM_START = "term_start"
TERM_END = "term_end"

_INSET = re.compile(
    r"\b(inset|in-service|training day|staff development|teacher day|non[- ]pupil|"
    r"professional development|pd day|staff day)\b",
    re.IGNORECASE,
)
_BANK = re.compile(
    r"\b(bank holiday|good friday|easter monday|christmas day|boxing day|new year'?s day|"
    r"may day|coronation|state funeral)\b",
    re.IGNORECASE,
)
_HOLIDAY = re.compile(
    r"\b(half[- ]?term( holiday| break)?|holidays?|vacation|break|recess)\b", re.IGNORECASE
)
_CLOSURE = re.compile(r"\b(closed|closure|occasional day)\b", re.IGNORECASE)
_UNEXPECTED = re.compile(r"\b(snow day|emergency closure|unexpected)\b", re.IGNORECASE)
_TERM = re.compile(r"\bterm\b", re.IGNORECASE)
_STARTS = re.compile(
    r"\b(starts?|begins?|commences?|opens?|first day|returns?|start of|beginning of)\b",
    re.IGNORECASE,
)
_ENDS = re.compile(r"\b(ends?|finish(es)?|closes?|last day|breaks up|end of)\b", re.IGNORECASE)
_WORDS = re.compile(
    r"\s*(-|–|:)?\s*\b(starts?|begins?|commences?|opens?|first day( of)?|returns?|"
    r"ends?|finish(es)?|closes?|last day( of)?|breaks up|start of|end of|beginning of|"
    r"for (pupils|students))\b\s*",
    re.IGNORECASE,
)


def classify(summary: str, days: int) -> str | None:
    """The entry's kind (a ClosureKind value, "term", TERM_START or TERM_END), or None."""
    text = " ".join(summary.split())
    if not text:
        return None
    if _INSET.search(text):
        return ClosureKind.INSET.value
    if _BANK.search(text):
        return ClosureKind.BANK_HOLIDAY.value
    if _UNEXPECTED.search(text):
        return ClosureKind.UNEXPECTED.value
    if _HOLIDAY.search(text):
        return ClosureKind.HOLIDAY.value
    if _TERM.search(text):
        if _STARTS.search(text) and not _ENDS.search(text):
            return TERM_START
        if _ENDS.search(text) and not _STARTS.search(text):
            return TERM_END
        return "term" if days > 1 else None
    if _CLOSURE.search(text):
        return ClosureKind.CLOSURE.value
    return None


def term_name(summary: str) -> str:
    """'Autumn Term starts' -> 'Autumn Term'; 'Spring term 1 - begins' -> 'Spring term 1'."""
    name = _WORDS.sub(" ", summary)
    return " ".join(name.split()).strip(" -–:") or summary.strip()
