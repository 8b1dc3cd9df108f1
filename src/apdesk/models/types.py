"""Column types: enums stored by value, lists stored as JSON, timestamps in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field


class StrEnumType(TypeDecorator[StrEnum]):
    """Stores a StrEnum by its value (readable in exports) and returns the member on load."""

    impl = String
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]) -> None:
        super().__init__(length=40)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(self.enum_cls(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        if value is None:
            return None
        # A dict lookup for the stored values (every row of a list passes here); the call
        # for anything else, which raises as before on a value the enum does not know.
        member = self.enum_cls._value2member_map_.get(value)
        return member if isinstance(member, StrEnum) else self.enum_cls(value)


def enum_field(enum_cls: type[StrEnum], default: Any = ..., **kwargs: Any) -> Any:
    """A model field holding one member of `enum_cls`."""
    return Field(default=default, sa_type=StrEnumType(enum_cls), **kwargs)


def list_field() -> Any:
    """A model field holding a JSON list (of enum values or plain strings)."""
    return Field(default_factory=list, sa_type=JSON)


def utcnow() -> datetime:
    return datetime.now(UTC)
