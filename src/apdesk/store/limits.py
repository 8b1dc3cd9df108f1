"""Every text field of every record is held to apdesk.models.limits when it is saved, whatever
screen, import or command wrote it: one check at the flush, naming the field."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from apdesk.models.errors import ValidationError
from apdesk.models.limits import text_problem

# Rows apdesk itself writes whole (audit rows copy a record; settings hold keys and PEM files).
EXEMPT = frozenset({"auditevent", "outboxitem", "setting"})


@cache
def _text_columns(model: type[Any]) -> tuple[str, ...]:
    if getattr(model, "__tablename__", "") in EXEMPT:
        return ()
    return tuple(attr.key for attr in inspect(model).column_attrs if _is_text(attr.columns[0].type))


def _is_text(column_type: Any) -> bool:
    return isinstance(column_type, String) or isinstance(getattr(column_type, "impl", None), String)


def check_lengths(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, SQLModel):
            continue
        for name in _text_columns(type(obj)):
            value = obj.__dict__.get(name)
            if isinstance(value, str):
                problem = text_problem(value)
                if problem:
                    label = name.replace("_", " ").capitalize()
                    raise ValidationError(label, problem)


def install() -> None:
    """Check every ORM session's changes before they are written (idempotent)."""
    if not event.contains(Session, "before_flush", check_lengths):
        event.listen(Session, "before_flush", check_lengths)
