"""Demo providers: one of every QA state (current, due soon, overdue, missing, failed, staff
checks not confirmed, insurance expired) and a concerns log, so every flag has something to show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, select

from apdesk import models
from apdesk.models.enums import AuditKind, AuditOutcome, LaApproval, RateUnit
from apdesk.services.demo import names as names
from apdesk.services.demo.texts import CONCERNS
from apdesk.services.providers import ProviderInput


def providers(session: Session, rng: random.Random, today: date) -> list[models.Provider]:
    """The demo directory; a store that already has it keeps it (no duplicates on a re-run)."""
    existing = {p.name: p for p in session.exec(select(models.Provider)).all()}
    made = []
    for index, spec in enumerate(names.PROVIDERS):
        if spec.name in existing:
            made.append(existing[spec.name])
            continue
        provider = models.Provider(**_input(rng, index, spec, today).cleaned())
        session.add(provider)
        session.flush()
        _audits(session, rng, provider, spec.qa, today)
        made.append(provider)
    if len(existing) == 0:
        for index, days, concern, told, outcome in CONCERNS:
            session.add(
                models.QualityConcern(
                    provider_id=made[index].id or 0,
                    raised_on=today - timedelta(days=days),
                    concern=concern,
                    told=told,
                    outcome=outcome,
                )
            )
    return made


def _input(rng: random.Random, index: int, spec: names.ProviderSpec, today: date) -> ProviderInput:
    registered = spec.registration == "registered"
    first = spec.name.split()[0].lower()
    approval = LaApproval.APPROVED
    if not spec.regulated:
        approval = [LaApproval.APPROVED, LaApproval.PENDING, LaApproval.NOT_LISTED][index % 3]
    if spec.qa == "failed":
        approval = LaApproval.SUSPENDED
    checked = spec.qa != "unchecked"
    return ProviderInput(
        name=spec.name,
        setting_type=spec.setting,  # type: ignore[arg-type]
        registration=spec.registration,  # type: ignore[arg-type]
        ofsted_urn=f"1{rng.randrange(10**5):05d}" if registered else "",
        ukprn=f"1000{rng.randrange(10**4):04d}" if spec.setting == "fe_college" else "",
        la_approval=approval,
        regulated=spec.regulated,
        quality_assured=spec.qa not in ("missing", "failed"),
        dps_lots=list(spec.lots),
        categories=list(spec.categories),
        delivery=spec.delivery,  # type: ignore[arg-type]
        courses=list(spec.courses),
        accreditations=rng.choice(["AQA Unit Awards", "ASDAN", "BTEC Level 1", "Entry Level 3"]),
        age_min=spec.ages[0],
        age_max=spec.ages[1],
        capacity=spec.capacity,
        rate_pence=rng.choice([4500, 6000, 9500, 12000, 15000]),
        rate_unit=RateUnit.DAILY if spec.regulated else RateUnit.HOURLY,
        address=_address(rng, spec),
        postcode=_postcode(rng, spec),
        phone=f"01632 96{rng.randrange(10000):04d}",
        email=f"office@{first}.example",
        contact_name=f"{rng.choice(names.FORENAMES)} {rng.choice(names.SURNAMES)}",
        safeguarding_lead=f"{rng.choice(names.FORENAMES)} {rng.choice(names.SURNAMES)}",
        staff_checks_confirmed=checked,
        staff_checks_date=today - timedelta(days=rng.randrange(30, 300)) if checked else None,
        insurance_expiry=today
        + timedelta(days=-20 if spec.qa == "uninsured" else rng.randrange(60, 300)),
        distance_band=spec.distance,  # type: ignore[arg-type]
        notes=_notes(spec.qa),
    )


def _address(rng: random.Random, spec: names.ProviderSpec) -> str:
    street = f"{rng.randrange(1, 80)} {rng.choice(names.STREETS)}, {rng.choice(names.TOWNS)}"
    return "" if spec.delivery == "online" else street  # an online school has no site


def _postcode(rng: random.Random, spec: names.ProviderSpec) -> str:
    code = f"NB{rng.randrange(1, 9)} {rng.randrange(1, 9)}{rng.choice('ABDEFG')}"
    code += rng.choice("HJLNPQ")
    return "" if spec.delivery == "online" else code


def _notes(qa: str) -> str:
    return {
        "failed": "Suspended from the LA directory after the failed safeguarding audit.",
        "unchecked": "Chased written confirmation of DBS checks twice.",
        "uninsured": "Asked for the renewed public liability certificate.",
        "missing": "New provider: quality of education visit not yet booked.",
    }.get(qa, "")


def _audits(
    session: Session, rng: random.Random, provider: models.Provider, qa: str, today: date
) -> None:
    """Audits that make the provider show `qa` on `today`."""
    for kind in AuditKind:
        ago = rng.randrange(40, 300)
        outcome = rng.choice(
            [AuditOutcome.PASSED, AuditOutcome.PASSED, AuditOutcome.PASSED_WITH_ACTIONS]
        )
        if qa == "missing" and kind is AuditKind.QUALITY_OF_EDUCATION:
            continue
        if qa == "overdue" and kind is AuditKind.SAFEGUARDING:
            ago = rng.randrange(400, 500)
        if qa == "due soon" and kind is AuditKind.HEALTH_SAFETY:
            ago = 365 - rng.randrange(5, 25)
        _add(session, provider, kind, today - timedelta(days=ago), outcome)
        if qa == "failed" and kind is AuditKind.SAFEGUARDING:
            _add(session, provider, kind, today - timedelta(days=4), AuditOutcome.FAILED)


def _add(
    session: Session,
    provider: models.Provider,
    kind: AuditKind,
    done: date,
    outcome: AuditOutcome,
) -> None:
    notes = {
        AuditOutcome.PASSED_WITH_ACTIONS: "Actions: update the fire risk assessment; log visitors.",
        AuditOutcome.FAILED: "Single central record incomplete; re-audit within 4 weeks.",
    }.get(outcome, "")
    session.add(
        models.ProviderAudit(
            provider_id=provider.id or 0,
            kind=kind,
            audit_date=done,
            outcome=outcome,
            next_due=done + timedelta(days=365),
            notes=notes,
        )
    )
