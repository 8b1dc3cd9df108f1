"""The words a person reads for a value a column keeps as a code: the audit log shows a
placement's status as "Active" and a mark's source as "Recorded at school", in the reader's
language, never as the stored "active" or "school".

A column that holds one member of a fixed list says which list in its type (`enum_field`), so
those are found from the tables themselves; a column that holds several (a JSON list) is named
here with its list.
"""

from __future__ import annotations

from functools import cache

from sqlmodel import SQLModel

from apdesk.i18n import _
from apdesk.models.enums import (
    CourseType,
    DpsLot,
    Labelled,
    NeedCategory,
    SenType,
    SheffieldCategory,
)
from apdesk.models.types import StrEnumType

LIST_COLUMNS: dict[str, type[Labelled]] = {
    "needs": NeedCategory,
    "reasons": NeedCategory,
    "sen_types": SenType,
    "dps_lots": DpsLot,
    "categories": SheffieldCategory,
    "courses": CourseType,
}
"""Column name -> the list its JSON list of values is drawn from."""


@cache
def _enum_columns() -> dict[tuple[str, str], type[Labelled]]:
    """(table, column) -> the fixed list the column holds one member of, read from the
    tables' column types once every model is loaded."""
    found: dict[tuple[str, str], type[Labelled]] = {}
    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            kind = column.type
            if isinstance(kind, StrEnumType) and issubclass(kind.enum_cls, Labelled):
                found[(table.name, column.name)] = kind.enum_cls
    return found


def _label(enum_cls: type[Labelled], value: str) -> str:
    """A stored value's label in the reader's language; a value the list no longer has reads
    as stored rather than not at all."""
    member = enum_cls._value2member_map_.get(value)
    return _(member.label) if isinstance(member, Labelled) else value


def value_words(table: str, column: str, value: object) -> str | None:
    """`value` in words if `column` of `table` keeps codes from a fixed list ("active" ->
    "Active"; ["SEMH", "ASD"] -> "Social, emotional ..., Autistic spectrum disorder"), or
    None for a column whose values are not codes."""
    one = _enum_columns().get((table, column))
    if one is not None and isinstance(value, str) and value:
        return _label(one, value)
    many = LIST_COLUMNS.get(column)
    if many is not None and isinstance(value, list) and value:
        return ", ".join(_label(many, str(item)) for item in value)
    return None
