"""A synthetic pupil with something in every table that holds data about a child."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session
from tests.helpers.documents import pdf_text

from apdesk.documents import sar_pdf
from apdesk.models import (
    AgencyInvolvement,
    Attachment,
    AttendanceMark,
    Contact,
    Placement,
    Plan,
    PlanTarget,
    Provider,
    Pupil,
    Review,
    VoiceEntry,
)
from apdesk.models.enums import Agency, PlacementStatus, SettingType, VoiceOf
from apdesk.models.enums import Session as Half
from apdesk.models.upn import make_upn
from apdesk.services import sar
from apdesk.store import Store


def add_child(
    session: Session,
    serial: int,
    surname: str,
    *,
    dob: date = date(2012, 5, 4),
    on_roll: bool = True,
    ended: date | None = None,
    mark_day: date = date(2025, 10, 6),
) -> Pupil:
    pupil = Pupil(
        upn=make_upn(855, 4001, 25, serial),
        forename="Robin",
        surname=surname,
        dob=dob,
        on_roll=on_roll,
        health_needs="synthetic asthma note",
    )
    provider = Provider(name=f"Riverside Centre {serial}", setting_type=SettingType.AP_ACADEMY)
    session.add_all([pupil, provider])
    session.flush()
    assert pupil.id is not None and provider.id is not None
    session.add(
        Contact(pupil_id=pupil.id, name=f"Sam {surname}-Parent", relationship="Parent", phone="01")
    )
    placement = Placement(
        pupil_id=pupil.id,
        provider_id=provider.id,
        status=PlacementStatus.ENDED if ended else PlacementStatus.ACTIVE,
        start_date=date(2025, 9, 8),
        end_date=ended,
        ended_on=ended,
        key_contact_name=f"Jo Keyworker{serial}",
        learning_outcomes="Reading age up one year",
    )
    session.add(placement)
    session.flush()
    assert placement.id is not None
    plan = Plan(placement_id=placement.id, exit_strategy="Back to mainstream by spring")
    session.add(plan)
    session.flush()
    assert plan.id is not None
    session.add(PlanTarget(plan_id=plan.id, what="Attend 90% of sessions"))
    session.add(
        Review(
            placement_id=placement.id,
            scheduled_for=date(2025, 11, 3),
            attendees=f"Pat Mentor{serial}, Sam {surname}-Parent",
        )
    )
    session.add(
        VoiceEntry(
            pupil_id=pupil.id,
            placement_id=placement.id,
            voice_of=VoiceOf.CHILD,
            said_on=date(2025, 10, 1),
            text="I like the woodwork sessions",
        )
    )
    session.add(
        AgencyInvolvement(
            pupil_id=pupil.id, agency=Agency.CAMHS, contact=f"Dr Lee Clinician{serial}"
        )
    )
    session.flush()
    first = AttendanceMark(
        pupil_id=pupil.id, placement_id=placement.id, mark_date=mark_day, session=Half.AM, code="/"
    )
    session.add(first)
    session.add(
        AttendanceMark(
            pupil_id=pupil.id,
            placement_id=placement.id,
            mark_date=mark_day,
            session=Half.PM,
            code="B",
        )
    )
    session.add(
        Attachment(
            pupil_id=pupil.id,
            placement_id=placement.id,
            filename=f"risk-assessment-{serial}.pdf",
            content=b"%PDF-1.4 synthetic",
            added_at=datetime(2025, 9, 1, tzinfo=UTC),
        )
    )
    session.flush()
    return pupil


def gathered(store: Store) -> tuple[sar.SubjectAccess, str]:
    """The export for a pupil with a record in every table, and its PDF's text."""
    with store.session() as s:
        child = add_child(s, 1, "Quillby")
    with store.session() as s:
        pupil = s.get(Pupil, child.id)
        assert pupil is not None
        pupil.preferred_name = "Rob"  # an update the audit log records
    with store.session() as s:
        access, school = sar.build_with_school(s, child.upn, date(2026, 3, 3))
    return access, pdf_text(sar_pdf.render(access, school))
