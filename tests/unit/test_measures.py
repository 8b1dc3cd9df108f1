"""Every success measure on a hand-built school, on an empty store, and with zero
denominators: a share with nothing to count has no value, never 0% or 100%."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers.measures import TODAY

from apdesk.models.errors import ValidationError
from apdesk.services.measures import (
    Measure,
    Period,
    all_measures,
    detail_text,
    figure_text,
    get_national_rate,
    set_national_rate,
    year_to_date,
)
from apdesk.services.measures.suspensions import record_suspension
from apdesk.store import Store

PERIOD = year_to_date(TODAY)


def measures(store: Store, period: Period = PERIOD, today: date = TODAY) -> dict[str, Measure]:
    with store.session() as s:
        return {m.name: m for m in all_measures(s, period, today)}


@pytest.fixture
def rated(store: Store, school: dict[str, int]) -> tuple[Store, dict[str, int]]:
    """The hand-built school with the national attendance rate set."""
    ids = school
    with store.session() as s:
        set_national_rate(s, "93.5")
    return store, ids


def test_the_period_runs_from_september(store: Store) -> None:
    assert year_to_date(date(2025, 3, 12)) == Period(date(2024, 9, 1), date(2025, 3, 12))
    assert year_to_date(date(2025, 9, 2)).start == date(2025, 9, 1)
    with pytest.raises(ValidationError):
        Period(date(2025, 3, 2), date(2025, 3, 1))


def test_pupils_in_ap_now_with_its_breakdown(rated: tuple[Store, dict[str, int]]) -> None:
    store, ids = rated
    m = measures(store)["pupils_in_ap"]
    assert (m.numerator, m.denominator, m.value) == (3, None, 3)
    assert set(m.pupil_ids) == {ids["ann"], ids["ben"], ids["dee"]}
    assert set(m.placement_ids) == {ids["p1"], ids["p2"], ids["p5"]}
    assert m.breakdown["provider"] == {"Beta Tutors": 2, "Alpha PRU": 1}
    assert m.breakdown["hours"] == {"Part time": 2, "Full time": 1}
    assert m.breakdown["commissioner"] == {"School": 2, "Local authority": 1}
    assert detail_text(m) == "in 3 placements"


def test_shares_of_placements_in_the_period(rated: tuple[Store, dict[str, int]]) -> None:
    store, ids = rated
    got = measures(store)
    outcomes, transition, voice = (
        got["learning_outcomes"],
        got["transition_plan"],
        got["voice_sought"],
    )
    assert (outcomes.numerator, outcomes.denominator, outcomes.value) == (3, 4, 0.75)
    assert set(outcomes.placement_ids) == {ids["p1"], ids["p3"], ids["p5"]}
    assert (transition.numerator, transition.denominator) == (2, 4)
    assert set(transition.placement_ids) == {ids["p1"], ids["p2"]}
    assert (voice.numerator, voice.denominator) == (2, 4)
    assert set(voice.placement_ids) == {ids["p1"], ids["p3"]}
    assert figure_text(outcomes) == "75%"
    assert detail_text(outcomes) == "3 of 4 placements running in the period"
    assert outcomes.target == 1.0


def test_attendance_against_the_school_and_the_national_rate(
    rated: tuple[Store, dict[str, int]],
) -> None:
    store, _ids = rated
    got = measures(store)
    ap, own, national = got["attendance_ap"], got["attendance_school"], got["attendance_national"]
    assert (ap.numerator, ap.denominator, ap.value) == (3, 4, 0.75)
    # every mark: Ann 3 of 4, Ben 1 of 4 (C2 is an authorised absence)
    assert (own.numerator, own.denominator) == (4, 8)
    assert national.value == pytest.approx(0.935)
    assert figure_text(national) == "93.5%"


def test_counts_part_time_exclusions_and_re_referrals(
    rated: tuple[Store, dict[str, int]],
) -> None:
    store, ids = rated
    got = measures(store)
    assert got["part_time_timetables"].value == 1
    assert got["part_time_timetables"].pupil_ids == (ids["ben"],)
    assert got["permanent_exclusions"].value == 1
    assert got["permanent_exclusions"].placement_ids == (ids["p3"],)
    assert got["re_referrals"].value == 1
    assert got["re_referrals"].placement_ids == (ids["p5"],)
    # Under its heading each count reads as a phrase, in the singular for one pupil.
    assert detail_text(got["part_time_timetables"]) == "pupil on a part-time timetable"
    assert detail_text(got["permanent_exclusions"]) == "pupil permanently excluded"
    assert detail_text(got["re_referrals"]) == "pupil referred again"
    assert got["suspensions"].value == 0


def test_suspensions_of_pupils_in_ap_are_counted(rated: tuple[Store, dict[str, int]]) -> None:
    store, ids = rated
    with store.session() as s:
        record_suspension(s, ids["ben"], date(2025, 2, 3), 2, "Assault on a peer", TODAY)
        record_suspension(s, ids["ben"], date(2025, 3, 3), 0.5, "", TODAY)
        record_suspension(s, ids["eve"], date(2025, 3, 3), 1, "", TODAY)  # not in AP
        record_suspension(s, ids["ann"], date(2024, 8, 1), 1, "", TODAY)  # before the period
    m = measures(store)["suspensions"]
    assert (m.numerator, m.denominator, m.value) == (2, None, 2)
    assert m.pupil_ids == (ids["ben"],) and m.placement_ids == (ids["p2"],)
    assert detail_text(m) == "for 1 pupil"


@pytest.mark.parametrize(
    ("start", "days", "field"),
    [
        (None, 1, "Start"),
        (date(2025, 3, 13), 1, "Start"),
        (TODAY, 0, "Days"),
        (TODAY, 0.3, "Days"),
        (TODAY, 46, "Days"),
    ],
)
def test_a_bad_suspension_is_refused_by_field(
    rated: tuple[Store, dict[str, int]], start: date | None, days: float, field: str
) -> None:
    store, ids = rated
    with store.session() as s, pytest.raises(ValidationError) as caught:
        record_suspension(s, ids["ben"], start, days, "", TODAY)
    assert caught.value.field == field
    assert measures(store)["suspensions"].value == 0


def test_severe_absence_among_ap_pupils(rated: tuple[Store, dict[str, int]]) -> None:
    store, ids = rated
    m = measures(store)["severe_absence"]
    assert (m.numerator, m.denominator) == (1, 2)
    assert m.pupil_ids == (ids["ben"],)


def test_a_period_before_any_placement_has_zero_denominators(
    rated: tuple[Store, dict[str, int]],
) -> None:
    store, _ids = rated
    got = measures(store, Period(date(2023, 9, 1), date(2023, 12, 1)), date(2023, 12, 1))
    for name in ("learning_outcomes", "transition_plan", "voice_sought", "severe_absence"):
        assert got[name].denominator == 0
        assert got[name].value is None
        assert figure_text(got[name]) == "–"
    assert got["attendance_ap"].value is None
    assert got["pupils_in_ap"].value == 0
    assert got["permanent_exclusions"].value == 0
    assert detail_text(got["permanent_exclusions"]) == "pupils permanently excluded"


def test_an_empty_store_gives_nulls_and_zeros(store: Store) -> None:
    got = measures(store)
    assert [m.as_json()["name"] for m in got.values()] == list(got)
    for m in got.values():
        data = m.as_json()
        assert set(data) == {"name", "label", "numerator", "denominator", "value"}
        if m.kind == "count":
            assert data["denominator"] is None
            assert data["value"] in (0, None)
        else:
            assert data["value"] is None
    assert got["attendance_national"].value is None


def test_the_national_rate_is_checked_and_can_be_cleared(store: Store) -> None:
    with store.session() as s:
        with pytest.raises(ValidationError) as caught:
            set_national_rate(s, "lots")
        assert caught.value.field == "National attendance"
        with pytest.raises(ValidationError):
            set_national_rate(s, 120)
        assert set_national_rate(s, "91%") == pytest.approx(0.91)
    with store.session() as s:
        assert get_national_rate(s) == pytest.approx(0.91)
        set_national_rate(s, "")
    with store.session() as s:
        assert get_national_rate(s) is None
