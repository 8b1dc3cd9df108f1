"""Attendance operations: what the register and the attendance commands write.

A register is a legal record: a mark is never rubbed out, a changed mark is an amendment that
keeps the original, and undoing an amendment records the previous code back as a further
amendment ("Undone"); undoing a first mark takes it back with a blank amendment ("Undone")
that leaves the session unmarked, so the history shows every step. A provider's return is
imported whole or not at all, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.enums import MarkSource
from apdesk.models.enums import Session as AmPm
from apdesk.models.errors import ValidationError
from apdesk.services.amendment_reasons import REDONE, UNDONE
from apdesk.services.attendance import (
    ImportResult,
    current_mark,
    import_returns,
    record_mark,
    set_return_cutoff,
    withdraw_mark,
)
from apdesk.store.operations import operation


@dataclass(frozen=True)
class MarkWritten:
    """What writing one mark did, as plain data for the screen that asked."""

    pupil_id: int
    day: date
    half: AmPm
    code: str  # as stored ("/" typed in the afternoon is stored as "\")
    outcome: str  # "created", "amended", "unchanged" or "withdrawn" (a first mark undone)
    reason: str


def _write(
    session: Session, pupil_id: int, day: date, half: AmPm, code: str, reason: str
) -> MarkWritten:
    result = record_mark(
        session, pupil_id, day, half, code, source=MarkSource.SCHOOL, reason=reason
    )
    return MarkWritten(pupil_id, day, half, result.mark.code, result.outcome, reason)


@operation
def record_register_mark(
    session: Session, pupil_id: int, day: date, half: AmPm, code: str, reason: str = ""
) -> MarkWritten:
    """A mark typed into the register; a different code from the current one needs a reason."""
    return _write(session, pupil_id, day, half, code, reason)


def _put_back(
    session: Session,
    pupil_id: int,
    day: date,
    half: AmPm,
    code: str,
    expected: str,
    reason: str,
) -> MarkWritten:
    """Record `code` as an amendment of `expected`, refusing if the mark changed meanwhile."""
    current = current_mark(session, pupil_id, day, half)
    now = current.code if current is not None else ""
    if now != expected:
        raise ValidationError(
            _("Mark"),
            _("changed to {code} since").format(code=now or _("no mark")),
            _("type the code you want over it"),
        )
    return _write(session, pupil_id, day, half, code, reason)


@operation
def undo_amendment(
    session: Session, pupil_id: int, day: date, half: AmPm, old: str, new: str
) -> MarkWritten:
    """Undo the amendment `old` -> `new`: record `old` back, with the reason "Undone"."""
    return _put_back(session, pupil_id, day, half, old, new, UNDONE)


@operation
def redo_amendment(
    session: Session, pupil_id: int, day: date, half: AmPm, old: str, new: str
) -> MarkWritten:
    """Redo the amendment `old` -> `new` after an undo: record `new`, reason "Redone"."""
    return _put_back(session, pupil_id, day, half, new, old, REDONE)


@operation
def undo_first_mark(
    session: Session, pupil_id: int, day: date, half: AmPm, code: str
) -> MarkWritten:
    """Undo a first mark typed on an empty session: it is kept, taken back with "Undone"."""
    withdraw_mark(session, pupil_id, day, half, code, UNDONE)
    return MarkWritten(pupil_id, day, half, "", "withdrawn", UNDONE)


@operation
def redo_first_mark(
    session: Session, pupil_id: int, day: date, half: AmPm, code: str
) -> MarkWritten:
    """Redo a first mark after an undo: recorded again on the empty session."""
    return _put_back(session, pupil_id, day, half, code, "", REDONE)


@operation
def import_provider_return(
    session: Session,
    data: bytes,
    filename: str = "",
    *,
    history: bool = False,
    reason: str = "",
    today: date | None = None,
) -> ImportResult:
    """A provider's return: checked, then written whole in this transaction, or not at all.

    The marks go in by one bulk statement, which says what it touched itself; a file with any
    error writes nothing and the result lists every problem."""
    return import_returns(
        session, data, filename=filename, history=history, reason=reason, today=today
    )


@operation
def change_return_cutoff(session: Session, value: str) -> time:
    """The time of day by which providers' marks are due (HH:MM)."""
    return set_return_cutoff(session, value)
