"""What the plan services share: finding a placement, its date window, and tidy text."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from sqlmodel import Session

from apdesk.i18n import _, format_date
from apdesk.models import Placement, Pupil
from apdesk.models.enums import PlacementOutcome
from apdesk.models.errors import ValidationError

# A return to mainstream: the outcomes the LA follows up and counts re-referrals against.
RETURN_OUTCOMES = frozenset({PlacementOutcome.RETURNED, PlacementOutcome.OTHER_MAINSTREAM})


def load_placement(session: Session, placement_id: int) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise ValidationError(
            _("Placement"),
            _("no placement with id {id}").format(id=placement_id),
            _("choose a placement from the list"),
        )
    return placement


def load_pupil(session: Session, pupil_id: int) -> Pupil:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise ValidationError(_("Pupil"), _("no pupil with id {id}").format(id=pupil_id))
    return pupil


class Started(Protocol):
    """What `placement_start` reads: a placement, or a light row of its columns."""

    @property
    def started_on(self) -> date | None: ...

    @property
    def start_date(self) -> date | None: ...


def placement_start(placement: Started) -> date | None:
    """The day it began, or was planned to begin."""
    return placement.started_on or placement.start_date


def placement_end(placement: Placement) -> date | None:
    """The day it ended, or is planned to end."""
    return placement.ended_on or placement.end_date


def placement_opened(placement: Placement) -> date:
    """When the placement came into being: its referral, else its start, else its creation."""
    return placement.referred_on or placement_start(placement) or placement.created_at.date()


def clean(text: str | None) -> str:
    return (text or "").strip()


def require(value: str, field: str, fix: str) -> str:
    text = clean(value)
    if not text:
        raise ValidationError(field, _("is empty"), fix)
    return text


def check_inside(placement: Placement, day: date, field: str) -> None:
    """A plan date must fall inside the placement, or a reader cannot act on it."""
    start, end = placement_start(placement), placement_end(placement)
    if start and day < start:
        raise ValidationError(
            field,
            _("{day} is before the placement starts ({start})").format(
                day=format_date(day), start=format_date(start)
            ),
            _("choose a date on or after {start}").format(start=format_date(start)),
        )
    if end and day > end:
        raise ValidationError(
            field,
            _("{day} is after the placement ends ({end})").format(
                day=format_date(day), end=format_date(end)
            ),
            _("choose a date on or before {end}, or extend the placement").format(
                end=format_date(end)
            ),
        )
