"""Reintegration plans, targets, reviews, voice and the agencies around a child."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.models.enums import Agency, VoiceOf
from apdesk.models.types import enum_field


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    placement_id: int = Field(foreign_key="placement.id", index=True, unique=True)
    exit_strategy: str = ""
    transition_plan: str = ""


class PlanTarget(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    what: str
    measure: str = ""
    baseline: str = ""
    target: str = ""
    by_date: date | None = None


class Review(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    placement_id: int = Field(foreign_key="placement.id", index=True)
    scheduled_for: date
    held_on: date | None = None
    attendees: str = ""
    decisions: str = ""
    next_review: date | None = None


class VoiceEntry(SQLModel, table=True):
    """What the child or family said, when, and how it was gathered."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    voice_of: VoiceOf = enum_field(VoiceOf)
    said_on: date
    how_gathered: str = ""
    text: str = ""


class AgencyInvolvement(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
    agency: Agency = enum_field(Agency)
    agency_name: str = ""
    contact: str = ""
    role: str = ""
    consent_date: date | None = None
