"""Synthetic records for the sync tests: one school, one pupil, one provider, one placement."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SenStatus, SettingType
from apdesk.models.upn import make_upn
from apdesk.services.school import SchoolDetails, save_school

URN = "123456"
TOKEN = "school-token-0123456789abcdef"


def add_school(session: Session) -> None:
    save_school(
        session, SchoolDetails(name="Oakfield Academy", urn=URN, la_code="855", estab="4001")
    )


def add_placement(
    session: Session, status: PlacementStatus = PlacementStatus.DRAFT, serial: int = 1
) -> Placement:
    pupil = Pupil(
        upn=make_upn(855, 4001, 25, serial),
        forename="Ada",
        surname="Testperson",
        dob=date(2011, 5, 4),
        nc_year=9,
        sen_status=SenStatus.SEN_SUPPORT,
        health_needs="synthetic health note that must never leave the school",
    )
    provider = Provider(
        name="Riverside Learning Centre", setting_type=SettingType.AP_ACADEMY, ofsted_urn="140001"
    )
    session.add(pupil)
    session.add(provider)
    session.flush()
    assert pupil.id is not None and provider.id is not None
    placement = Placement(
        pupil_id=pupil.id,
        provider_id=provider.id,
        status=status,
        hours_per_week=10.0,
        sessions=["MON_AM", "WED_PM"],
        start_date=date(2025, 9, 8),
        end_date=date(2025, 12, 19),
        safety_info="synthetic safeguarding note that must never leave the school",
        learning_outcomes="Reading age up one year",
    )
    session.add(placement)
    session.flush()
    return placement
