"""notification.json: what the LA needs to know about a placement, and nothing more.

Data minimised on purpose: no health, safeguarding, family or free-text notes leave the
school in a pack; the plan is summarised as yes/no facts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from apdesk.i18n import N_, _
from apdesk.models import (
    AttendanceMark,
    Placement,
    Plan,
    PlanTarget,
    Provider,
    Pupil,
    School,
    VoiceEntry,
)
from apdesk.models.enums import PackKind, SettingType, VoiceOf
from apdesk.models.errors import ValidationError
from apdesk.models.figures import Figures
from apdesk.models.parties import load_placement_parties

SCHEMA_VERSION = "notification-v1"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _school(session: Session) -> dict[str, str]:
    school = session.exec(select(School)).first()
    details = {
        "name": school.name if school else "",
        "urn": school.urn if school else "",
        "la_code": school.la_code if school else "",
        "estab": school.estab if school else "",
    }
    for field, label in (
        ("name", N_("School name")),
        ("urn", N_("School URN")),
        ("la_code", N_("School LA code")),
        ("estab", N_("School establishment number")),
    ):
        if not details[field]:
            raise ValidationError(
                _(label), _("is not set"), _("enter it in File › School details before sending")
            )
    return details


def _pupil(pupil: Pupil) -> dict[str, Any]:
    return {
        "upn": pupil.upn,
        "forename": pupil.forename,
        "surname": pupil.surname,
        "dob": pupil.dob.isoformat(),
        "nc_year": pupil.nc_year,
        "gender": pupil.gender.value,
        "sen_status": pupil.sen_status.value,
        "looked_after": pupil.looked_after,
    }


# Kinds apdesk knows that schema v1 does not list: sent as the v1 kind they belong to.
V1_SETTING_TYPES = {SettingType.WORK_BASED: SettingType.UNREGISTERED}


def _provider(provider: Provider) -> dict[str, Any]:
    kind = V1_SETTING_TYPES.get(provider.setting_type, provider.setting_type)
    return {
        "name": provider.name,
        "urn": provider.ofsted_urn or None,
        "ukprn": provider.ukprn or None,
        "setting_type": kind.value,
        "registered": provider.registration.value == "registered",
    }


def _placement(placement: Placement, provider: Provider) -> dict[str, Any]:
    return {
        "reference": str(placement.id),
        "provider": _provider(provider),
        "status": placement.status.value,
        "start_date": _iso(placement.start_date),
        "end_date": _iso(placement.end_date),
        "hours_per_week": placement.hours_per_week,
        "sessions": sorted(placement.sessions),
        "commissioner": placement.commissioner.value,
        "funding_stream": placement.funding_stream.value,
        "registration_code": placement.registration_code.value,
        "outcome": placement.outcome.value if placement.outcome else None,
    }


def _voice_sought(session: Session, placement: Placement, who: VoiceOf, text: str) -> bool:
    if text.strip():
        return True
    query = (
        select(func.count())
        .select_from(VoiceEntry)
        .where(VoiceEntry.placement_id == placement.id, VoiceEntry.voice_of == who)
    )
    return int(session.exec(query).one()) > 0


def _plan_summary(session: Session, placement: Placement) -> dict[str, bool]:
    plan = session.exec(select(Plan).where(Plan.placement_id == placement.id)).first()
    targets = 0
    if plan is not None:
        count = select(func.count()).select_from(PlanTarget).where(PlanTarget.plan_id == plan.id)
        targets = int(session.exec(count).one())
    return {
        "has_learning_outcomes": bool(placement.learning_outcomes.strip()) or targets > 0,
        "has_exit_strategy": bool(placement.exit_strategy.strip())
        or bool(plan is not None and plan.exit_strategy.strip()),
        "child_voice_sought": _voice_sought(
            session, placement, VoiceOf.CHILD, placement.child_voice
        ),
        "family_voice_sought": _voice_sought(
            session, placement, VoiceOf.FAMILY, placement.family_voice
        ),
    }


def _attendance(session: Session, placement: Placement, until: date) -> dict[str, Any]:
    """Session counts at the provision: current marks only (amended marks are superseded)."""
    start = placement.start_date or until
    rows = session.exec(
        select(AttendanceMark.code).where(
            AttendanceMark.placement_id == placement.id,
            col(AttendanceMark.superseded_by).is_(None),
            AttendanceMark.mark_date >= start,
            AttendanceMark.mark_date <= until,
        )
    ).all()
    figures = Figures()
    for code in rows:
        figures.add(code)
    return {
        "from": start.isoformat(),
        "to": until.isoformat(),
        "sessions_possible": figures.possible,
        "sessions_attended": figures.attended,
    }


def build_notification(
    session: Session, placement_id: int, kind: PackKind, pack_id: str, created_at: datetime
) -> dict[str, Any]:
    parties = load_placement_parties(session, placement_id)
    placement, pupil, provider = parties.placement, parties.pupil, parties.provider
    if created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    notification: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "pack_id": pack_id,
        "kind": kind.value,
        "created_at": created_at.isoformat(timespec="seconds"),
        "school": _school(session),
        "pupil": _pupil(pupil),
        "placement": _placement(placement, provider),
        "plan_summary": _plan_summary(session, placement),
    }
    if kind is PackKind.ATTENDANCE_SUMMARY:
        notification["attendance"] = _attendance(session, placement, created_at.date())
    return notification
