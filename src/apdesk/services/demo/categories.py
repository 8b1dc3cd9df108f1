"""The demo's placement categories and reasons, made to agree: a place named after a reason
("exclusion", "medical") is made for that reason, and a direction has a reason about behaviour."""

from __future__ import annotations

from apdesk import models
from apdesk.models.enums import RegistrationStatus
from apdesk.services.placement_direction import BEHAVIOUR_REASONS

REASON_CATEGORIES = ("exclusion", "medical")  # categories named after the reason for the place


def full_time_category(provider: models.Provider, pupil: models.Pupil) -> str | None:
    if provider.registration != RegistrationStatus.REGISTERED:
        return None
    wanted = "ks4" if pupil.nc_year >= 10 else "ks1_3"
    for category in (wanted, "step_out"):
        if category in provider.categories:
            return category
    return None


def part_time_category(provider: models.Provider, index: int, reasons: list[str]) -> str:
    """A part-time category the provider offers, "exclusion" or "medical" only for a placement
    made for that reason (unless the provider offers nothing else: see `with_reason`)."""
    offered = [c for c in provider.categories if c not in ("ks4", "ks1_3", "step_out")]
    options = [c for c in offered if c not in REASON_CATEGORIES or c in reasons] or offered
    return options[index % len(options)] if options else "intervention"


def with_reason(category: str, reasons: list[str]) -> list[str]:
    """The reasons, with the category's own when it names one: a hospital school's "Medical"
    place is made for medical needs, whatever else the pupil needs."""
    if category in REASON_CATEGORIES and category not in reasons:
        return [*reasons, category]
    return reasons


def for_behaviour(reasons: list[str]) -> list[str]:
    """A direction's reasons: it is made to improve behaviour, so one is about behaviour."""
    if BEHAVIOUR_REASONS & set(reasons):
        return reasons
    return ["semh", *reasons]
