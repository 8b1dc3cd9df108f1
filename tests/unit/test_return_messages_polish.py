"""A Polish user importing a provider's return reads what is wrong with it in Polish, naming the
value; the column each problem names stays as the file's field name."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers.returns import UPN_A, UPN_B, enrol

from apdesk.models.upn import make_upn
from apdesk.services.attendance import ImportResult
from apdesk.services.operations.attendance import import_provider_return
from apdesk.store import Store

TODAY = date(2025, 3, 3)
UPN_NONE = make_upn(855, 4001, 2020, 9)  # nobody's
HEADER = "upn,date,session,code,minutes_late,note"


@pytest.fixture
def enrolled(store: Store) -> Store:
    week = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]
    return enrol(store, week)


def send(store: Store, *lines: str, header: str = HEADER) -> ImportResult:
    data = ("\r\n".join([header, *lines]) + "\r\n").encode()
    return store.run(import_provider_return, data, "zwrot.csv", today=TODAY).value


def problems(found: list[dict[str, object]]) -> list[tuple[object, object, object]]:
    return [(p["row"], p["column"], p["message"]) for p in found]


@pytest.mark.usefixtures("polish")
def test_a_file_with_no_rows_is_explained_in_polish(enrolled: Store) -> None:
    data = b"\r\n\r\n"
    result = enrolled.run(import_provider_return, data, "zwrot.csv", today=TODAY).value
    assert problems(result.errors) == [(0, "header", "plik nie zawiera żadnych wierszy")]


@pytest.mark.usefixtures("polish")
def test_a_file_with_a_header_and_no_marks_is_explained_in_polish(enrolled: Store) -> None:
    result = send(enrolled)
    assert problems(result.errors) == [(0, "file", "plik nie zawiera żadnych wpisów obecności")]


@pytest.mark.usefixtures("polish")
def test_a_missing_column_is_named_in_polish_with_the_headers_found(enrolled: Store) -> None:
    result = send(enrolled, f"{UPN_A},2025-01-06,B", header="UPN,Date,Mark")
    assert problems(result.errors) == [
        (0, "header", "brak kolumny session (nazwy znalezione w nagłówku: UPN, Date, Mark)")
    ]


@pytest.mark.usefixtures("polish")
def test_bad_cells_are_explained_in_polish_naming_the_value(enrolled: Store) -> None:
    result = send(
        enrolled,
        f"{UPN_NONE},2025-01-06,AM,B,,",
        f"{UPN_A},31/02/2025,AM,B,,",
        f"{UPN_A},2025-01-06,PM,L,ten,",
        f"{UPN_A},2025-01-11,AM,B,,",
        ",2025-01-07,AM,B,,",
        f"{UPN_A},2025-03-10,AM,B,,",
    )
    assert (result.ok, result.imported) == (False, 0)
    assert problems(result.errors) == [
        (1, "upn", f"{UPN_NONE} nie jest uczniem zapisanym w szkole"),
        (2, "date", "„31/02/2025” nie jest datą: użyj formatu rrrr-mm-dd lub dd/mm/rrrr"),
        (3, "minutes_late", "ten: to nie jest liczba całkowita"),
        (4, "date", "11 stycznia 2025 wypada w weekend"),
        (5, "upn", "numer UPN jest pusty"),
        (6, "date", "10 marca 2025 jest w przyszłości"),
    ]


@pytest.mark.usefixtures("polish")
def test_a_session_given_two_codes_names_the_earlier_row_in_polish(enrolled: Store) -> None:
    result = send(enrolled, f"{UPN_A},2025-01-06,AM,B,,", f"{UPN_A},2025-01-06,AM,N,,")
    assert problems(result.errors) == [
        (2, "code", f"{UPN_A} 2025-01-06 AM: w wierszu 1 podano już kod B")
    ]


@pytest.mark.usefixtures("polish")
def test_warnings_about_a_missing_placement_and_a_closed_day_are_in_polish(
    enrolled: Store,
) -> None:
    result = send(enrolled, f"{UPN_B},2025-01-07,AM,B,,", f"{UPN_A},2025-01-08,AM,B,,")
    assert (result.ok, result.imported) == (True, 2)
    assert problems(result.warnings) == [
        (
            1,
            "date",
            f"{UPN_B} nie ma umieszczenia obejmującego dzień 2025-01-07: zaimportowano mimo to; "
            "wpisz umieszczenie",
        ),
        (2, "date", "w dniu 2025-01-08 szkoła była zamknięta"),
    ]
