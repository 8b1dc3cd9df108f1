"""The census helper: the period before the census day, one row per placement with the
items the census asks for, and the placements missing an item named."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from tests.helpers.measures import build_school

from apdesk.services.measures import CENSUS_COLUMNS, census_rows
from apdesk.services.measures.census import (
    census_day_to_prepare,
    census_period,
    previous_census_day,
)
from apdesk.store import Store


@pytest.mark.parametrize(
    ("day", "previous"),
    [
        (date(2025, 1, 16), date(2024, 10, 3)),  # spring census: back to the autumn one
        (date(2024, 10, 3), date(2024, 5, 16)),
        (date(2025, 5, 15), date(2025, 1, 16)),
    ],
)
def test_the_census_period_starts_after_the_previous_census(day: date, previous: date) -> None:
    assert previous_census_day(day) == previous
    assert census_period(day).start == date.fromordinal(previous.toordinal() + 1)


@pytest.mark.parametrize(
    ("today", "census_day"),
    [
        (date(2026, 12, 7), date(2027, 1, 21)),  # December: the spring census to come
        (date(2027, 1, 21), date(2027, 1, 21)),  # on the day itself
        (date(2027, 1, 28), date(2027, 1, 21)),  # a week on, its return is still being made
        (date(2027, 2, 10), date(2027, 5, 20)),  # after that, the summer census
    ],
)
def test_the_census_export_opens_on_the_census_being_prepared(
    today: date, census_day: date
) -> None:
    assert census_day_to_prepare(today) == census_day


def test_rows_and_missing_items_for_the_spring_census(store: Store) -> None:
    ids = build_school(store)
    with store.session() as s:
        report = census_rows(s, date(2025, 1, 16))
    rows = {r.placement_id: r for r in report.rows}
    assert set(rows) == {ids["p1"], ids["p2"], ids["p3"]}
    ann = rows[ids["p1"]]
    assert (ann.urn, ann.setting_type, ann.attendance_pattern) == ("100001", "", "FT")
    assert (ann.entry_date, ann.leaving_date, ann.sessions_per_week) == (
        date(2024, 10, 1),
        None,
        10,
    )
    assert ann.reason == ""  # no free text where a census code belongs
    assert ann.notes == ("Reason recorded in apdesk: Social, emotional and mental health.",)
    assert ann.missing == ()
    ben = rows[ids["p2"]]
    assert (ben.urn, ben.ukprn, ben.setting_type, ben.attendance_pattern) == ("", "", "OTH", "PT")
    assert ben.missing == ("sessions per week", "reason for placement")
    cal = rows[ids["p3"]]
    assert cal.leaving_date == date(2024, 12, 20)
    assert [r.placement_id for r in report.incomplete] == [ids["p2"]]


def test_a_registered_setting_without_a_urn_is_listed(store: Store) -> None:
    ids = build_school(store)
    with store.session() as s:
        report = census_rows(s, date(2024, 10, 3))
    rows = {r.placement_id: r for r in report.rows}
    assert rows[ids["p4"]].missing == ("provider URN",)
    assert rows[ids["p4"]].setting_type == ""


def test_the_csv_has_a_header_and_one_line_per_placement(store: Store) -> None:
    build_school(store)
    with store.session() as s:
        report = census_rows(s, date(2025, 1, 16))
    lines = list(csv.reader(io.StringIO(report.csv_text())))
    assert tuple(lines[0]) == CENSUS_COLUMNS
    assert len(lines) == 1 + len(report.rows)
    assert lines[1][CENSUS_COLUMNS.index("Surname")] == "Archer"


def test_an_empty_store_has_no_rows(store: Store) -> None:
    with store.session() as s:
        report = census_rows(s, date(2025, 1, 16))
    assert report.rows == [] and report.incomplete == []
    assert report.csv_text().count("\n") == 1
