"""A Polish user whose mark, register import or attendance setting is refused reads why in
Polish: the dates, codes and numbers named stay as typed, the reason and the fix are Polish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from apdesk.models import Placement, Provider, Pupil, ValidationError
from apdesk.models.codes import normalise_code
from apdesk.models.enums import Commissioner, PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.upn import make_upn
from apdesk.services import retention
from apdesk.services.ap_guide import set_guide_settings
from apdesk.services.attendance import import_returns
from apdesk.services.attendance.expected import PlacementPattern
from apdesk.services.attendance.export import check_range
from apdesk.services.attendance.mark_rules import date_problem, elsewhere_problem
from apdesk.services.attendance.marks import (
    check_minutes_late,
    parse_session,
    record_mark,
    withdraw_mark,
)
from apdesk.services.attendance.today import set_return_cutoff
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("polish")

MON = date(2025, 1, 6)
TODAY = date(2025, 3, 3)
DOB = date(2011, 1, 1)
UPN_A = make_upn(855, 4001, 2020, 1)


def refusal(call: Callable[[], object]) -> str:
    """The text a person is shown when `call` is refused."""
    with pytest.raises(ValidationError) as refused:
        call()
    return str(refused.value)


def pattern(by: Commissioner) -> PlacementPattern:
    return PlacementPattern(1, 1, 1, MON, None, frozenset({(0, AmPm.AM)}), commissioner=by.value)


@pytest.fixture
def ada(store: Store) -> int:
    """Ada Ash, placed by the school (the default arranger) at Monday mornings from 6 January
    2025."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        pupil = Pupil(upn=UPN_A, forename="Ada", surname="Ash", dob=DOB)
        s.add_all([provider, pupil])
        s.flush()
        s.add(
            Placement(
                pupil_id=pupil.id or 0,
                provider_id=provider.id or 0,
                status=PlacementStatus.ACTIVE,
                sessions=["MON_AM"],
                start_date=MON,
            )
        )
        return pupil.id or 0


def test_a_mark_dated_impossibly_says_why_in_polish() -> None:
    early = date_problem(date(1989, 12, 4), None, TODAY) or ""
    assert "sprzed 1990 r." in early and "check the year" not in early
    unborn = date_problem(date(2010, 12, 6), DOB, TODAY) or ""
    assert unborn == "2010-12-06 to data sprzed urodzenia ucznia (2011-01-01): sprawdź datę"
    ahead = date_problem(date(2026, 6, 1), None, TODAY) or ""
    assert "ponad rok naprzód" in ahead and "year ahead" not in ahead


def test_k_or_b_for_the_wrong_arranger_is_explained_in_polish() -> None:
    k = elsewhere_problem("K", pattern(Commissioner.SCHOOL)) or ""
    assert "organizuje szkoła: użyj B" in k and "arranged by the school" not in k
    b = elsewhere_problem("B", pattern(Commissioner.LA)) or ""
    assert "organizują władze lokalne: użyj K" in b and "local authority" not in b


def test_a_session_that_is_not_am_or_pm_is_explained_in_polish() -> None:
    text = refusal(lambda: parse_session("noon"))
    assert "„noon” to ani AM (rano), ani PM (po poł.)" in text
    assert "is not AM or PM" not in text
    assert "„(puste)”" in refusal(lambda: parse_session(" "))


def test_minutes_late_out_of_range_or_with_the_wrong_code_are_explained_in_polish() -> None:
    too_many = refusal(lambda: check_minutes_late(301, "L"))
    assert "301 jest poza zakresem (podaj od 0 do 300 minut)" in too_many
    assert "out of range" not in too_many
    not_late = refusal(lambda: check_minutes_late(10, "B"))
    assert "podano minuty spóźnienia przy kodzie B (przy spóźnieniu użyj L lub U)" in not_late
    assert "minutes late given" not in not_late


def test_a_code_that_is_unknown_or_retired_is_explained_in_polish() -> None:
    unknown = refusal(lambda: normalise_code("ZZ"))
    assert "„ZZ” nie jest kodem frekwencji" in unknown and "attendance code" not in unknown
    late = refusal(lambda: normalise_code("H", AmPm.AM, day=date(2025, 1, 6)))
    assert "nie jest ważny w dniu 2025-01-06" in late and "was retired" not in late
    undated = refusal(lambda: normalise_code("H"))
    assert "tylko przy imporcie historii" in undated and "importing history" not in undated


def test_a_mark_refused_when_recorded_says_why_in_polish(store: Store, ada: int) -> None:
    with store.session() as s:
        nobody = refusal(lambda: record_mark(s, 9999, MON, "AM", "/", today=TODAY))
        assert "brak ucznia o identyfikatorze 9999" in nobody and "no pupil" not in nobody
        weekend = refusal(lambda: record_mark(s, ada, date(2025, 1, 4), "AM", "/", today=TODAY))
        assert "wypada w weekend (wpisy obecności dotyczą dni nauki)" in weekend
        unborn = refusal(lambda: record_mark(s, ada, date(2010, 12, 6), "AM", "/", today=TODAY))
        assert "dni nauki ucznia" in unborn and "school days" not in unborn
        k = refusal(lambda: record_mark(s, ada, MON, "AM", "K", today=TODAY))
        assert "(Przepisy o rejestracji 2024)" in k and "Registration" not in k
        record_mark(s, ada, MON, "AM", "/", today=TODAY)
        change = refusal(lambda: record_mark(s, ada, MON, "AM", "I", today=TODAY))
        assert "zmiana / na I jest poprawką (podaj powód zmiany wpisu)" in change
        gone = refusal(lambda: withdraw_mark(s, ada, MON, "AM", "I", "pomyłka"))
        assert "od tego czasu zmieniono na /" in gone and "since" not in gone


def test_a_register_import_lists_refused_cells_in_polish(store: Store, ada: int) -> None:
    with store.session() as s:
        rows = [
            "upn,date,session,code,minutes_late,note",
            f"{UPN_A},1989-12-04,AM,B,,",
            f"{UPN_A},2025-01-06,noon,B,,",
            f"{UPN_A},2025-01-06,AM,H,,",
            f"{UPN_A},2025-01-13,AM,L,400,",
            f"{UPN_A},2025-01-20,AM,B,5,",
        ]
        data = ("\r\n".join(rows) + "\r\n").encode()
        result = import_returns(s, data, filename="zwrot.csv", today=TODAY)
        messages = " | ".join(str(p["message"]) for p in result.errors)
        for polish in ("sprzed 1990 r.", "ani AM (rano)", "został wycofany", "poza zakresem"):
            assert polish in messages
        assert "podano minuty spóźnienia przy kodzie B" in messages
        for english in ("before 1990", "AM or PM", "retired", "out of range", "late given"):
            assert english not in messages
        k = import_returns(
            s, f"{UPN_A},2025-01-27,AM,K,,\r\n".encode(), filename="k.csv", today=TODAY
        )
        assert "organizuje szkoła: użyj B" in str(k.errors)


def test_attendance_and_record_settings_refused_in_polish(store: Store) -> None:
    with store.session() as s:
        cutoff = refusal(lambda: set_return_cutoff(s, "dziesiąta"))
        assert "„dziesiąta” nie jest godziną (użyj formatu GG:MM, np. 09:45)" in cutoff
        assert set_return_cutoff(s, time(9, 45)) == time(9, 45)
        span = refusal(lambda: check_range(date(2025, 2, 1), date(2025, 1, 1)))
        assert "2025-01-01 to data wcześniejsza niż 2025-02-01" in span
        review = refusal(lambda: set_guide_settings(s, review_weeks=12))
        assert "przegląd co 12 tygodni to rzadziej niż raz na pół semestru" in review
        assert "wybierz od 1 do 6 tygodni" in review and "half-termly" not in review
        longest = refusal(lambda: set_guide_settings(s, max_weeks=122))
        assert "122 tygodnie są poza zakresem" in longest and "out of range" not in longest
        assert "wybierz od 1 do 104 tygodni albo 0, aby nie ustalać limitu" in longest
        years = refusal(lambda: retention.set_period(s, "outbox", 0))
        assert "0 jest poza zakresem (podaj liczbę od 1 do 100)" in years
        unknown = refusal(lambda: retention.set_period(s, "pizza", 2))
        assert "„pizza” nie jest znanym rodzajem rekordu" in unknown
