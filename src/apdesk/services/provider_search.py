"""Find a provider: the county brokerage idea as a search, best matches first, each with reasons.

Hard needs (age, category, lot, delivery, distance, a free place, passed QA) filter; everything
else (QA state, approval, places, distance, open concerns) moves a provider up or down, and
each move is explained so the coordinator can defend the choice to a family.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from apdesk.i18n import _, ngettext
from apdesk.models import Placement, Provider, Pupil, QualityConcern
from apdesk.models.enums import (
    Delivery,
    DistanceBand,
    DpsLot,
    LaApproval,
    PlacementStatus,
    SheffieldCategory,
)
from apdesk.services.qa import (
    CHECKS_NEEDED,
    CURRENT,
    DUE_SOON,
    FAILED,
    MISSING,
    OVERDUE,
    qa_statuses,
)

# Referred and active placements hold a place; drafts and ended ones do not.
HOLDS_PLACE = (PlacementStatus.REFERRED, PlacementStatus.ACTIVE)
DISTANCE_ORDER = list(DistanceBand)
DISTANCE_SCORE = {
    DistanceBand.NEAR: 10,
    DistanceBand.MEDIUM: 5,
    DistanceBand.FAR: 0,
    DistanceBand.OUT_OF_AREA: -10,
}
QA_SCORE = {
    CURRENT: 15,
    DUE_SOON: 5,
    CHECKS_NEEDED: -20,
    OVERDUE: -25,
    MISSING: -30,
    FAILED: -50,
}
APPROVAL_SCORE = {
    LaApproval.APPROVED: 10,
    LaApproval.PENDING: 0,
    LaApproval.NOT_LISTED: -5,
    LaApproval.SUSPENDED: -40,
}


@dataclass
class SearchCriteria:
    """What the child needs; None means 'any'."""

    age: int | None = None
    nc_year: int | None = None
    category: str | None = None
    dps_lot: str | None = None
    delivery: str | None = None
    max_distance: str | None = None
    needs_space: bool = False
    exclude_failed_qa: bool = False


@dataclass(frozen=True)
class ProviderMatch:
    provider_id: int
    name: str
    score: int
    reasons: tuple[str, ...]
    qa_state: str
    places_free: int


def criteria_for_pupil(pupil: Pupil, today: date) -> SearchCriteria:
    """A starting search for this pupil: their age today; the rest is for the coordinator."""
    age = (
        today.year - pupil.dob.year - ((today.month, today.day) < (pupil.dob.month, pupil.dob.day))
    )
    return SearchCriteria(age=age)


def places_used(session: Session) -> dict[int, int]:
    """Places held (referred or active placements) per provider id."""
    query = (
        select(Placement.provider_id, func.count())
        .where(col(Placement.status).in_([s.value for s in HOLDS_PLACE]))
        .group_by(col(Placement.provider_id))
    )
    return {provider_id: int(count) for provider_id, count in session.exec(query).all()}


def open_concerns(session: Session) -> dict[int, int]:
    """Concerns with no outcome yet, per provider id."""
    query = (
        select(QualityConcern.provider_id, func.count())
        .where(QualityConcern.outcome == "")
        .group_by(col(QualityConcern.provider_id))
    )
    return {provider_id: int(count) for provider_id, count in session.exec(query).all()}


def _age_fits(provider: Provider, criteria: SearchCriteria) -> bool:
    if criteria.age is not None:
        return provider.age_min <= criteria.age <= provider.age_max
    if criteria.nc_year is not None:
        # A pupil in year N is N+4 on 1 September and N+5 by the summer.
        youngest, oldest = criteria.nc_year + 4, criteria.nc_year + 5
        return provider.age_min <= oldest and youngest <= provider.age_max
    return True


def _delivery_fits(offered: Delivery, wanted: str | None) -> bool:
    return wanted is None or offered == wanted or offered == Delivery.BOTH


def _passes(provider: Provider, criteria: SearchCriteria, free: int, qa_state: str) -> bool:
    if not _age_fits(provider, criteria):
        return False
    if criteria.category and criteria.category not in provider.categories:
        return False
    if criteria.dps_lot and criteria.dps_lot not in provider.dps_lots:
        return False
    if not _delivery_fits(provider.delivery, criteria.delivery):
        return False
    if criteria.max_distance:
        limit = DISTANCE_ORDER.index(DistanceBand(criteria.max_distance))
        if DISTANCE_ORDER.index(provider.distance_band) > limit:
            return False
    if criteria.needs_space and free <= 0:
        return False
    return not (criteria.exclude_failed_qa and qa_state == FAILED)


def find_providers(session: Session, criteria: SearchCriteria, today: date) -> list[ProviderMatch]:
    """Providers that meet the hard needs, best first, each with its reasons."""
    providers = list(session.exec(select(Provider)).all())
    qa = qa_statuses(session, providers, today)
    used, concerns = places_used(session), open_concerns(session)
    matches = []
    for provider in providers:
        pid = provider.id or 0
        status = qa[pid]
        free = max(provider.capacity - used.get(pid, 0), 0)
        if not _passes(provider, criteria, free, status.state):
            continue
        score, reasons = 50, []
        if criteria.category:
            score += 20
            reasons.append(_("offers {c}").format(c=SheffieldCategory(criteria.category).label))
        if criteria.dps_lot:
            score += 10
            reasons.append(_("on the DPS in {lot}").format(lot=DpsLot(criteria.dps_lot).label))
        if criteria.delivery and provider.delivery == criteria.delivery:
            score += 10
        elif criteria.delivery:
            score += 5
        if criteria.delivery:
            reasons.append(_("delivers {d}").format(d=provider.delivery.label.lower()))
        if criteria.age is not None or criteria.nc_year is not None:
            reasons.append(
                _("takes ages {lo} to {hi}").format(lo=provider.age_min, hi=provider.age_max)
            )
        score += DISTANCE_SCORE[provider.distance_band]
        reasons.append(_("distance: {d}").format(d=provider.distance_band.label.lower()))
        if free:
            score += min(free, 5) * 2
            reasons.append(
                ngettext("has {n} place free", "has {n} places free", free).format(n=free)
            )
        else:
            score -= 15
            reasons.append(
                _("full: {used} of {cap} places taken").format(
                    used=used.get(pid, 0), cap=provider.capacity
                )
            )
        score += QA_SCORE[status.state]
        if status.state == CURRENT:
            reasons.append(_("QA current"))
        reasons.extend(a.reason for a in status.audits if a.state != CURRENT)
        score -= 10 * len(status.flags)
        reasons.extend(status.flags)
        score += APPROVAL_SCORE[provider.la_approval]
        reasons.append(provider.la_approval.label)
        open_count = concerns.get(pid, 0)
        if open_count:
            score -= 10 * open_count
            reasons.append(
                ngettext(
                    "{n} open quality concern", "{n} open quality concerns", open_count
                ).format(n=open_count)
            )
        matches.append(ProviderMatch(pid, provider.name, score, tuple(reasons), status.state, free))
    return sorted(matches, key=lambda m: (-m.score, m.name.lower()))
