"""The one door for a change: a write is an operation, a named function over a session.

`@operation` marks a function as one; `Store.run` refuses anything not marked, runs it in one
transaction with the audit hook and returns its value with the change set. Reads go through
`Store.read`, whose session refuses to write. The GUI and the commands both call operations,
so a change made anywhere is made the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, Generic, ParamSpec, TypeVar

from sqlmodel import Session

from apdesk.store.changes import Changes

P = ParamSpec("P")
T = TypeVar("T")
MARK = "__apdesk_operation__"

OperationFn = Callable[Concatenate[Session, P], T]


def operation(fn: OperationFn[P, T]) -> OperationFn[P, T]:
    """Mark `fn(session, ...)` as an operation: a user's action that writes."""
    setattr(fn, MARK, f"{fn.__module__}.{fn.__qualname__}")
    return fn


def is_operation(fn: object) -> bool:
    return isinstance(getattr(fn, MARK, None), str)


def operation_name(fn: object) -> str:
    return str(getattr(fn, MARK, getattr(fn, "__qualname__", repr(fn))))


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation returned, and what it changed."""

    value: T
    changes: Changes


class NotAnOperation(TypeError):
    """Raised when something other than an operation asks to write through `Store.run`."""


class ReadOnlyViolation(RuntimeError):
    """Raised when a read tries to write: reads must never change the record."""
