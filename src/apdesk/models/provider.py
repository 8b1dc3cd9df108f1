"""AP providers: the directory, their quality assurance and the concerns logged about them."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.models.enums import (
    AuditKind,
    AuditOutcome,
    Delivery,
    DistanceBand,
    LaApproval,
    RateUnit,
    RegistrationStatus,
    SettingType,
)
from apdesk.models.types import enum_field, list_field


class ProviderDetails(SQLModel):
    """Every field a coordinator edits on a provider: the table and the editor's input both
    inherit them, so a field is declared once."""

    setting_type: SettingType = enum_field(SettingType, default=SettingType.UNREGISTERED)
    registration: RegistrationStatus = enum_field(
        RegistrationStatus, default=RegistrationStatus.UNREGISTERED
    )
    ofsted_urn: str = ""
    ukprn: str = ""
    la_approval: LaApproval = enum_field(LaApproval, default=LaApproval.NOT_LISTED)
    regulated: bool = False
    quality_assured: bool = False
    dps_lots: list[str] = list_field()
    categories: list[str] = list_field()
    delivery: Delivery = enum_field(Delivery, default=Delivery.FACE_TO_FACE)
    courses: list[str] = list_field()
    accreditations: str = ""
    age_min: int = 5
    age_max: int = 16
    capacity: int = 0
    rate_pence: int = 0
    rate_unit: RateUnit = enum_field(RateUnit, default=RateUnit.DAILY)
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    contact_name: str = ""
    safeguarding_lead: str = ""
    staff_checks_confirmed: bool = False
    staff_checks_date: date | None = None
    insurance_expiry: date | None = None
    distance_band: DistanceBand = enum_field(DistanceBand, default=DistanceBand.NEAR)
    notes: str = ""


class Provider(ProviderDetails, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)


class ProviderAudit(SQLModel, table=True):
    """One QA audit of a provider: safeguarding, health and safety, or quality of education."""

    id: int | None = Field(default=None, primary_key=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    kind: AuditKind = enum_field(AuditKind)
    audit_date: date
    outcome: AuditOutcome = enum_field(AuditOutcome, default=AuditOutcome.PASSED)
    next_due: date | None = None
    notes: str = ""


class QualityConcern(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    raised_on: date
    concern: str
    told: str = ""
    outcome: str = ""
