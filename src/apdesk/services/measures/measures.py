"""The LA's success measures at school level, each with the records behind its figure.

Every measure says what it counts (its definition) and keeps the ids of the pupils and
placements behind it, so a figure on the dashboard or in a report can always be opened.
A share whose denominator is zero has no value (None), never 0% or 100%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from apdesk.i18n import _
from apdesk.models import Plan, Provider, VoiceEntry
from apdesk.models.enums import Commissioner, PlacementOutcome, SheffieldCategory, VoiceOf
from apdesk.models.plan_progress import TransitionStep
from apdesk.services.attendance import part_time_pupils
from apdesk.services.attendance.expected import PlacementPattern
from apdesk.services.measures.attendance_measures import (
    attendance_measures,
    period_scan,
    severe_absence,
)
from apdesk.services.measures.common import (
    Period,
    Started,
    finished,
    in_period,
    running_on,
    started_placements,
)
from apdesk.services.measures.model import Measure, count_measure, share_measure
from apdesk.services.measures.suspensions import suspension_measure
from apdesk.services.placement_rules import is_full_time
from apdesk.services.plans import re_referrals

RECENT = timedelta(days=14)


def all_measures(
    session: Session,
    period: Period,
    today: date,
    placements: Sequence[Started] | None = None,
    patterns: list[PlacementPattern] | None = None,
) -> list[Measure]:
    """Every measure over `period`; "now" figures are taken on `today`. `placements`, if
    given, are the started placements (`started_facts`), and `patterns` the placements'
    attendance patterns over the period, each read once for the whole dashboard."""
    placements = started_placements(session) if placements is None else placements
    scope = {p.id or 0: p for p in placements if in_period(p, period)}
    owners = {pid: p.pupil_id for pid, p in scope.items()}
    scan = period_scan(session, period, today, patterns)  # shared by the attendance measures
    return [
        pupils_in_ap(session, placements, today),
        share_measure(
            "learning_outcomes",
            _("Clear learning outcomes on entry"),
            _("Placements running in the period whose learning outcomes were written down."),
            {i: owners[i] for i, p in scope.items() if p.learning_outcomes.strip()},
            owners,
        ),
        share_measure(
            "transition_plan",
            _("Transition support plan"),
            _(
                "Placements running in the period with a transition plan back to mainstream: "
                "at least one transition step, or the plan's transition text."
            ),
            {i: owners[i] for i in _with_transition(session, list(scope))},
            owners,
        ),
        share_measure(
            "voice_sought",
            _("Child and family voice sought"),
            _(
                "Placements running in the period where both the child's and the family's views "
                "were recorded (on the placement or as a dated voice entry)."
            ),
            {i: owners[i] for i in _with_voice(session, scope)},
            owners,
        ),
        *attendance_measures(session, period, scope, today, scan),
        part_time(session, period, today),
        suspension_measure(session, period, scope),
        permanent_exclusions(placements, period),
        re_referral_count(session, period),
        severe_absence(session, period, scope, today, scan),
    ]


def mark_measures(
    session: Session,
    period: Period,
    today: date,
    placements: Sequence[Started],
    patterns: list[PlacementPattern] | None = None,
) -> list[Measure]:
    """Only the measures an attendance mark can move (as `all_measures` words them): after a
    mark the home page reads these again and keeps the rest."""
    scope = {p.id or 0: p for p in placements if in_period(p, period)}
    scan = period_scan(session, period, today, patterns)
    return [
        *attendance_measures(session, period, scope, today, scan),
        part_time(session, period, today),
        severe_absence(session, period, scope, today, scan),
    ]


def pupils_in_ap(session: Session, placements: Sequence[Any], today: date) -> Measure:
    now = [p for p in placements if running_on(p, today)]
    names = dict(session.exec(select(Provider.id, Provider.name)).all())
    by: dict[str, Counter[str]] = {
        k: Counter() for k in ("provider", "category", "hours", "commissioner")
    }
    for p in now:
        by["provider"][names.get(p.provider_id, "?")] += 1
        category = SheffieldCategory(p.category).label if p.category else _("Not set")
        by["category"][category] += 1
        by["hours"][_("Full time") if is_full_time(p) else _("Part time")] += 1
        by["commissioner"][Commissioner(p.commissioner).label] += 1
    return count_measure(
        "pupils_in_ap",
        _("Pupils in AP now"),
        _("Pupils with a placement that has started and not ended, today."),
        {p.pupil_id for p in now},
        {p.id or 0 for p in now},
        breakdown={k: dict(v.most_common()) for k, v in by.items()},
    )


def _with_transition(session: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    plans = session.exec(select(Plan).where(col(Plan.placement_id).in_(ids))).all()
    stepped = set(session.exec(select(TransitionStep.plan_id).distinct()).all())
    return {p.placement_id for p in plans if p.transition_plan.strip() or p.id in stepped}


def _with_voice(session: Session, scope: dict[int, Any]) -> set[int]:
    heard: dict[int, set[VoiceOf]] = {i: set() for i in scope}
    for i, p in scope.items():
        if p.child_voice_date or p.child_voice.strip():
            heard[i].add(VoiceOf.CHILD)
        if p.family_voice_date or p.family_voice.strip():
            heard[i].add(VoiceOf.FAMILY)
    if scope:
        query = select(VoiceEntry).where(col(VoiceEntry.placement_id).in_(list(scope)))
        for entry in session.exec(query).all():
            heard[entry.placement_id or 0].add(entry.voice_of)
    return {i for i, who in heard.items() if len(who) == 2}


def part_time(session: Session, period: Period, today: date) -> Measure:
    """Still in use means a C2 mark in the last two weeks, whatever end date was agreed: an
    arrangement that outran its end date is exactly the one to count."""
    end = min(period.end, today)
    # Only the last two weeks are read: a pupil's last C2 there, and so the placement it
    # belongs to, is the same as over the whole period; the marks before cannot count.
    recent = max(period.start, end - RECENT)
    entries = [
        e for e in part_time_pupils(session, recent, end, today=today) if e.last_c2 >= end - RECENT
    ]
    return count_measure(
        "part_time_timetables",
        _("Part-time timetables active"),
        _(
            "Pupils with a C2 (part-time timetable) mark in the last two weeks of the period, "
            "whether or not the agreed end date has passed."
        ),
        {e.pupil_id for e in entries},
        {e.placement_id for e in entries if e.placement_id},
    )


def permanent_exclusions(placements: Sequence[Any], period: Period) -> Measure:
    found = [
        p
        for p in placements
        if p.outcome is PlacementOutcome.PERMANENT_EXCLUSION
        and (end := finished(p)) is not None
        and period.start <= end <= period.end
    ]
    return count_measure(
        "permanent_exclusions",
        _("Permanent exclusions"),
        _(
            "Placements that ended in the period with the outcome 'permanent exclusion'. "
            "LA target: 10% fewer each year."
        ),
        {p.pupil_id for p in found},
        {p.id or 0 for p in found},
    )


def re_referral_count(session: Session, period: Period) -> Measure:
    found = [
        r
        for r in re_referrals(session, period.start)
        if period.start <= r.referred_on <= period.end
    ]
    return count_measure(
        "re_referrals",
        _("Re-referrals"),
        _(
            "Placements opened in the period for a pupil who had returned to mainstream from an "
            "earlier placement."
        ),
        {r.pupil_id for r in found},
        {r.placement_id for r in found},
    )
