"""Pupils who leave the roll: the last day, where they went and why. The record stays, off the
current lists, until the retention rules say it may be purged; a pupil marked in error can be
reinstated. A pupil with a placement still open cannot leave until it is ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from apdesk.i18n import _, format_date
from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow

OPEN = (PlacementStatus.DRAFT, PlacementStatus.REFERRED, PlacementStatus.ACTIVE)
DESTINATIONS = (
    "Another mainstream school",
    "Special school",
    "Alternative provision (off roll)",
    "Elective home education",
    "Moved out of the area",
    "Post-16: college, sixth form or training",
    "Permanently excluded",
    "Other",
)


@dataclass(frozen=True)
class LeaverRow:
    """A pupil who has left, for the leavers list."""

    id: int
    upn: str
    name: str
    left_on: date | None
    destination: str
    reason: str


def _pupil(session: Session, pupil_id: int) -> Pupil:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(_("Pupil"), _("is no longer in the store"), _("choose another pupil"))
    return pupil


def open_placements(session: Session, pupil_id: int) -> list[str]:
    """The pupil's placements not yet ended, in words ("Riverside Learning Centre (active)")."""
    rows = session.exec(
        select(col(Provider.name), col(Placement.status), col(Placement.start_date))
        .join(Provider, col(Provider.id) == col(Placement.provider_id))
        .where(
            col(Placement.pupil_id) == pupil_id, col(Placement.status).in_([s.value for s in OPEN])
        )
        .order_by(col(Placement.start_date))
    ).all()
    out = []
    for name, status, start in rows:
        label = _(PlacementStatus(status).label).lower()
        if start is not None:
            out.append(
                _("{provider} ({status}, from {start})").format(
                    provider=name, status=label, start=format_date(start)
                )
            )
        else:
            out.append(_("{provider} ({status})").format(provider=name, status=label))
    return out


def mark_left(
    session: Session,
    pupil_id: int,
    left_on: date | None,
    destination: str,
    reason: str,
    today: date,
) -> LeaverRow:
    pupil = _pupil(session, pupil_id)
    if not pupil.on_roll:
        raise ValidationError(
            _("Pupil"),
            _("{name} has already left (on {day})").format(
                name=pupil.display_name, day=format_date(pupil.left_on) if pupil.left_on else "?"
            ),
            _("reinstate the pupil first to change it"),
        )
    if left_on is None:
        raise ValidationError(_("Last day"), _("is missing"), _("enter the last day on roll"))
    if left_on < pupil.dob:
        raise ValidationError(_("Last day"), _("is before the pupil was born"), _("check the year"))
    if not destination.strip():
        raise ValidationError(
            _("Destination"), _("is missing"), _("say where the pupil went, or choose Other")
        )
    still_open = open_placements(session, pupil_id)
    if still_open:
        raise ValidationError(
            _("Placements"),
            _("{name} still has open placements: {list}").format(
                name=pupil.display_name, list="; ".join(still_open)
            ),
            _("end them first (Placements page), then mark the pupil as left"),
        )
    pupil.on_roll = False
    pupil.left_on = left_on
    pupil.leaving_destination = destination.strip()
    pupil.leaving_reason = reason.strip()
    pupil.updated_at = utcnow()
    session.add(pupil)
    session.flush()
    return _row(pupil)


def reinstate(session: Session, pupil_id: int) -> LeaverRow:
    """Back on roll (marked as left in error, or returned): the leaving details are cleared."""
    pupil = _pupil(session, pupil_id)
    if pupil.on_roll:
        raise ValidationError(
            _("Pupil"),
            _("{name} is on roll").format(name=pupil.display_name),
            _("only a pupil who has left can be reinstated"),
        )
    pupil.on_roll = True
    pupil.left_on = None
    pupil.leaving_destination = ""
    pupil.leaving_reason = ""
    pupil.updated_at = utcnow()
    session.add(pupil)
    session.flush()
    return _row(pupil)


def _row(pupil: Pupil) -> LeaverRow:
    name = f"{pupil.surname}, {pupil.preferred_name or pupil.forename}"
    return LeaverRow(
        pupil.id or 0,
        pupil.upn,
        name,
        pupil.left_on,
        pupil.leaving_destination,
        pupil.leaving_reason,
    )


def list_leavers(session: Session) -> list[LeaverRow]:
    """Pupils no longer on roll, the most recent leavers first (a read)."""
    rows = session.exec(
        select(Pupil)
        .where(col(Pupil.on_roll).is_(False))
        .order_by(col(Pupil.left_on).desc(), func.lower(Pupil.surname))
    ).all()
    return [_row(p) for p in rows]
