"""A placement read with its pupil and provider: the one loader the documents' records, the LA's
notification packs and the plan pages share, so each fails the same way on a missing row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from apdesk.i18n import _
from apdesk.models.errors import ValidationError
from apdesk.models.placement import Placement
from apdesk.models.provider import Provider
from apdesk.models.pupil import Pupil


@dataclass(frozen=True)
class PlacementParties:
    placement: Placement
    pupil: Pupil
    provider: Provider


def load_placement_parties(session: Session, placement_id: int) -> PlacementParties:
    """The placement, its pupil and its provider; a ValidationError naming the fix if one of
    them is missing."""
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise ValidationError(
            "placement",
            _("no placement {id}").format(id=placement_id),
            _("choose a placement from the list"),
        )
    pupil = session.get(Pupil, placement.pupil_id)
    provider = session.get(Provider, placement.provider_id)
    if pupil is None or provider is None:
        raise ValidationError(
            "placement",
            _("placement {id} has no pupil or provider").format(id=placement_id),
            _("open the placement and choose its pupil and provider"),
        )
    return PlacementParties(placement, pupil, provider)
