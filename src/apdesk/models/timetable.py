"""Hybrid IAP timetables: groups, versions with an effective date, and their slots."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from apdesk.models.enums import SlotKind
from apdesk.models.types import enum_field, list_field


class IapGroup(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    room: str = ""
    teacher: str = ""
    support_staff: str = ""
    capacity: int = 8
    staff: list[dict[str, str]] = list_field()  # [{"name": ..., "role": ...}], in order


class TimetableVersion(SQLModel, table=True):
    """One step of a pupil's reintegration: the timetable in force from `effective_date`."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True)
    effective_date: date
    group_id: int | None = Field(default=None, foreign_key="iapgroup.id")
    notes: str = ""


class TimetableSlot(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="timetableversion.id", index=True)
    week: int = 1
    day: str = "MON"
    period: int = 1
    kind: SlotKind = enum_field(SlotKind, default=SlotKind.MAINSTREAM)
    subject: str = ""
    class_code: str = ""
    teacher: str = ""
    activity: str = ""
    placement_id: int | None = Field(default=None, foreign_key="placement.id")
