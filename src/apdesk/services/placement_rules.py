"""The statutory and good-practice checks on a placement, as visible warnings with their reasons.

Nothing here blocks a save: the coordinator sees what is wrong, why the rule exists and
which field fixes it. Sources: the 2024 registration regulations, the DfE attendance and AP
guidance, the off-site direction regulations and the Leicestershire Appendix A form.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import NamedTuple, Protocol

from apdesk.i18n import _, format_date
from apdesk.models.enums import (
    Agency,
    AttachmentKind,
    Commissioner,
    DistanceBand,
    PlacementStatus,
    RegistrationCode,
    RegistrationStatus,
    SenStatus,
    SheffieldCategory,
)
from apdesk.services.ap_guide import GuideSettings, LaNotice, planned_weeks
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.placement_answers import check_answers
from apdesk.services.placement_direction import check_direction
from apdesk.services.placement_facts import (
    CheckedPlacement,
    CheckedProvider,
    CheckedPupil,
    OtherPlacement,
)
from apdesk.services.placement_reasons import (
    R_AGREEMENT,
    R_CODES,
    R_DATES,
    R_EHCP,
    R_ENGLISH_MATHS,
    R_FULL_TIME,
    R_LA_NOTIFIED,
    R_LENGTH,
    R_OUTCOMES,
    R_OVERRUN,
    R_PART_TIME,
    R_QA,
    R_SESSIONS,
    R_TRANSPORT,
    R_UNREGISTERED,
    R_VIRTUAL_SCHOOL,
    R_VOICE,
    WARNING_CODES,
    Warn,
)
from apdesk.services.placement_review_rules import review_rules
from apdesk.services.plans.due import ReviewDates
from apdesk.services.qa import QaStatus

FULL_TIME_MIN, FULL_TIME_MAX = 18.0, 25.0
FULL_TIME_CATEGORIES = frozenset(
    {SheffieldCategory.KS1_3_FULL_TIME, SheffieldCategory.KS4_FULL_TIME, SheffieldCategory.STEP_OUT}
)
SESSION_HOURS, SESSION_MIN, SESSION_MAX = 2.5, 2.0, 3.25


__all__ = ["WARNING_CODES", "PlacementWarning", "check_placement", "is_full_time"]


class PlacementWarning(NamedTuple):
    """A rule the placement does not meet: `field` is the input that fixes it. The reason is
    kept as its source text and translated when read: a list of 2,000 placements counts and
    names its warnings, and never shows a reason. A named tuple: the list makes some 20,000 of
    them a read, at half the cost of a frozen dataclass each."""

    code: str
    field: str
    message: str
    reason_text: str  # the catalogue's source text of `reason`

    @property
    def reason(self) -> str:
        return _(self.reason_text)


class Hours(Protocol):
    """What `is_full_time` reads: a placement, or a light row of one."""

    @property
    def category(self) -> str: ...

    @property
    def hours_per_week(self) -> float: ...


def is_full_time(placement: Hours) -> bool:
    """Full time by category (KS1-3, KS4, step out) or by hours (18 or more a week)."""
    return placement.category in FULL_TIME_CATEGORIES or placement.hours_per_week >= FULL_TIME_MIN


def _hours(value: float) -> str:
    return f"{value:g}"


def _overlaps(a: OtherPlacement, b: CheckedPlacement) -> bool:
    a_end, b_end = a.end_date or date.max, b.end_date or date.max
    return (a.start_date or date.min) <= b_end and (b.start_date or date.min) <= a_end


def check_placement(
    placement: CheckedPlacement,
    pupil: CheckedPupil,
    provider: CheckedProvider,
    calendar: SchoolCalendar,
    today: date,
    *,
    qa: QaStatus | None = None,
    others: Sequence[OtherPlacement] = (),
    agencies: Collection[str] = (),
    guide: GuideSettings | None = None,
    la: LaNotice | None = None,
    documents: Collection[AttachmentKind] | None = None,
    reviews: Sequence[ReviewDates] | None = None,
) -> list[PlacementWarning]:
    """Every rule the placement breaks today. `others`: the pupil's other placements;
    `agencies`: the agencies recorded as involved with the pupil (e.g. the Virtual School);
    `guide`: the school's review interval and longest placement; `la`: the LA's notification
    of the start, as the outbox holds it (not checked when not given); `documents`: the kinds
    of document that go with the referral (not checked when not given); `reviews`: the
    placement's reviews, whose next one due is checked as the Reviews page shows it (not
    checked when not given)."""
    guide = guide or GuideSettings()
    out: list[PlacementWarning] = []

    def warn(code: str, field: str, message: str, reason: str) -> None:
        out.append(PlacementWarning(code, field, message, reason))

    _hours_rules(placement, provider, pupil, others, warn)
    _code_rules(placement, warn)
    ehc_plan = pupil.sen_status == SenStatus.EHC_PLAN
    if placement.off_site_direction:
        check_direction(placement, provider, calendar, warn, ehc_plan=ehc_plan)
    check_answers(placement, pupil, documents, warn)
    start = placement.start_date
    if ehc_plan:
        if not placement.ehcp_attached:
            warn("ehcp_attached", "ehcp_attached", _("The EHC plan is not attached."), R_EHCP)
        told = placement.caseworker_told_on
        if told is None or (start is not None and told >= start):
            warn(
                "caseworker_told",
                "caseworker_told_on",
                _("The LA SEND caseworker has not been told before the start."),
                R_EHCP,
            )
    if pupil.looked_after and Agency.VIRTUAL_SCHOOL.value not in agencies:
        warn(
            "virtual_school",
            "other_ap",
            _("The pupil is looked after: tell the Virtual School about this placement."),
            R_VIRTUAL_SCHOOL,
        )
    for code, label in (
        ("learning_outcomes", _("No learning outcomes or success criteria.")),
        ("success_measures", _("No say on how success will be measured.")),
        ("exit_strategy", _("No exit strategy.")),
    ):
        if not str(getattr(placement, code)).strip():
            warn(code, code, label, R_OUTCOMES)
    if placement.child_voice_date is None:
        warn(
            "child_voice",
            "child_voice_date",
            _("The child's voice has not been sought (no date)."),
            R_VOICE,
        )
    if placement.family_voice_date is None:
        warn(
            "family_voice",
            "family_voice_date",
            _("The family's voice has not been sought (no date)."),
            R_VOICE,
        )
    if not placement.english_maths:
        warn(
            "english_maths",
            "english_maths",
            _("English and maths are not in the offer."),
            R_ENGLISH_MATHS,
        )
    _date_rules(placement, warn)
    _overrun_rules(placement, today, warn)
    review_rules(placement, reviews, guide, today, warn)
    _guide_rules(placement, guide, la, warn)
    out_of_area = placement.out_of_area or provider.distance_band == DistanceBand.OUT_OF_AREA
    if out_of_area and not placement.transport.strip():
        warn(
            "transport",
            "transport",
            _("Out of area, and no transport arrangements recorded."),
            R_TRANSPORT,
        )
    if qa is not None and qa.needs_reason and placement.status != PlacementStatus.ENDED:
        recorded = placement.qa_override_reason.strip()
        text = _("Provider QA: {summary}.").format(summary=qa.summary)
        if recorded:
            text += " " + _("Reason recorded: {reason}").format(reason=recorded)
        warn("provider_qa", "qa_override_reason", text, R_QA)
    return out


def _hours_rules(
    placement: CheckedPlacement,
    provider: CheckedProvider,
    pupil: CheckedPupil,
    others: Sequence[OtherPlacement],
    warn: Warn,
) -> None:
    hours = placement.hours_per_week
    full_time = is_full_time(placement)
    if full_time and not FULL_TIME_MIN <= hours <= FULL_TIME_MAX:
        warn(
            "full_time_hours",
            "hours_per_week",
            _("Full-time placement of {h} hours a week: full time is 18 to 25 hours.").format(
                h=_hours(hours)
            ),
            R_FULL_TIME,
        )
    elif not full_time and hours <= 0:
        warn("hours_missing", "hours_per_week", _("No hours a week entered."), R_SESSIONS)
    elif not full_time and not placement.other_ap.strip():
        current = [
            o
            for o in others
            if o.id != placement.id
            and o.status != PlacementStatus.ENDED
            and _overlaps(o, placement)
        ]
        total = hours + sum(o.hours_per_week for o in current)
        if total < FULL_TIME_MIN:
            warn(
                "part_time_timetable",
                "other_ap",
                _(
                    "Part time ({h} hours a week). Record in 'Other AP in place' what the pupil "
                    "does for the rest of the week, or the agreed part-time timetable and its "
                    "review date; missed sessions are coded C2."
                ).format(h=_hours(total)),
                R_PART_TIME,
            )
    vulnerable = pupil.looked_after or pupil.sen_status == SenStatus.EHC_PLAN
    if full_time and vulnerable and provider.registration == RegistrationStatus.UNREGISTERED:
        warn(
            "unregistered_full_time",
            "provider_id",
            _(
                "Full-time placement at an unregistered provider for a pupil with an EHC plan or "
                "in care."
            ),
            R_UNREGISTERED,
        )
    sessions = len(placement.sessions)
    if sessions == 0 and hours > 0:
        warn(
            "sessions_pattern",
            "sessions",
            _("No sessions chosen for {h} hours a week.").format(h=_hours(hours)),
            R_SESSIONS,
        )
    elif sessions and not SESSION_MIN * sessions <= hours <= SESSION_MAX * sessions:
        warn(
            "sessions_pattern",
            "sessions",
            _("{n} sessions is about {expected} hours, not {h}.").format(
                n=sessions, expected=_hours(sessions * SESSION_HOURS), h=_hours(hours)
            ),
            R_SESSIONS,
        )


def _code_rules(placement: CheckedPlacement, warn: Warn) -> None:
    code, by = placement.registration_code, placement.commissioner
    if by == Commissioner.SCHOOL and code == RegistrationCode.D:
        warn(
            "registration_code",
            "registration_code",
            _(
                "Code D is only for a pupil dual registered at the other setting; a placement the "
                "school commissions is coded B."
            ),
            R_CODES,
        )
    elif by == Commissioner.SCHOOL and code == RegistrationCode.K:
        warn(
            "registration_code",
            "registration_code",
            _(
                "Code K is for education the local authority arranges; the school commissions this "
                "placement, so use B."
            ),
            R_CODES,
        )
    elif by == Commissioner.LA and code == RegistrationCode.B:
        warn(
            "registration_code",
            "registration_code",
            _(
                "The local authority arranges this placement: use K (or D if the pupil is dual "
                "registered there)."
            ),
            R_CODES,
        )


def _guide_rules(
    placement: CheckedPlacement, guide: GuideSettings, la: LaNotice | None, warn: Warn
) -> None:
    """The 2025 guide: a planned length within the school's limit, a written agreement with
    the provider, and the LA told of a placement the school commissions."""
    weeks = planned_weeks(placement.start_date, placement.end_date)
    if guide.max_weeks is not None and weeks is not None and weeks > guide.max_weeks:
        warn(
            "planned_length",
            "end_date",
            _("Planned for {n} weeks: longer than the school's limit of {limit} weeks.").format(
                n=f"{round(weeks, 1):g}", limit=guide.max_weeks
            ),
            R_LENGTH,
        )
    by_school = placement.commissioner == Commissioner.SCHOOL
    if by_school and placement.agreement_date is None:
        warn(
            "agreement",
            "agreement_date",
            _("No written agreement with the provider recorded."),
            R_AGREEMENT,
        )
    started = placement.status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED)
    told = placement.la_told_on is not None
    if by_school and started and la is not None and la.status == "none" and not told:
        warn(
            "la_notified",
            "la_told_on",
            _(
                "The LA has not been told of this placement: no start notification was sent "
                "and no other notice is recorded."
            ),
            R_LA_NOTIFIED,
        )


def _overrun_rules(placement: CheckedPlacement, today: date, warn: Warn) -> None:
    """A running placement past its agreed end is either extended or ended: the editor says so
    as Today's work does."""
    end = placement.end_date
    if end is not None and placement.status == PlacementStatus.ACTIVE and end < today:
        warn(
            "past_end",
            "end_date",
            _("The placement ran past its end date ({end}): extend it or end it.").format(
                end=format_date(end)
            ),
            R_OVERRUN,
        )


def _date_rules(placement: CheckedPlacement, warn: Warn) -> None:
    start, end = placement.start_date, placement.end_date
    if start is not None and end is not None and start > end:
        warn(
            "dates_order",
            "end_date",
            _("The start ({start}) is after the end ({end}).").format(
                start=format_date(start), end=format_date(end)
            ),
            R_DATES,
        )
