"""School census AP placement rows for every kind of provider, on-site provision and dates."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import Delivery, DpsLot, PlacementStatus, SettingType
from apdesk.models.upn import make_upn
from apdesk.services.measures import CENSUS_COLUMNS, census_rows
from apdesk.services.measures.census import census_days, is_census_day, nearest_census_days
from apdesk.services.measures.census_codes import SETTING_TYPES
from apdesk.store import Store

SPRING = date(2025, 1, 16)  # third Thursday of January 2025
ALL_WEEK = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]

# name, kind, URN, UKPRN, DPS lots, delivery -> expected (URN, UKPRN, APTypeOfSetting)
PROVIDERS = [
    ("Alder PRU", SettingType.PRU, "100001", "", [], Delivery.FACE_TO_FACE, ("100001", "", "")),
    ("Birch AP Academy", SettingType.AP_ACADEMY, "100002", "10000002", [],
     Delivery.FACE_TO_FACE, ("100002", "", "")),  # URN given: no UKPRN, no type
    ("Cedar Free School", SettingType.AP_FREE_SCHOOL, "100003", "", [], Delivery.BOTH,
     ("100003", "", "")),
    ("Damson Independent", SettingType.INDEPENDENT_SCHOOL, "100004", "", [],
     Delivery.FACE_TO_FACE, ("100004", "", "")),
    ("Elm Hospital School", SettingType.HOSPITAL_SCHOOL, "100005", "", [],
     Delivery.FACE_TO_FACE, ("100005", "", "")),
    ("Fir FE College", SettingType.FE_COLLEGE, "", "10000006", [], Delivery.FACE_TO_FACE,
     ("", "10000006", "")),
    ("Ginkgo College", SettingType.FE_COLLEGE, "", "", [], Delivery.FACE_TO_FACE, ("", "", "NFE")),
    ("Hazel Tutors", SettingType.UNREGISTERED, "", "", [DpsLot.TUTORING_QUALIFIED.value],
     Delivery.FACE_TO_FACE, ("", "", "OOT")),
    ("Ivy Online", SettingType.UNREGISTERED, "", "", [], Delivery.ONLINE, ("", "", "OOT")),
    ("Juniper Farm", SettingType.UNREGISTERED, "", "", [DpsLot.OTHER_SERVICES.value],
     Delivery.FACE_TO_FACE, ("", "", "OTH")),
    ("Kestrel Garage", SettingType.WORK_BASED, "", "", [], Delivery.FACE_TO_FACE,
     ("", "", "WBP")),
    ("Larch AIP Base", SettingType.AIP_BASE, "100012", "", [], Delivery.FACE_TO_FACE,
     ("100012", "", "")),
]  # fmt: skip


@pytest.fixture
def school(store: Store) -> Store:
    with store.session() as s:
        entries = [*PROVIDERS, ("Our Inclusion Base", SettingType.INTERNAL, "", "", [],
                                Delivery.FACE_TO_FACE, None)]  # fmt: skip
        for n, (name, kind, urn, ukprn, lots, delivery, _want) in enumerate(entries, start=1):
            provider = Provider(name=name, setting_type=kind, ofsted_urn=urn, ukprn=ukprn,
                                dps_lots=lots, delivery=delivery)  # fmt: skip
            pupil = Pupil(upn=make_upn(855, 4001, 2019, n), forename=f"P{n}",
                          surname="=HYPERLINK(\"x\")" if n == 1 else f"Pupil{n:02d}",
                          dob=date(2011, 1, n))  # fmt: skip
            s.add_all([provider, pupil])
            s.flush()
            placement = Placement(
                pupil_id=pupil.id or 0,
                provider_id=provider.id or 0,
                status=PlacementStatus.ACTIVE,
                started_on=date(2024, 11, 4),
                sessions=ALL_WEEK[:4],
                hours_per_week=10,
                reasons=["semh"],
            )
            s.add(placement)
    return store


def test_each_row_names_the_setting_by_exactly_one_identifier(school: Store) -> None:
    """DfE AP census data items: "If you record a URN, do not record the UKPRN or AP type of
    setting"; the type of setting (NFE, OOT, OTH, WBP) only where URN and UKPRN are blank."""
    with school.session() as s:
        report = census_rows(s, SPRING)
    by_provider = {r.provider: r for r in report.rows}
    for name, _kind, _urn, _ukprn, _lots, _delivery, want in PROVIDERS:
        row = by_provider[name]
        assert (row.urn, row.ukprn, row.setting_type) == want, name
        assert sum(1 for v in want if v) == 1, name
        assert row.setting_type in ("", *SETTING_TYPES)
        assert row.missing == ()


def test_on_site_provision_is_not_returned(school: Store) -> None:
    """School census guide: AP placements arranged by schools are placements in other
    settings; on-site (internal) provision is not returned."""
    with school.session() as s:
        report = census_rows(s, SPRING)
    assert "Our Inclusion Base" not in {r.provider for r in report.rows}
    assert report.left_out == ["P13 Pupil13 (Our Inclusion Base)"]
    assert len(report.rows) == len(PROVIDERS)


def test_the_reason_is_a_code_or_a_note_never_free_text(school: Store) -> None:
    with school.session() as s:
        report = census_rows(s, SPRING)
    assert {r.reason for r in report.rows} == {""}
    assert all("Social, emotional and mental health" in " ".join(r.notes) for r in report.rows)
    assert any("could not confirm the census reason codes" in n for n in report.notes)


def test_no_cell_of_the_csv_starts_a_formula(school: Store) -> None:
    with school.session() as s:
        text = census_rows(s, SPRING).csv_text()
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CENSUS_COLUMNS
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '\'=HYPERLINK("x")' in cells


def test_census_days_are_the_first_thursday_of_october_and_third_of_january_and_may() -> None:
    """School census dates: spring 16 January 2025, summer 15 May 2025, autumn 2 October 2025."""
    assert census_days(2025) == [date(2025, 1, 16), date(2025, 5, 15), date(2025, 10, 2)]
    assert is_census_day(date(2025, 10, 2)) and not is_census_day(date(2025, 1, 17))
    assert nearest_census_days(date(2025, 3, 12)) == (date(2025, 1, 16), date(2025, 5, 15))
    assert nearest_census_days(date(2024, 12, 25)) == (date(2024, 10, 3), date(2025, 1, 16))
