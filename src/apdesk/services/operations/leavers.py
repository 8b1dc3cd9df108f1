"""What a person does on a pupil's record beyond the details: marking the pupil as left (or
reinstating them), recording suspensions, and subject access requests. Each is one
transaction and returns plain data."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.services import leavers, subject_access
from apdesk.services.leavers import LeaverRow
from apdesk.services.records import suspensions
from apdesk.services.records.suspensions import SuspensionInput, SuspensionSaved
from apdesk.services.subject_access import RequestRow
from apdesk.store.operations import operation


@operation
def mark_pupil_left(
    session: Session,
    pupil_id: int,
    left_on: date | None,
    destination: str,
    reason: str,
    today: date,
) -> LeaverRow:
    """Off the roll and the current lists, kept under the retention rules; refused while a
    placement is still open (the message names it)."""
    return leavers.mark_left(session, pupil_id, left_on, destination, reason, today)


@operation
def reinstate_pupil(session: Session, pupil_id: int) -> LeaverRow:
    return leavers.reinstate(session, pupil_id)


@operation
def save_suspension(
    session: Session,
    pupil_id: int,
    data: SuspensionInput,
    today: date,
    suspension_id: int | None = None,
) -> SuspensionSaved:
    """Record (or correct) a suspension; sessions without education arranged are marked E."""
    return suspensions.save_suspension(session, pupil_id, data, today, suspension_id)


@operation
def remove_suspension(session: Session, suspension_id: int) -> int:
    """Remove one recorded in error; returns how many E marks to amend in the register."""
    return suspensions.remove_suspension(session, suspension_id)


@operation
def record_subject_access_request(
    session: Session,
    pupil_id: int,
    requested_on: date | None,
    requested_by: str,
    notes: str,
    today: date,
) -> RequestRow:
    return subject_access.record_request(
        session, pupil_id, requested_on, requested_by, notes, today
    )


@operation
def complete_subject_access_request(
    session: Session, request_id: int, completed_on: date
) -> RequestRow:
    return subject_access.complete_request(session, request_id, completed_on)
