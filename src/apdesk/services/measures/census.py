"""The school census "AP placements arranged by schools" items, one row per placement.

A placement is identified by the provider's URN, else its UKPRN, else (only when it has
neither) an AP setting type. The census period runs from the day after the previous census
day to the census day. Anything the census needs and the record lacks is listed by name, so
the coordinator can fill it in before the return is made.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import Provider, Pupil
from apdesk.models.enums import NeedCategory, SettingType
from apdesk.services.export import neutralise
from apdesk.services.measures.common import Period, began, finished, in_period, started_placements
from apdesk.services.placement_rules import is_full_time

# Settings with a GIAS URN are named by it; these are the unregistered kinds' census types.
CENSUS_SETTING = {
    SettingType.FE_COLLEGE: "NFE",
    SettingType.UNREGISTERED: "OTH",
    SettingType.AIP_BASE: "OTH",
    SettingType.INTERNAL: "OTH",
}
CENSUS_COLUMNS = (
    "placement_id",
    "upn",
    "pupil",
    "provider",
    "urn",
    "ukprn",
    "setting_type",
    "entry_date",
    "leaving_date",
    "attendance_pattern",
    "sessions_per_week",
    "reason",
    "missing",
)


@dataclass(frozen=True)
class CensusRow:
    placement_id: int
    pupil_id: int
    upn: str
    pupil: str
    provider: str
    urn: str
    ukprn: str
    setting_type: str
    entry_date: date | None
    leaving_date: date | None
    attendance_pattern: str  # FT or PT
    sessions_per_week: int | None
    reason: str
    missing: tuple[str, ...]

    def cells(self) -> list[str]:
        return [
            str(self.placement_id),
            self.upn,
            self.pupil,
            self.provider,
            self.urn,
            self.ukprn,
            self.setting_type,
            self.entry_date.isoformat() if self.entry_date else "",
            self.leaving_date.isoformat() if self.leaving_date else "",
            self.attendance_pattern,
            "" if self.sessions_per_week is None else str(self.sessions_per_week),
            self.reason,
            "; ".join(self.missing),
        ]


@dataclass(frozen=True)
class CensusReport:
    census_day: date
    period: Period
    rows: list[CensusRow]

    @property
    def incomplete(self) -> list[CensusRow]:
        return [r for r in self.rows if r.missing]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CENSUS_COLUMNS)
        for row in self.rows:  # names and reasons are typed text: no formula reaches Excel
            writer.writerow([neutralise(cell) for cell in row.cells()])
        return out.getvalue()


def _nth_thursday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))


def previous_census_day(day: date) -> date:
    """Census days: first Thursday of October, third Thursday of January and of May."""
    candidates = [
        _nth_thursday(year, month, n)
        for year in (day.year - 1, day.year)
        for month, n in ((1, 3), (5, 3), (10, 1))
    ]
    return max(c for c in candidates if c < day)


def census_period(census_day: date) -> Period:
    return Period(previous_census_day(census_day) + timedelta(days=1), census_day)


def _reason(values: list[str]) -> str:
    for value in values:
        try:
            return NeedCategory(value).label
        except ValueError:
            if value.strip():
                return value.strip()
    return ""


def census_rows(session: Session, census_day: date) -> CensusReport:
    period = census_period(census_day)
    providers = {p.id: p for p in session.exec(select(Provider)).all()}
    placements = [p for p in started_placements(session) if in_period(p, period)]
    pupils = {p.id: p for p in session.exec(select(Pupil)).all()}
    rows = []
    for p in placements:
        provider = providers[p.provider_id]
        pupil = pupils[p.pupil_id]
        urn, ukprn = provider.ofsted_urn.strip(), provider.ukprn.strip()
        setting = "" if urn or ukprn else CENSUS_SETTING.get(provider.setting_type, "")
        leaving = finished(p)
        leaving = leaving if leaving is not None and leaving <= census_day else None
        sessions = len(p.sessions) or None
        missing = []
        if not (urn or ukprn or setting):
            missing.append(_("provider URN or UKPRN"))
        if began(p) is None:
            missing.append(_("entry date"))
        if sessions is None:
            missing.append(_("sessions per week"))
        reason = _reason(p.reasons)
        if not reason:
            missing.append(_("reason for placement"))
        rows.append(
            CensusRow(
                p.id or 0,
                p.pupil_id,
                pupil.upn,
                pupil.display_name,
                provider.name,
                urn,
                ukprn,
                setting,
                began(p),
                leaving,
                "FT" if is_full_time(p) else "PT",
                sessions,
                reason,
                tuple(missing),
            )
        )
    rows.sort(key=lambda r: (r.pupil, r.entry_date or date.min))
    return CensusReport(census_day, period, rows)
