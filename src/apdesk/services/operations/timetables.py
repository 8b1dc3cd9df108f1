"""Timetable operations: what the Timetables page writes, each one transaction.

A timetable changes by versions: the editor's Save replaces a version's slots, a step of
reintegration is the next version from a later date (the one it copies stays as history), and
a proposed version is accepted or rejected. Each returns the version's id, never a live record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlmodel import Session

from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.timetables import (
    CellKey,
    SlotMove,
    SlotValue,
    Suggestion,
    accept_suggestion,
    blank_grid,
    copy_forward,
    create_version,
    load_structure,
    save_grid,
)
from apdesk.services.timetables.versions import set_status
from apdesk.store.operations import operation


@operation
def save_timetable(session: Session, version_id: int, grid: Mapping[CellKey, SlotValue]) -> int:
    """The editor's Save: the version's slots become `grid`."""
    save_grid(session, version_id, grid)
    return version_id


@operation
def save_next_version(
    session: Session,
    version_id: int,
    effective_date: date,
    changes: Mapping[CellKey, SlotValue | None],
    next_review: date | None = None,
) -> int:
    """The edits as the next version from `effective_date`; the version edited is unchanged."""
    version = copy_forward(
        session, version_id, effective_date, changes=changes, next_review=next_review
    )
    return version.id or 0


@operation
def start_timetable(
    session: Session, pupil_id: int, effective_date: date, group_id: int | None = None
) -> int:
    """A pupil's first timetable: the school's day with breaks, every lesson still to fill."""
    grid = blank_grid(load_structure(session))
    version = create_version(session, pupil_id, effective_date, grid, group_id=group_id)
    return version.id or 0


@operation
def decide_version(
    session: Session, version_id: int, status: VersionStatus, on: date | None = None
) -> int:
    """Accept or reject a proposed version (a rejected one stays in the history)."""
    set_status(session, version_id, status, on)
    return version_id


@operation
def take_suggested_step(
    session: Session,
    suggestion: Suggestion,
    effective_date: date,
    moves: Sequence[SlotMove],
    next_review: date | None = None,
    status: VersionStatus = VersionStatus.ACCEPTED,
) -> int:
    """The suggested step, with the moves the lead kept, as the next version (or proposed)."""
    version = accept_suggestion(
        session, suggestion, effective_date, moves, next_review=next_review, status=status
    )
    return version.id or 0
