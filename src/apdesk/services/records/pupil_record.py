"""The parts of a pupil's record the record actions show: whether the pupil is on roll (or
when and where they went), their suspensions, subject access requests and open placements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from apdesk.models import Pupil
from apdesk.services.leavers import open_placements
from apdesk.services.records.suspensions import SuspensionView, list_suspensions
from apdesk.services.subject_access import RequestRow, requests_for


@dataclass
class RecordExtras:
    pupil_id: int
    name: str
    upn: str
    on_roll: bool
    left_on: date | None = None
    destination: str = ""
    reason: str = ""
    open_placements: list[str] = field(default_factory=list)
    suspensions: list[SuspensionView] = field(default_factory=list)
    requests: list[RequestRow] = field(default_factory=list)


def record_extras(session: Session, pupil_id: int) -> RecordExtras | None:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        return None
    return RecordExtras(
        pupil_id,
        pupil.display_name,
        pupil.upn,
        pupil.on_roll,
        pupil.left_on,
        pupil.leaving_destination,
        pupil.leaving_reason,
        open_placements(session, pupil_id),
        list_suspensions(session, pupil_id),
        requests_for(session, pupil_id),
    )
