"""A placement's life: draft -> referred -> active -> ended, and the list the GUI shows.

Only the moves below are allowed; any other raises a ValidationError that says what to do
instead. Ending needs an outcome: the LA watches outcomes (and re-referrals) to see whether
returns to school were sustained.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from apdesk.i18n import _, format_date
from apdesk.models import AgencyInvolvement, Placement
from apdesk.models.enums import Agency, PlacementOutcome, PlacementStatus, SheffieldCategory
from apdesk.models.errors import ValidationError
from apdesk.models.types import utcnow
from apdesk.services.listed_warning_memo import KeptWarnings
from apdesk.services.placement_facts import (
    by_pupil,
    overlapping,
    placement_facts,
    placements_query,
    provider_facts,
)
from apdesk.services.placement_review_rules import review_rows
from apdesk.services.placements import (
    PlacementResult,
    get_placement,
    placement_warnings,
    warning_inputs,
)
from apdesk.services.plan_cleanup import delete_plan_records
from apdesk.services.providers import Changed

DRAFT, REFERRED = PlacementStatus.DRAFT, PlacementStatus.REFERRED
ACTIVE, ENDED = PlacementStatus.ACTIVE, PlacementStatus.ENDED
# (from, to) -> the lifecycle date it sets
TRANSITIONS = {
    (DRAFT, REFERRED): "referred_on",
    (REFERRED, DRAFT): "",  # referral withdrawn before the start
    (REFERRED, ACTIVE): "started_on",
    (ACTIVE, ENDED): "ended_on",
}
FIXES = {
    (DRAFT, ACTIVE): "refer it to the provider first",
    (DRAFT, ENDED): "a draft that will not go ahead can be deleted",
    (REFERRED, ENDED): "start it when the pupil begins, or withdraw the referral",
    (ACTIVE, REFERRED): "an active placement cannot go back; end it with an outcome",
    (ACTIVE, DRAFT): "an active placement cannot go back; end it with an outcome",
}


def _fix(current: PlacementStatus, target: PlacementStatus) -> str:
    if current == ENDED:
        return _("an ended placement stays ended: plan a new placement")
    if current == target:
        return _("it is already {status}").format(status=current.label.lower())
    return _(FIXES.get((current, target), "follow draft, referred, active, ended"))


def move_placement(
    session: Session,
    placement_id: int,
    target: PlacementStatus,
    on: date,
    today: date,
    *,
    outcome: PlacementOutcome | str | None = None,
    notes: str = "",
    destination: str = "",
) -> PlacementResult:
    """Move to `target` on the day `on`; the one way every status change happens."""
    placement = get_placement(session, placement_id)
    current, target = placement.status, PlacementStatus(target)
    if (current, target) not in TRANSITIONS:
        raise ValidationError(
            _("Status"),
            _("a {a} placement cannot become {b}").format(
                a=current.label.lower(), b=target.label.lower()
            ),
            _fix(current, target),
        )
    changed: list[str] = ["status"]
    if target == REFERRED and placement.start_date is None:
        raise ValidationError(
            _("Start date"), _("is missing"), _("enter the proposed start date before referring")
        )
    if target == ACTIVE:
        _not_before(on, placement.referred_on, _("Start"), _("the referral"))
        if placement.start_date is None:
            placement.start_date = on
            changed.append("start_date")
    if target == ENDED:
        if outcome is None or str(outcome) == "":
            raise ValidationError(
                _("Outcome"), _("is missing"), _("choose where the pupil went next")
            )
        _not_before(on, placement.started_on, _("End"), _("the start"))
        placement.outcome = PlacementOutcome(outcome)
        placement.outcome_notes = notes.strip()
        placement.destination = destination.strip() or placement.outcome.label
        changed += ["outcome", "outcome_notes", "destination"]
    if target == DRAFT:
        placement.referred_on = None
        changed.append("referred_on")
    stamp = TRANSITIONS[(current, target)]
    if stamp:
        setattr(placement, stamp, on)
        changed.append(stamp)
    placement.status = target
    placement.updated_at = utcnow()
    session.add(placement)
    session.flush()
    return PlacementResult(
        Changed("placement", placement_id, fields=tuple(changed)),
        target,
        placement_warnings(session, placement, today),
    )


def _not_before(day: date, earlier: date | None, what: str, than: str) -> None:
    if earlier is not None and day < earlier:
        raise ValidationError(
            what,
            _("{day} is before {than} ({earlier})").format(
                day=format_date(day), than=than, earlier=format_date(earlier)
            ),
            _("choose {earlier} or later").format(earlier=format_date(earlier)),
        )


def refer_placement(
    session: Session, placement_id: int, referred_on: date, today: date
) -> PlacementResult:
    return move_placement(session, placement_id, REFERRED, referred_on, today)


def withdraw_referral(session: Session, placement_id: int, today: date) -> PlacementResult:
    return move_placement(session, placement_id, DRAFT, today, today)


def start_placement(
    session: Session, placement_id: int, started_on: date, today: date
) -> PlacementResult:
    return move_placement(session, placement_id, ACTIVE, started_on, today)


def end_placement(
    session: Session,
    placement_id: int,
    outcome: PlacementOutcome | str | None,
    ended_on: date,
    notes: str = "",
    *,
    today: date | None = None,
    destination: str = "",
) -> PlacementResult:
    """End an active placement; the outcome is required."""
    return move_placement(
        session,
        placement_id,
        ENDED,
        ended_on,
        today or ended_on,
        outcome=outcome,
        notes=notes,
        destination=destination,
    )


def delete_draft(session: Session, placement_id: int) -> Changed:
    """Only a draft can be deleted: anything referred is part of the record."""
    placement = get_placement(session, placement_id)
    if placement.status != DRAFT:
        raise ValidationError(
            _("Placement"),
            _("only a draft can be deleted"),
            _("end it with an outcome instead"),
        )
    delete_plan_records(session, placement_id)  # a draft's plan, voice and agencies go with it
    session.delete(placement)
    session.flush()
    return Changed("placement", placement_id, fields=("deleted",))


def note_virtual_school_told(
    session: Session, placement_id: int, contact: str, told_on: date
) -> Changed:
    """Records that the Virtual School knows of a looked-after pupil's placement."""
    placement = get_placement(session, placement_id)
    involvement = AgencyInvolvement(
        pupil_id=placement.pupil_id,
        placement_id=placement_id,
        agency=Agency.VIRTUAL_SCHOOL,
        contact=contact.strip(),
        role=_("Told of the placement on {day}").format(day=told_on.isoformat()),
    )
    session.add(involvement)
    session.flush()
    return Changed("agencyinvolvement", involvement.id or 0, created=True)


class PlacementRow(NamedTuple):
    """One line of a placements table."""

    id: int
    pupil_id: int
    pupil_name: str
    upn: str
    provider_id: int
    provider_name: str
    status: PlacementStatus
    category: str
    hours_per_week: float
    start_date: date | None
    end_date: date | None
    outcome: str
    warnings: int | None = None
    legal_name: str = ""  # forename and surname, so a search finds the pupil by either name
    # Each warning's message, and the first one's code and field for the list to name it:
    # plain strings, as 20,000 warning objects kept alive for a list slowed every read after
    # them (the collector walks what lives on).
    warning_words: tuple[str, ...] = ()
    first_warning: tuple[str, str] = ("", "")

    @property
    def status_label(self) -> str:
        return self.status.label


def list_placements(
    session: Session,
    today: date,
    *,
    pupil_id: int | None = None,
    provider_id: int | None = None,
    status: PlacementStatus | None = None,
    with_warnings: bool = False,
) -> list[PlacementRow]:
    """Newest start first; `with_warnings` also counts each placement's warnings. Read as
    columns in a few set-based queries: no whole records, nothing read per placement."""
    picked: list[ColumnElement[bool]] = []
    if pupil_id is not None:
        picked.append(col(Placement.pupil_id) == pupil_id)
    if provider_id is not None:
        picked.append(col(Placement.provider_id) == provider_id)
    if status is not None:
        picked.append(col(Placement.status) == status.value)
    placements = placement_facts(session, placements_query().where(*picked))
    providers = provider_facts(session)
    kept = None
    if with_warnings:
        # Every placement was read when nothing was filtered: a pupil's others are among them.
        whole = pupil_id is None and provider_id is None and status is None
        others = (
            by_pupil(p for p, _pupil in placements) if whole else overlapping(session, pupil_id)
        )
        reviews = review_rows(session, *picked)
        kept = KeptWarnings(session, warning_inputs(session, today, providers, others, reviews))
    labels: dict[str, str] = {}
    rows = []
    for placement, pupil in placements:
        provider = providers.get(placement.provider_id)
        if provider is None:
            continue
        found = None if kept is None else kept.warnings(placement, pupil, provider)
        category = placement.category
        if category and category not in labels:
            labels[category] = SheffieldCategory(category).label
        rows.append(
            PlacementRow(
                id=placement.id or 0,
                pupil_id=pupil.id,
                pupil_name=pupil.display_name,
                upn=pupil.upn,
                provider_id=provider.id,
                provider_name=provider.name,
                status=placement.status,
                category=labels[category] if category else "",
                hours_per_week=placement.hours_per_week,
                start_date=placement.start_date,
                end_date=placement.end_date,
                outcome=placement.outcome.label if placement.outcome else "",
                warnings=None if found is None else found.total,
                legal_name=f"{pupil.forename} {pupil.surname}",
                warning_words=() if found is None else found.words,
                first_warning=("", "") if found is None else found.first,
            )
        )
    rows.sort(key=lambda r: (r.start_date or date.max, r.id), reverse=True)
    return rows
