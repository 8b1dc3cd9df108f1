"""Plan and edit placements: every Appendix A field, checked, with the warnings after each save.

A pupil may hold several placements (part time at two providers, say). Status changes live in
placement_lifecycle; this module creates drafts and edits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, func, select

from apdesk.i18n import _, format_date
from apdesk.models import AgencyInvolvement, Placement, Provider, Pupil, Review
from apdesk.models.enums import (
    Commissioner,
    FundingStream,
    NeedCategory,
    PlacementStatus,
    RegistrationCode,
    SheffieldCategory,
    Weekday,
)
from apdesk.models.enums import (
    Session as SessionPart,
)
from apdesk.models.errors import ValidationError
from apdesk.models.placement import PlacementDetails
from apdesk.models.types import utcnow
from apdesk.services.ap_guide import (
    GuideSettings,
    LaNotice,
    guide_settings,
    la_notice,
    la_notices,
)
from apdesk.services.attachments import Filed, document_kinds, kinds_with_placement
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_facts import (
    OtherPlacement,
    PlacementFacts,
    ProviderFacts,
    PupilFacts,
)
from apdesk.services.placement_review_rules import placement_reviews
from apdesk.services.placement_rules import PlacementWarning, check_placement
from apdesk.services.plans.due import ReviewDates
from apdesk.services.providers import Changed
from apdesk.services.qa import QaStatus, qa_status, qa_statuses

VALID_SESSIONS = [f"{d.value}_{s.value}" for d in Weekday for s in SessionPart]
ENUMS: dict[str, Any] = {
    "commissioner": Commissioner,
    "funding_stream": FundingStream,
    "registration_code": RegistrationCode,
}


class PlacementInput(PlacementDetails):
    """The editor's values: every field of `PlacementDetails` and the pupil and provider chosen
    (0 until chosen). Nothing is checked until `values()`, so a half-filled form can be held."""

    pupil_id: int = 0
    provider_id: int = 0

    def check(self) -> None:
        """Values that cannot be right; rules a person may knowingly break are warnings.

        (Not `validate`: that name is pydantic's.)"""
        if self.category and self.category not in {c.value for c in SheffieldCategory}:
            raise ValidationError(
                _("Category"),
                _("'{v}' is not a category").format(v=self.category),
                _("choose a Sheffield-model category from the list"),
            )
        unknown = [r for r in self.reasons if r not in {n.value for n in NeedCategory}]
        if unknown:
            raise ValidationError(
                _("Reasons"),
                _("'{v}' is not a reason").format(v=unknown[0]),
                _("choose reasons from the list"),
            )
        for key, enum in ENUMS.items():
            if getattr(self, key) not in {m.value for m in enum}:
                raise ValidationError(
                    key.replace("_", " ").capitalize(),
                    _("'{v}' is not a choice").format(v=getattr(self, key)),
                    _("choose one from the list"),
                )
        if self.attendance_at_referral is not None and not 0 <= self.attendance_at_referral <= 1:
            raise ValidationError(
                _("Attendance at referral"),
                _("must be 0% to 100%"),
                _("enter the pupil's attendance, e.g. 85%"),
            )
        if not 0 <= self.hours_per_week <= 40:
            raise ValidationError(
                _("Hours per week"),
                _("must be 0 to 40"),
                _("enter the hours the pupil attends each week"),
            )
        bad = [s for s in self.sessions if s not in VALID_SESSIONS]
        if bad:
            raise ValidationError(
                _("Sessions"),
                _("'{v}' is not a session").format(v=bad[0]),
                _("use a weekday and AM or PM, e.g. MON_AM"),
            )
        if self.transport_cost_pence < 0:
            raise ValidationError(
                _("Transport cost"), _("is negative"), _("enter the cost a day, or 0")
            )
        self._check_times()
        start, end = self.start_date, self.end_date
        if start is not None and end is not None and end < start:
            raise ValidationError(
                _("End date"),
                _("{end} is before the start on {start}").format(
                    end=format_date(end), start=format_date(start)
                ),
                _("enter an end date on or after the start date"),
            )
        if self.direction_days < 0:
            raise ValidationError(
                _("Number of days"), _("is negative"), _("enter how many days the direction lasts")
            )

    def _check_times(self) -> None:
        """Clock times in order: the first session starts before the break, which ends before
        the last session finishes. A break needs both ends."""
        start, end = self.session_start, self.session_end
        if start is not None and end is not None and start >= end:
            raise ValidationError(
                _("Session times"),
                _("the first session starts at {a}, not before the finish at {b}").format(
                    a=f"{start:%H:%M}", b=f"{end:%H:%M}"
                ),
                _("enter the start of the first session and the finish of the last"),
            )
        gap = (self.break_start, self.break_end)
        if (gap[0] is None) != (gap[1] is None):
            raise ValidationError(
                _("Break starts"),
                _("has only one end"),
                _("enter when the break starts and ends, or clear both"),
            )
        if gap[0] is not None and gap[1] is not None:
            inside = (start is None or start < gap[0]) and (end is None or gap[1] < end)
            if gap[0] >= gap[1] or not inside:
                raise ValidationError(
                    _("Break starts"),
                    _("the break ({a} to {b}) must fall between the start and the finish").format(
                        a=f"{gap[0]:%H:%M}", b=f"{gap[1]:%H:%M}"
                    ),
                    _("check the four times"),
                )

    def values(self) -> dict[str, Any]:
        self.check()
        out = {name: getattr(self, name) for name in type(self).model_fields}
        for key, value in out.items():
            if isinstance(value, str):
                out[key] = value.strip()
        for key, enum in ENUMS.items():
            out[key] = enum(out[key])
        out["sessions"] = [s for s in VALID_SESSIONS if s in set(self.sessions)]
        out["reasons"] = list(dict.fromkeys(self.reasons))
        return out


@dataclass(frozen=True)
class PlacementResult:
    """What a write did: the record, the fields changed, its status and its warnings now."""

    changed: Changed
    status: PlacementStatus
    warnings: list[PlacementWarning]

    @property
    def id(self) -> int:
        return self.changed.id


def get_placement(session: Session, placement_id: int) -> Placement:
    placement = session.get(Placement, placement_id)
    if placement is None:
        raise ValidationError(_("Placement"), _("not found"), _("choose a placement from the list"))
    return placement


def placement_input(session: Session, placement_id: int) -> PlacementInput:
    """The placement as the editor shows it."""
    placement = get_placement(session, placement_id)
    return PlacementInput(
        **{name: _copy(getattr(placement, name)) for name in PlacementInput.model_fields}
    )


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _check_refs(session: Session, values: dict[str, Any]) -> tuple[Pupil, Provider]:
    pupil = session.get(Pupil, values["pupil_id"])
    if pupil is None:
        raise ValidationError(_("Pupil"), _("not chosen"), _("choose the pupil from the register"))
    provider = session.get(Provider, values["provider_id"])
    if provider is None:
        raise ValidationError(
            _("Provider"), _("not chosen"), _("choose a provider from the directory")
        )
    return pupil, provider


def _check_qa_reason(session: Session, provider: Provider, reason: str, today: date) -> None:
    """Choosing a provider whose QA is not current stays possible, with the reason recorded."""
    status = qa_status(session, provider, today)
    if status.needs_reason and not reason:
        raise ValidationError(
            _("Reason for using this provider"),
            _("{name}: {summary}").format(name=provider.name, summary=status.summary),
            _("record why this provider is still the right choice, or choose another"),
        )


def create_placement(session: Session, data: PlacementInput, today: date) -> PlacementResult:
    """A new draft placement."""
    values = data.values()
    _pupil, provider = _check_refs(session, values)
    _check_qa_reason(session, provider, values["qa_override_reason"], today)
    placement = Placement(**values)
    session.add(placement)
    session.flush()
    changed = Changed("placement", placement.id or 0, created=True, fields=tuple(values))
    return PlacementResult(changed, placement.status, placement_warnings(session, placement, today))


def _check_start_before_reviews(session: Session, placement_id: int, start: date | None) -> None:
    """A review cannot have been held before the placement starts, so the start cannot move
    past the first review held (the same rule the review dialog keeps)."""
    if start is None:
        return
    first_held = session.exec(
        select(func.min(Review.held_on)).where(
            Review.placement_id == placement_id, col(Review.held_on).is_not(None)
        )
    ).one()
    if first_held is not None and first_held < start:
        raise ValidationError(
            _("Start date"),
            _("{start} is after the review held on {held}").format(
                start=format_date(start), held=format_date(first_held)
            ),
            _("enter a start on or before {held}, the day of the first review").format(
                held=format_date(first_held)
            ),
        )


def update_placement(
    session: Session, placement_id: int, data: PlacementInput, today: date
) -> PlacementResult:
    placement = get_placement(session, placement_id)
    if placement.status == PlacementStatus.ENDED:
        raise ValidationError(
            _("Placement"), _("has ended and is kept as it was"), _("plan a new placement instead")
        )
    values = data.values()
    _pupil, provider = _check_refs(session, values)
    cleared = placement.qa_override_reason and not values["qa_override_reason"]
    if values["provider_id"] != placement.provider_id or cleared:
        _check_qa_reason(session, provider, values["qa_override_reason"], today)
    if values["start_date"] != placement.start_date:
        _check_start_before_reviews(session, placement_id, values["start_date"])
    changed = tuple(k for k, v in values.items() if getattr(placement, k) != v)
    for key in changed:
        setattr(placement, key, values[key])
    if changed:
        placement.updated_at = utcnow()
    session.add(placement)
    session.flush()
    return PlacementResult(
        Changed("placement", placement_id, fields=changed),
        placement.status,
        placement_warnings(session, placement, today),
    )


@dataclass
class WarningInputs:
    """What the checks of every placement in a list share, read once for the whole list (a
    trust's 2,000 placements in a handful of set-based queries rather than 14,000)."""

    calendar: SchoolCalendar
    guide: GuideSettings
    today: date
    others: dict[int, list[OtherPlacement]]  # the placements' dates and hours, by pupil
    agencies: dict[int, set[str]]  # by pupil
    notices: dict[int, LaNotice]  # by placement
    qa: dict[int, QaStatus]  # by provider
    documents: dict[int, list[Filed]]  # by pupil
    reviews: dict[int, list[ReviewDates]]  # by placement


def warning_inputs(
    session: Session,
    today: date,
    providers: dict[int, ProviderFacts],
    others: dict[int, list[OtherPlacement]],
    reviews: dict[int, list[ReviewDates]],
) -> WarningInputs:
    agencies: dict[int, set[str]] = {}
    query = select(AgencyInvolvement.pupil_id, AgencyInvolvement.agency)
    for who, agency in session.exec(query).all():
        agencies.setdefault(who, set()).add(str(agency))
    return WarningInputs(
        SchoolCalendar.load(session),
        guide_settings(session),
        today,
        others,
        agencies,
        la_notices(session),
        qa_statuses(session, providers.values(), today),  # one more query: the audits
        document_kinds(session),
        reviews,
    )


def listed_warnings(
    placement: PlacementFacts,
    pupil: PupilFacts,
    provider: ProviderFacts,
    inputs: WarningInputs,
) -> list[PlacementWarning]:
    """The same check as `placement_warnings`, on columns read for a whole list."""
    return check_placement(
        placement,
        pupil,
        provider,
        inputs.calendar,
        inputs.today,
        qa=inputs.qa.get(provider.id),
        others=[o for o in inputs.others.get(pupil.id, []) if o.id != placement.id],
        agencies=inputs.agencies.get(pupil.id, set()),
        guide=inputs.guide,
        la=inputs.notices.get(placement.id or 0, LaNotice("none")),
        documents=kinds_with_placement(inputs.documents.get(pupil.id, []), placement.id),
        reviews=inputs.reviews.get(placement.id or 0, []),
    )


def placement_warnings(
    session: Session, placement: Placement, today: date
) -> list[PlacementWarning]:
    """Every rule the placement breaks, with what the checks need loaded from the store."""
    pupil = session.get(Pupil, placement.pupil_id)
    provider = session.get(Provider, placement.provider_id)
    if pupil is None or provider is None:
        return []
    others = session.exec(select(Placement).where(Placement.pupil_id == pupil.id)).all()
    agencies = session.exec(
        select(AgencyInvolvement.agency).where(AgencyInvolvement.pupil_id == pupil.id)
    ).all()
    return check_placement(
        placement,
        pupil,
        provider,
        SchoolCalendar.load(session),
        today,
        qa=qa_status(session, provider, today),
        others=[o for o in others if o.id != placement.id],
        agencies={str(a) for a in agencies},
        guide=guide_settings(session),
        la=la_notice(session, placement.id),
        documents=kinds_with_placement(
            document_kinds(session, pupil.id).get(pupil.id or 0, []), placement.id
        ),
        reviews=placement_reviews(session, placement.id),
    )


def preview_warnings(
    session: Session, data: PlacementInput, today: date, placement_id: int | None = None
) -> list[PlacementWarning]:
    """The warnings the editor's current values would give, without saving anything."""
    values = data.values()
    draft = Placement(**values)
    if placement_id is not None:
        draft.id = placement_id
        stored = get_placement(session, placement_id)
        draft.status, draft.started_on = stored.status, stored.started_on
    return placement_warnings(session, draft, today)
