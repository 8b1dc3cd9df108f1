"""A realistic synthetic school for demos, screenshots and tests: deterministic for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, func, select

from apdesk import models
from apdesk.models.enums import (
    AuditKind,
    AuditOutcome,
    Commissioner,
    CourseType,
    Delivery,
    DistanceBand,
    DpsLot,
    FundingStream,
    Gender,
    LaApproval,
    NeedCategory,
    PlacementOutcome,
    PlacementStatus,
    RateUnit,
    RegistrationCode,
    RegistrationStatus,
    SenStatus,
    SettingType,
    SheffieldCategory,
)
from apdesk.models.upn import make_upn
from apdesk.services import demo_names as names
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

DEMO_PASSPHRASE = "apdesk-demo-passphrase"
LA_CODE, ESTAB = 855, 4001
DAYS = ["MON", "TUE", "WED", "THU", "FRI"]


def academic_year_start(today: date) -> date:
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def populate(
    store: Store, *, pupils: int = 200, seed: int = 7, today: date | None = None
) -> dict[str, int]:
    """Add the demo school to `store`; returns how many of each record were made."""
    today = today or date.today()
    rng = random.Random(seed)
    with store.session() as session:
        save_school(session, demo_school())
        start_serial = int(session.exec(select(func.count()).select_from(models.Pupil)).one())
        made_pupils = _pupils(session, rng, pupils, today, start_serial)
        providers = _providers(session, rng, today)
        placements = _placements(session, rng, made_pupils, providers, today)
    return {"pupils": len(made_pupils), "providers": len(providers), "placements": placements}


def demo_school() -> SchoolDetails:
    return SchoolDetails(
        name="Northbridge Academy (demo)",
        urn="139999",
        la_code=str(LA_CODE),
        estab=str(ESTAB),
        address="1 Mill Lane, Northbridge, NB1 2AP",
        phone="01632 960000",
        email="office@northbridge.example",
        key_contact_name="Ms R. Ellery",
        key_contact_role="SENCO and AP coordinator",
        key_contact_phone="01632 960001",
        key_contact_email="senco@northbridge.example",
    )


def _pupils(
    session: Session, rng: random.Random, count: int, today: date, start: int
) -> list[models.Pupil]:
    made = []
    year_start = academic_year_start(today)
    for i in range(count):
        serial = start + i
        nc_year = 7 + serial % 5
        age_on_sept = nc_year + 4
        dob = date(year_start.year - age_on_sept - 1, 9, 1) + timedelta(days=rng.randrange(365))
        sen = rng.choices(list(SenStatus), weights=[70, 22, 8])[0]
        needs = rng.sample([n.value for n in NeedCategory], k=rng.choice([0, 0, 1, 2]))
        pupil = models.Pupil(
            upn=make_upn(
                LA_CODE, ESTAB, year_start.year - (nc_year - 7), serial % 1000,
                temporary=(serial % 97 == 13),
            ),
            forename=rng.choice(names.FORENAMES),
            surname=rng.choice(names.SURNAMES),
            preferred_name=rng.choice(["", "", "", "", "Sam", "Bex", "Mo", "Jay"]),
            dob=dob,
            gender=rng.choice([Gender.FEMALE, Gender.MALE, Gender.MALE, Gender.FEMALE, Gender.OTHER]),
            nc_year=nc_year,
            sen_status=sen,
            looked_after=rng.random() < 0.04,
            needs=needs,
            health_needs=rng.choice(["", "", "", "Asthma: inhaler carried", "Type 1 diabetes: care plan"]),
            family_support=rng.choice(["", "", "Early Help assessment open", "Family support worker"]),
            safety_info=rng.choice(["", "", "", "Risk of absconding at transitions"]),
        )
        session.add(pupil)
        made.append(pupil)
    session.flush()
    for pupil in made:
        session.add(
            models.Contact(
                pupil_id=pupil.id or 0,
                name=f"{rng.choice(['Mrs', 'Mr', 'Ms'])} {pupil.surname}",
                relationship=rng.choice(["Mother", "Father", "Carer", "Grandparent"]),
                phone=f"07700 900{rng.randrange(1000):03d}",
                address=f"{rng.randrange(1, 120)} {rng.choice(names.STREETS)}, "
                f"{rng.choice(names.TOWNS)}",
            )
        )
    return made


def _providers(session: Session, rng: random.Random, today: date) -> list[models.Provider]:
    made = []
    qa_states = ["current", "overdue", "missing", "failed", "current", "current"]
    for index, (name, setting, registration, regulated) in enumerate(names.PROVIDERS):
        provider = models.Provider(
            name=name,
            setting_type=SettingType(setting),
            registration=RegistrationStatus(registration),
            ofsted_urn=f"1{rng.randrange(10**5):05d}" if registration == "registered" else "",
            ukprn=f"1000{rng.randrange(10**4):04d}" if setting == "fe_college" else "",
            la_approval=rng.choice(list(LaApproval)) if not regulated else LaApproval.APPROVED,
            regulated=regulated,
            quality_assured=index % 3 != 2,
            dps_lots=[] if regulated else sorted(rng.sample([lot.value for lot in DpsLot], k=2)),
            categories=sorted(rng.sample([c.value for c in SheffieldCategory], k=3)),
            delivery=Delivery.ONLINE if "Online" in name else rng.choice(list(Delivery)),
            courses=sorted(rng.sample([c.value for c in CourseType], k=2)),
            accreditations=rng.choice(["AQA Unit Awards", "ASDAN", "BTEC Level 1", ""]),
            age_min=rng.choice([5, 11, 11, 14]),
            age_max=16,
            capacity=rng.choice([6, 8, 12, 20, 40]),
            rate_pence=rng.choice([4500, 6000, 9500, 12000, 15000]),
            rate_unit=RateUnit.HOURLY if not regulated else RateUnit.DAILY,
            address=f"{rng.randrange(1, 80)} {rng.choice(names.STREETS)}, {rng.choice(names.TOWNS)}",
            postcode=f"NB{rng.randrange(1, 9)} {rng.randrange(1, 9)}{rng.choice('ABDEFG')}{rng.choice('HJLNPQ')}",
            phone=f"01632 96{rng.randrange(10000):04d}",
            email=f"office@{name.split()[0].lower()}.example",
            contact_name=f"{rng.choice(names.FORENAMES)} {rng.choice(names.SURNAMES)}",
            safeguarding_lead=f"{rng.choice(names.FORENAMES)} {rng.choice(names.SURNAMES)}",
            staff_checks_confirmed=index % 4 != 3,
            staff_checks_date=today - timedelta(days=rng.randrange(30, 400)) if index % 4 != 3 else None,
            distance_band=rng.choice(list(DistanceBand)),
        )
        session.add(provider)
        session.flush()
        _qa(session, rng, provider, qa_states[index % len(qa_states)], today)
        made.append(provider)
    concern = models.QualityConcern(
        provider_id=made[7].id or 0,
        raised_on=today - timedelta(days=21),
        concern="Pupil left site unsupervised at lunchtime; provider did not phone school.",
        told="LA AP officer; DSL",
        outcome="Provider's lunchtime supervision plan received; monitoring visit booked.",
    )
    session.add(concern)
    return made


def _qa(session: Session, rng: random.Random, provider: models.Provider, state: str, today: date) -> None:
    if state == "missing":
        return
    for kind in AuditKind:
        if state == "overdue":
            done = today - timedelta(days=rng.randrange(400, 600))
        else:
            done = today - timedelta(days=rng.randrange(30, 250))
        outcome = AuditOutcome.FAILED if state == "failed" and kind is AuditKind.SAFEGUARDING else (
            rng.choice([AuditOutcome.PASSED, AuditOutcome.PASSED, AuditOutcome.PASSED_WITH_ACTIONS])
        )
        session.add(
            models.ProviderAudit(
                provider_id=provider.id or 0,
                kind=kind,
                audit_date=done,
                outcome=outcome,
                next_due=done + timedelta(days=365),
            )
        )


REASONS_TEXT = {
    "exclusion": "Two suspensions this term; at risk of permanent exclusion.",
    "semh": "Anxiety and low mood; struggles in large classes.",
    "ebsa": "Attendance fell after Year 7; panic at the school gate.",
    "medical": "Long-term medical condition; hospital education advised by consultant.",
    "send": "ASD diagnosis; sensory overload in corridors.",
}


def _placements(
    session: Session,
    rng: random.Random,
    pupils: list[models.Pupil],
    providers: list[models.Provider],
    today: date,
) -> int:
    """About one pupil in eight gets a placement; every status and outcome appears."""
    chosen = [p for i, p in enumerate(pupils) if i % 8 == 3]
    statuses = [PlacementStatus.ACTIVE] * 4 + [
        PlacementStatus.DRAFT,
        PlacementStatus.REFERRED,
        PlacementStatus.ENDED,
        PlacementStatus.ENDED,
    ]
    outcomes = list(PlacementOutcome)
    count = 0
    for index, pupil in enumerate(chosen):
        status = statuses[index % len(statuses)]
        provider = providers[index % len(providers)]
        reason = rng.choice(list(REASONS_TEXT))
        days = rng.sample(DAYS, k=rng.choice([2, 3, 5]))
        sessions = [f"{d}_{s}" for d in DAYS if d in days for s in ("AM", "PM")]
        hours = round(len(sessions) * 2.5, 1)
        start = today + timedelta(days=rng.randrange(5, 30))
        if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED):
            start = today - timedelta(days=rng.randrange(40, 200))
        end = start + timedelta(weeks=rng.choice([6, 12, 24]))
        la = provider.setting_type in (SettingType.PRU, SettingType.HOSPITAL_SCHOOL) and index % 2 == 0
        placement = models.Placement(
            pupil_id=pupil.id or 0,
            provider_id=provider.id or 0,
            status=status,
            category=rng.choice(provider.categories) if provider.categories else "",
            reasons=[reason],
            commissioner=Commissioner.LA if la else Commissioner.SCHOOL,
            funding_stream=FundingStream.HIGH_NEEDS if la else FundingStream.SCHOOL_BUDGET,
            registration_code=RegistrationCode.K if la else RegistrationCode.B,
            key_contact_name="Ms R. Ellery",
            key_contact_role="SENCO",
            key_contact_details="01632 960001, senco@northbridge.example",
            attendance_at_referral=round(rng.uniform(0.42, 0.93), 3),
            interventions_tried="Pastoral mentor; reduced timetable for two weeks; "
            "educational psychology assessment; daily check-in with key adult.",
            send_needs=REASONS_TEXT["send"] if pupil.sen_status != SenStatus.NONE else "None identified",
            health_needs=pupil.health_needs or "None known",
            family_support=pupil.family_support or "Parent attends review meetings",
            safety_info=pupil.safety_info or "No known risks; risk assessment attached",
            risk_assessment_date=start - timedelta(days=10),
            hours_per_week=hours,
            sessions=sessions,
            session_times="09:15-12:00 and 12:45-15:00",
            start_date=start,
            end_date=end,
            learning_outcomes="Attend at least 90% of sessions; complete Entry Level 3 English "
            "and maths units; use two agreed calming strategies when anxious.",
            success_measures="Provider's weekly attendance returns; unit certificates; "
            "Boxall profile at start and end.",
            exit_strategy="Phased return: one mainstream day a week from week 6, "
            "rising to full time by the end of the placement.",
            child_voice="Wants a smaller group and to do practical work; worried about "
            "falling behind in maths.",
            child_voice_date=start - timedelta(days=14),
            family_voice="Parent supports the placement and asks for weekly updates by phone.",
            family_voice_date=start - timedelta(days=12),
            english_maths=provider.setting_type != SettingType.UNREGISTERED or index % 3 == 0,
            review_date=start + timedelta(weeks=6),
            transport=rng.choice(["Own transport", "Taxi arranged by school", "Bus pass"]),
            transport_cost_pence=rng.choice([0, 0, 4500, 12000]),
            out_of_area=provider.distance_band == DistanceBand.OUT_OF_AREA,
            ehcp_attached=pupil.sen_status == SenStatus.EHC_PLAN,
            caseworker_told_on=start - timedelta(days=20) if pupil.sen_status == SenStatus.EHC_PLAN else None,
            off_site_direction=reason == "exclusion",
            parent_notice_date=start - timedelta(days=7) if reason == "exclusion" else None,
            reporting_to=provider.contact_name,
            direction_days=len(days) * 6,
            referred_on=start - timedelta(days=21) if status != PlacementStatus.DRAFT else None,
            started_on=start if status in (PlacementStatus.ACTIVE, PlacementStatus.ENDED) else None,
        )
        if status is PlacementStatus.ENDED:
            placement.ended_on = min(end, today - timedelta(days=3))
            placement.outcome = outcomes[index % len(outcomes)]
            placement.destination = placement.outcome.label
        session.add(placement)
        count += 1
    return count
