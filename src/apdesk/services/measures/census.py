"""The school census "AP placements arranged by schools" items, one row per placement.

Each row names the setting by exactly one of the provider's URN, its UKPRN, or (only when it
has neither) the census type of setting derived from the provider's kind and delivery. On-site
provision is not returned. The census period runs from the day after the previous census day
to the census day; census days are the first Thursday of October and the third Thursdays of
January and May. What the census needs and the record lacks is listed by name, and whatever
apdesk cannot fill with a confirmed code is said in the row's notes, never guessed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from apdesk.i18n import _
from apdesk.models import Provider, Pupil
from apdesk.services.export import neutralise
from apdesk.services.measures.census_codes import (
    ON_SITE_KINDS,
    REASON_CODES_CONFIRMED,
    reason_code,
    reason_words,
    setting_type,
)
from apdesk.services.measures.common import Period, began, finished, in_period, started_placements
from apdesk.services.placement_rules import is_full_time

# The census items under the element names of the school census XML, then apdesk's own
# columns (prefixed) that identify the placement and say what is missing.
CENSUS_COLUMNS = (
    "UPN",
    "Surname",
    "Forename",
    "URN",
    "UKPRN",
    "APTypeOfSetting",
    "APEntryDate",
    "APLeavingDate",
    "APAttendancePattern",
    "APSessions",
    "APReason",
    "apdesk_placement",
    "apdesk_provider",
    "apdesk_missing",
    "apdesk_notes",
)
NOTES = (
    "Column names follow the school census XML element names as apdesk understands them; "
    "check them against the current common basic data set (CBDS) before uploading.",
    "APTypeOfSetting is given only where the provider has neither a URN nor a UKPRN (DfE AP "
    "census data items: 'If you record a URN, do not record the UKPRN or AP type of setting').",
    "On-site (in-school) provision is not returned.",
)
REASON_NOTE = (
    "APReason is left blank: apdesk could not confirm the census reason codes from the CBDS; "
    "choose the code in the MIS from the reason named in apdesk_notes."
)


@dataclass(frozen=True)
class CensusRow:
    placement_id: int
    pupil_id: int
    upn: str
    surname: str
    forename: str
    pupil: str
    provider: str
    urn: str
    ukprn: str
    setting_type: str
    entry_date: date | None
    leaving_date: date | None
    attendance_pattern: str  # FT or PT
    sessions_per_week: int | None
    reason: str  # the census code, or '' while unconfirmed
    missing: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def cells(self) -> list[str]:
        return [
            self.upn,
            self.surname,
            self.forename,
            self.urn,
            self.ukprn,
            self.setting_type,
            self.entry_date.isoformat() if self.entry_date else "",
            self.leaving_date.isoformat() if self.leaving_date else "",
            self.attendance_pattern,
            "" if self.sessions_per_week is None else str(self.sessions_per_week),
            self.reason,
            str(self.placement_id),
            self.provider,
            "; ".join(self.missing),
            " ".join(self.notes),
        ]


@dataclass(frozen=True)
class CensusReport:
    census_day: date
    period: Period
    rows: list[CensusRow]
    left_out: list[str] = field(default_factory=list)  # on-site placements, by pupil
    notes: tuple[str, ...] = NOTES

    @property
    def incomplete(self) -> list[CensusRow]:
        return [r for r in self.rows if r.missing]

    def csv_text(self) -> str:
        """The rows as CSV; no cell can start a spreadsheet formula."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CENSUS_COLUMNS)
        for row in self.rows:
            writer.writerow([neutralise(cell) for cell in row.cells()])
        return out.getvalue()


def _nth_thursday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))


def census_days(year: int) -> list[date]:
    """The census days of a calendar year: spring (January), summer (May), autumn (October)."""
    return [_nth_thursday(year, 1, 3), _nth_thursday(year, 5, 3), _nth_thursday(year, 10, 1)]


def is_census_day(day: date) -> bool:
    return day in census_days(day.year)


def nearest_census_days(day: date) -> tuple[date, date]:
    """The census days on either side of `day` (the day itself if it is one)."""
    candidates = [d for year in (day.year - 1, day.year, day.year + 1) for d in census_days(year)]
    before = max(d for d in candidates if d <= day)
    after = min(d for d in candidates if d >= day)
    return before, after


RETURN_WINDOW = timedelta(days=14)  # a census is returned in the days after its census day


def census_day_to_prepare(today: date) -> date:
    """The census a school is working on today: the one just past while its return is still
    being made (two weeks), else the next. Today itself was a poor default: it is a census day
    three days a year."""
    before, after = nearest_census_days(today)
    return before if today - before <= RETURN_WINDOW else after


def previous_census_day(day: date) -> date:
    """Census days: first Thursday of October, third Thursday of January and of May."""
    return nearest_census_days(day - timedelta(days=1))[0]


def census_period(census_day: date) -> Period:
    return Period(previous_census_day(census_day) + timedelta(days=1), census_day)


def census_rows(session: Session, census_day: date) -> CensusReport:
    period = census_period(census_day)
    providers = {p.id: p for p in session.exec(select(Provider)).all()}
    placements = [p for p in started_placements(session) if in_period(p, period)]
    pupils = {p.id: p for p in session.exec(select(Pupil)).all()}
    rows, left_out = [], []
    for p in placements:
        provider = providers[p.provider_id]
        pupil = pupils[p.pupil_id]
        if provider.setting_type in ON_SITE_KINDS:
            left_out.append(f"{pupil.display_name} ({provider.name})")
            continue
        urn = provider.ofsted_urn.strip()
        ukprn = "" if urn else provider.ukprn.strip()
        setting = (
            ""
            if urn or ukprn
            else setting_type(provider.setting_type, provider.dps_lots, provider.delivery)
        )
        leaving = finished(p)
        leaving = leaving if leaving is not None and leaving <= census_day else None
        sessions = len(p.sessions) or None
        missing = []
        if not (urn or ukprn or setting):
            missing.append(_("provider URN"))
        if began(p) is None:
            missing.append(_("entry date"))
        if sessions is None:
            missing.append(_("sessions per week"))
        words = reason_words(p.reasons)
        code = reason_code(p.reasons)
        notes = []
        if not words:
            missing.append(_("reason for placement"))
        elif not code:
            notes.append(_("Reason recorded in apdesk: {words}.").format(words=words))
        rows.append(
            CensusRow(
                p.id or 0,
                p.pupil_id,
                pupil.upn,
                pupil.surname,
                pupil.forename,
                pupil.display_name,
                provider.name,
                urn,
                ukprn,
                setting,
                began(p),
                leaving,
                "FT" if is_full_time(p) else "PT",
                sessions,
                code,
                tuple(missing),
                tuple(notes),
            )
        )
    rows.sort(key=lambda r: (r.pupil, r.entry_date or date.min))
    file_notes = NOTES if REASON_CODES_CONFIRMED else (*NOTES, REASON_NOTE)
    return CensusReport(census_day, period, rows, sorted(left_out), file_notes)
