"""A placement in alternative provision: every Appendix A field and the DfE additions."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlmodel import Field, SQLModel

from apdesk.models.enums import (
    Commissioner,
    FundingStream,
    PlacementOutcome,
    PlacementStatus,
    RegistrationCode,
)
from apdesk.models.types import enum_field, list_field, utcnow


class PlacementDetails(SQLModel):
    """Every field a coordinator edits on a placement (Appendix A, the DfE additions, the
    off-site direction). The table and the editor's input both inherit them, so a field is
    declared once. Status, outcome and lifecycle dates change through their own actions."""

    category: str = ""
    reasons: list[str] = list_field()
    commissioner: Commissioner = enum_field(Commissioner, default=Commissioner.SCHOOL)
    funding_stream: FundingStream = enum_field(FundingStream, default=FundingStream.SCHOOL_BUDGET)
    registration_code: RegistrationCode = enum_field(RegistrationCode, default=RegistrationCode.B)
    # Appendix A
    key_contact_name: str = ""
    key_contact_role: str = ""
    key_contact_details: str = ""
    attendance_at_referral: float | None = None  # a fraction: 0.85 is 85%
    interventions_tried: str = ""
    send_needs: str = ""
    health_needs: str = ""
    family_support: str = ""
    safety_info: str = ""
    risk_assessment_date: date | None = None
    hours_per_week: float = 0.0
    sessions: list[str] = list_field()  # e.g. ["MON_AM", "MON_PM", "WED_AM"]
    session_times: str = ""  # a note on the times; the clock times below are what a notice gives
    session_start: time | None = None  # the first (or only) session starts
    session_end: time | None = None  # the last (or only) session finishes
    break_start: time | None = None  # the break between a morning and an afternoon session
    break_end: time | None = None
    start_date: date | None = None
    end_date: date | None = None
    learning_outcomes: str = ""
    success_measures: str = ""
    exit_strategy: str = ""
    child_voice: str = ""
    child_voice_date: date | None = None
    family_voice: str = ""
    family_voice_date: date | None = None
    other_ap: str = ""
    # DfE additions
    english_maths: bool = False
    review_date: date | None = None
    transport: str = ""
    transport_cost_pence: int = 0  # what transport costs for each day the pupil attends
    out_of_area: bool = False
    family_preference: str = ""
    ehcp_attached: bool = False
    caseworker_told_on: date | None = None
    agreement_date: date | None = None  # the written agreement with the provider
    la_told_on: date | None = None  # the LA told of the placement by its own form or email
    qa_override_reason: str = ""
    # Off-site direction
    off_site_direction: bool = False
    parent_notice_date: date | None = None
    la_notice_date: date | None = None  # a copy of the notice to the LA (pupil with an EHC plan)
    reporting_to: str = ""
    direction_days: int = 0
    last_direction_review: date | None = None
    review_requested_on: date | None = None


class Placement(PlacementDetails, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    status: PlacementStatus = enum_field(PlacementStatus, default=PlacementStatus.DRAFT)
    outcome: PlacementOutcome | None = enum_field(PlacementOutcome, default=None, nullable=True)
    outcome_notes: str = ""
    destination: str = ""
    # lifecycle
    referred_on: date | None = None
    started_on: date | None = None
    ended_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
