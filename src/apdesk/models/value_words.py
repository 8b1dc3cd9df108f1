"""The words a subject access PDF and the audit log show for a stored code ("active": "Active",
"X": "Other / not stated") or date ("2015-02-13": "13 February 2015"), in the reader's language.

The export keeps the codes and ISO dates (they are the data); a parent reading the PDF, or the
office reading the log, sees the words the app shows for them. A column's list is found from its
type in the schema, so a coded column added later reads in words without a change here. Anything
that is not a known code or a date prints as stored.

It sits with the models, not the documents, so the audit log (a service) and the PDFs both word
values the same way without the services loading the documents package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from sqlmodel import SQLModel

import apdesk.models  # noqa: F401  (every table registered, so each coded column is known)
from apdesk.i18n import _, format_iso_text
from apdesk.models.enums import (
    CourseType,
    DpsLot,
    Labelled,
    NeedCategory,
    SenType,
    Session,
    SheffieldCategory,
    Weekday,
)
from apdesk.models.types import StrEnumType


def sessions_pattern(sessions: Iterable[str]) -> str:
    """["MON_AM", "MON_PM", "WED_AM"] -> "Monday morning and afternoon; Wednesday morning"."""
    by_day: dict[str, set[str]] = {}
    for token in sessions:
        day, _sep, half = str(token).upper().partition("_")
        if day in Weekday.__members__ and half in Session.__members__:
            by_day.setdefault(day, set()).add(half)
    parts = []
    joiner = " " + _("and") + " "  # outside the f-string, so the catalogue holds it
    for day in Weekday:
        halves = by_day.get(day.value)
        if not halves:
            continue
        words = [_(Session(h).label).lower() for h in ("AM", "PM") if h in halves]
        parts.append(f"{_(day.label)} " + joiner.join(words))
    return "; ".join(parts)


def reason_labels(values: Iterable[str]) -> list[str]:
    """Need categories by their labels; anything else typed in is kept as written."""
    labels = []
    for value in values:
        try:
            labels.append(_(NeedCategory(value).label))
        except ValueError:
            if str(value).strip():
                labels.append(str(value).strip())
    return labels


def _reasons(values: list[Any]) -> str:
    return ", ".join(reason_labels(str(v) for v in values))


def _sen_types(values: list[Any]) -> str:
    """Each type of need by its name, with the code the school's census and CTF use after it
    ("Speech, language and communication needs (SLCN)"); an unknown code as stored."""
    known = {kind.value: kind.label for kind in SenType}
    return ", ".join(f"{_(known[str(v)])} ({v})" if str(v) in known else str(v) for v in values)


def _labels(enum_cls: type[Labelled]) -> Callable[[list[Any]], str]:
    """A list of codes from `enum_cls` by their labels; an unknown code as stored."""

    def words(values: list[Any]) -> str:
        known = enum_cls._value2member_map_
        return ", ".join(
            _(found.label) if isinstance(found := known.get(str(v)), Labelled) else str(v)
            for v in values
        )

    return words


# Columns stored as plain text or a list whose entries are codes from a fixed list.
_LISTS: dict[tuple[str, str], Callable[[list[Any]], str]] = {
    ("pupil", "needs"): _reasons,
    ("pupil", "sen_types"): _sen_types,
    ("placement", "reasons"): _reasons,
    ("placement", "sessions"): lambda values: sessions_pattern(str(v) for v in values),
    ("provider", "dps_lots"): _labels(DpsLot),
    ("provider", "categories"): _labels(SheffieldCategory),
    ("provider", "courses"): _labels(CourseType),
}
_TEXT: dict[tuple[str, str], type[StrEnum]] = {("placement", "category"): SheffieldCategory}


def _enum_of(table: str, column: str) -> type[StrEnum] | None:
    """The fixed list a column holds, from its type in the schema (or the few text columns)."""
    found = SQLModel.metadata.tables.get(table)
    if found is not None and column in found.c:
        kind = found.c[column].type
        if isinstance(kind, StrEnumType):
            return kind.enum_cls
    return _TEXT.get((table, column))


def value_words(table: str, column: str, value: Any) -> Any:
    """A stored value as the reader knows it: a code as its label, translated; a date or moment
    in the one date style the audit log and the screens use; else unchanged."""
    if isinstance(value, list) and value and (table, column) in _LISTS:
        return _LISTS[(table, column)](value) or value
    if not isinstance(value, str):
        return value
    enum_cls = _enum_of(table, column)
    member = enum_cls._value2member_map_.get(value) if enum_cls is not None else None
    label = getattr(member, "label", None)
    return _(label) if isinstance(label, str) and label else format_iso_text(value)
