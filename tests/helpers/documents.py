"""A placement ready to print, and the text of a PDF read back."""

from __future__ import annotations

import io
from datetime import date, time

from pypdf import PdfReader

from apdesk import models
from apdesk.models.enums import (
    Commissioner,
    FundingStream,
    PlacementStatus,
    RegistrationCode,
    SenStatus,
    SettingType,
)
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

START = date(2025, 3, 3)


def pdf_text(data: bytes) -> str:
    """All pages' text with whitespace collapsed, so wrapped labels read as one line."""
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def make_placement(store: Store, *, sen: SenStatus = SenStatus.EHC_PLAN, **changes: object) -> int:
    with store.session() as s:
        save_school(
            s,
            SchoolDetails(
                name="Fernhill Community College",
                urn="123456",
                address="2 Orchard Road, Fernhill, FH1 1AA",
                phone="01632 960111",
                email="office@fernhill.example",
            ),
        )
        pupil = models.Pupil(
            upn="A123456789012",
            forename="Tamsin",
            surname="Okafor-Reid",
            dob=date(2011, 5, 14),
            nc_year=9,
            sen_status=sen,
            looked_after=True,
        )
        provider = models.Provider(
            name="Brookside Learning Centre",
            setting_type=SettingType.PRU,
            address="14 Canal Street, Lowmoor",
            postcode="LM2 4QT",
            phone="01632 960222",
            contact_name="Dev Marsh",
        )
        s.add(pupil)
        s.add(provider)
        s.flush()
        s.add(
            models.Contact(
                pupil_id=pupil.id or 0,
                name="Mrs Ada Okafor",
                address="7 Wren Close, Fernhill, FH2 3BB",
            )
        )
        s.add(
            models.Contact(
                pupil_id=pupil.id or 0,
                name="Mr Leon Reid",
                address="21 Tanners Row, Lowmoor, LM1 9ZZ",
            )
        )
        s.add(
            models.Contact(pupil_id=pupil.id or 0, name="Aunt Bea", parental_responsibility=False)
        )
        fields: dict[str, object] = dict(
            pupil_id=pupil.id or 0,
            provider_id=provider.id or 0,
            status=PlacementStatus.REFERRED,
            reasons=["exclusion", "semh"],
            commissioner=Commissioner.SCHOOL,
            funding_stream=FundingStream.NOTIONAL_SEND,
            registration_code=RegistrationCode.B,
            key_contact_name="Mr O. Pike",
            key_contact_role="Deputy head",
            key_contact_details="01632 960112, o.pike@fernhill.example",
            attendance_at_referral=0.784,
            interventions_tried="Daily mentor check-in",
            send_needs="Speech and language needs",
            health_needs="Asthma",
            family_support="Early Help worker",
            safety_info="Has left site twice",
            risk_assessment_date=date(2025, 2, 20),
            hours_per_week=12.5,
            sessions=["MON_AM", "MON_PM", "WED_AM"],
            session_times="09:30 to 12:00, 13:00 to 15:00",
            session_start=time(9, 30),
            break_start=time(12, 0),
            break_end=time(13, 0),
            session_end=time(15, 0),
            la_notice_date=date(2025, 2, 20),
            start_date=START,
            end_date=date(2025, 4, 11),
            learning_outcomes="Complete the Entry Level 3 maths unit",
            success_measures="Weekly provider report",
            exit_strategy="Phased return from week 5",
            child_voice="Wants practical work",
            child_voice_date=date(2025, 2, 10),
            family_voice="Parents agree",
            family_voice_date=date(2025, 2, 12),
            other_ap="Online tutoring on Fridays",
            english_maths=True,
            review_date=date(2025, 3, 24),
            transport="Taxi arranged by school",
            transport_cost_pence=4500,
            caseworker_told_on=date(2025, 2, 14),
            off_site_direction=True,
            reporting_to="Ms Jo Fenn at reception",
            direction_days=17,
        )
        fields.update(changes)
        placement = models.Placement(**fields)  # type: ignore[arg-type]
        s.add(placement)
        s.flush()
        return placement.id or 0
