"""Builders shared by the provider and placement tests (no tests here)."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from sqlmodel import Session

from apdesk import models
from apdesk.models.enums import AuditKind, AuditOutcome, DistanceBand, Gender, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.calendar import SchoolCalendar
from apdesk.services.operations.placements import (
    refer_placement,
    save_placement,
    start_placement,
)
from apdesk.services.placement_rules import PlacementWarning, check_placement
from apdesk.services.placements import PlacementInput
from apdesk.services.providers import ProviderInput, create_provider
from apdesk.services.qa import AuditInput, add_audit
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

MONDAY = date(2025, 3, 3)  # a Monday in term time
SESSIONS_8 = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM", "WED_PM", "THU_AM", "THU_PM"]


def pupil_model(serial: int = 1, **changes: object) -> models.Pupil:
    values: dict[str, object] = {
        "upn": make_upn(855, 4001, 2020, serial),
        "forename": "Test",
        "surname": f"Pupil{serial}",
        "dob": date(2011, 5, 4),
        "gender": Gender.OTHER,
        "nc_year": 9,
        "sen_status": SenStatus.NONE,
    }
    values.update(changes)
    return models.Pupil(**values)  # type: ignore[arg-type]


def add_pupil(session: Session, serial: int = 1, **changes: object) -> models.Pupil:
    pupil = pupil_model(serial, **changes)
    session.add(pupil)
    session.flush()
    return pupil


def provider_input(name: str = "Green Shoots Farm", **changes: object) -> ProviderInput:
    base = ProviderInput(
        name=name,
        categories=["vocational", "engagement"],
        dps_lots=["5"],
        age_min=11,
        age_max=16,
        capacity=8,
        address="Home Farm, Easterby",
        postcode="nb3 4af",
        staff_checks_confirmed=True,
        staff_checks_date=MONDAY - timedelta(days=60),
        distance_band=DistanceBand.NEAR,
    )
    return base.model_copy(update=changes)


def audit_all(
    session: Session,
    provider_id: int,
    done: date,
    outcome: AuditOutcome = AuditOutcome.PASSED,
    next_due: date | None = None,
    kinds: tuple[AuditKind, ...] = tuple(AuditKind),
) -> None:
    for kind in kinds:
        add_audit(session, provider_id, AuditInput(kind, done, outcome, next_due), today=done)


def add_provider(
    session: Session, name: str = "Green Shoots Farm", qa: bool = True, **changes: object
) -> models.Provider:
    """A provider; with `qa` every audit passed 60 days before MONDAY (so QA is current)."""
    changed = create_provider(session, provider_input(name, **changes))
    if qa:
        audit_all(session, changed.id, MONDAY - timedelta(days=60))
    provider = session.get(models.Provider, changed.id)
    assert provider is not None
    return provider


def good_input(pupil_id: int, provider_id: int, start: date = MONDAY) -> PlacementInput:
    """A full-time placement that meets every rule."""
    return PlacementInput(
        pupil_id=pupil_id,
        provider_id=provider_id,
        category="ks4",
        reasons=["semh"],
        key_contact_name="Ms R. Ellery",
        key_contact_role="SENCO",
        hours_per_week=20.0,
        sessions=SESSIONS_8,
        session_times="09:15-12:00 and 12:45-15:00",
        session_start=time(9, 15),
        break_start=time(12, 0),
        break_end=time(12, 45),
        session_end=time(15, 0),
        agreement_date=start - timedelta(days=10),
        start_date=start,
        end_date=start + timedelta(weeks=12),
        learning_outcomes="Attend 90% of sessions; Entry Level 3 English and maths.",
        success_measures="Weekly attendance returns; unit certificates.",
        exit_strategy="Phased return from week 8.",
        child_voice="Wants a smaller group.",
        child_voice_date=start - timedelta(days=14),
        family_voice="Parent supports it.",
        family_voice_date=start - timedelta(days=12),
        english_maths=True,
        review_date=start + timedelta(weeks=6),
        transport="Bus pass",
    )


def placement_model(data: PlacementInput, **changes: object) -> models.Placement:
    values = data.values()
    values.update(changes)
    return models.Placement(**values)


RULES_TODAY = MONDAY - timedelta(days=14)
NO_CLOSURES = SchoolCalendar()
FRIDAY, NEXT_MONDAY, NEXT_TUESDAY = date(2025, 3, 7), date(2025, 3, 10), date(2025, 3, 11)
DIRECTION: dict[str, Any] = {
    "off_site_direction": True,
    "parent_notice_date": MONDAY - timedelta(days=7),
    "reporting_to": "Mr K. Mensah, site lead",
    "direction_days": 49,  # Monday to Thursday for 12 weeks and a day, as `good_input` runs
}


def provider_model(**changes: object) -> models.Provider:
    values: dict[str, object] = {
        "id": 2,
        "name": "Green Shoots Farm",
        "address": "Home Farm, Easterby",
        "distance_band": DistanceBand.NEAR,
        "staff_checks_confirmed": True,
    }
    values.update(changes)
    return models.Provider(**values)  # type: ignore[arg-type]


def check(
    placement: dict[str, Any] | None = None,
    pupil: dict[str, Any] | None = None,
    provider: dict[str, Any] | None = None,
    calendar: SchoolCalendar = NO_CLOSURES,
    **kw: Any,
) -> list[PlacementWarning]:
    record = placement_model(good_input(1, 2), id=10, **(placement or {}))
    return check_placement(
        record,
        pupil_model(1, id=1, **(pupil or {})),
        provider_model(**(provider or {})),
        calendar,
        RULES_TODAY,
        **kw,
    )


def codes(warnings: list[PlacementWarning]) -> set[str]:
    return {w.code for w in warnings}


def started(store: Store, serial: int = 1, start: date = MONDAY) -> tuple[int, int]:
    """(placement id, pupil id) of a placement made, referred and started through the
    operations: sessions Monday to Thursday, planned to end 12 weeks after `start`."""
    with store.session() as session:
        save_school(
            session, SchoolDetails(name="Test School", urn="123456", la_code="855", estab="4001")
        )
        pupil = add_pupil(session, serial)
        provider = add_provider(session, f"Provider {serial}")
        data = good_input(pupil.id or 0, provider.id or 0, start)
    before = start - timedelta(days=14)
    placement_id = store.run(save_placement, None, data, before).value.id
    store.run(refer_placement, placement_id, before, before)
    store.run(start_placement, placement_id, start, before)
    return placement_id, pupil.id or 0
