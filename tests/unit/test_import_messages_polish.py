"""A Polish user of the import reads what is wrong with the file in Polish, naming the value."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers.pupil_imports import import_pupils

from apdesk.models.upn import make_upn
from apdesk.store import Store

TODAY = date(2025, 3, 3)
HEADER = "UPN,Legal Surname,Legal Forename,DOB,Gender,Year"


def csv_bytes(*lines: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode()


@pytest.mark.usefixtures("polish")
def test_a_bad_date_and_a_bad_year_group_are_explained_in_polish(store: Store) -> None:
    data = csv_bytes(
        f"{make_upn(855, 4001, 22, 1)},Testwood,Ala,soon,F,9",
        f"{make_upn(855, 4001, 22, 2)},Testwood,Ola,03/03/2011,F,Year 20",
    )
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    assert (result.ok, result.imported) == (False, 0)
    by_row = {e.row: e for e in result.errors}
    assert by_row[2].column == "DOB"
    assert by_row[2].message == (
        "„soon” nie jest datą: wpisz ją jako dd/mm/rrrr (np. 14/03/2012) lub rrrr-mm-dd"
    )
    assert by_row[3].column == "Year"
    assert by_row[3].message == (
        "„Year 20” nie jest rokiem nauki: użyj 0 lub R dla zerówki, a dalej od 1 do 14"
    )
    assert str(by_row[3]).startswith("Wiersz 3, Year: „Year 20”")


@pytest.mark.usefixtures("polish")
def test_a_missing_column_is_named_in_polish(store: Store) -> None:
    data = csv_bytes(
        f"{make_upn(855, 4001, 22, 1)},Testwood,Ala,F,9", header="UPN,Surname,Forename,Sex,Year"
    )
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    assert [(e.row, e.column) for e in result.errors] == [(0, "Data urodzenia")]
    assert result.errors[0].message.startswith("brak kolumny z polem „Data urodzenia” ucznia: ")
    assert str(result.errors[0]).startswith("Plik, Data urodzenia: brak kolumny")


@pytest.mark.usefixtures("polish")
def test_a_damaged_ctf_is_explained_in_polish(store: Store) -> None:
    result = import_pupils(store, b"<CTfile><Pupil>", filename="transfer.xml", today=TODAY)
    assert [e.row for e in result.errors] == [0]
    message = result.errors[0].message
    assert message.startswith("XML jest uszkodzony (")
    assert message.endswith("): wyeksportuj plik CTF ponownie")


@pytest.mark.usefixtures("polish")
def test_a_file_that_is_not_a_ctf_is_explained_in_polish(store: Store) -> None:
    result = import_pupils(store, b"<Other><Pupil/></Other>", filename="f.xml", today=TODAY)
    assert [e.message for e in result.errors] == [
        "to nie jest plik CTF: wyeksportuj ponownie plik CTF (XML) z MIS"
    ]


@pytest.mark.usefixtures("polish")
def test_a_bad_upn_is_named_in_polish(store: Store) -> None:
    good = make_upn(855, 4001, 22, 1)
    wrong = ("B" if good[0] == "A" else "A") + good[1:]
    data = csv_bytes(f"{wrong},Testwood,Ala,03/03/2011,F,9", "A12,Testwood,Ola,03/03/2011,F,9")
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    by_row = {e.row: e for e in result.errors}
    assert by_row[2].column == "UPN"
    assert by_row[2].message == (
        f"„{wrong}” ma błędną literę kontrolną (oczekiwano {good[0]}): prawdopodobnie błędnie "
        "wpisano cyfrę: skopiuj numer UPN ponownie z systemu MIS"
    )
    assert by_row[3].message == "„A12” ma 3 znaki: numer UPN ma 13 znaków"


@pytest.mark.usefixtures("polish")
def test_a_date_of_birth_in_the_future_and_an_empty_name_are_explained_in_polish(
    store: Store,
) -> None:
    data = csv_bytes(
        f"{make_upn(855, 4001, 22, 1)},Testwood,Ala,14/05/2026,F,9",
        f"{make_upn(855, 4001, 22, 2)},Testwood,,03/03/2011,F,9",
        f"{make_upn(855, 4001, 22, 3)},Testwood,Ela,03/03/1990,F,9",
    )
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    by_row = {e.row: e for e in result.errors}
    assert by_row[2].column == "DOB"
    assert by_row[2].message == "14 maja 2026 jest w przyszłości: sprawdź rok"
    assert by_row[3].column == "Legal Forename"
    assert by_row[3].message == "jest puste: wpisz imię ucznia"
    assert by_row[4].message == (
        "3 marca 1990: 31 sierpnia uczeń miałby 34 lata, a to poza wiekiem szkolnym: w trakcie "
        "roku szkolnego uczeń ma od 4 do 19 lat: sprawdź rok urodzenia"
    )


@pytest.mark.usefixtures("polish")
def test_a_year_group_out_of_step_with_the_date_of_birth_is_a_polish_warning(
    store: Store,
) -> None:
    data = csv_bytes(f"{make_upn(855, 4001, 22, 1)},Testwood,Ala,03/03/2011,F,3")
    result = import_pupils(store, data, filename="uczniowie.csv", dry_run=True, today=TODAY)
    assert [w.message for w in result.warnings] == [
        "Rok 3, ale data urodzenia wskazuje na Rok 9: sprawdź rok nauki"
    ]


@pytest.mark.usefixtures("polish")
@pytest.mark.parametrize(
    ("data", "start"),
    [
        (b"PK\x03\x04 a workbook", "to jest skoroszyt arkusza kalkulacyjnego, a nie plik CSV: "),
        (
            b"UPN,Surname\r\nA1\x00\x00,Testwood\r\n",
            "plik zawiera znaki NUL, więc nie jest zwykłym tekstem: ",
        ),
    ],
    ids=["workbook", "nul"],
)
def test_a_file_that_is_not_csv_is_explained_in_polish(
    store: Store, data: bytes, start: str
) -> None:
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    assert [e.row for e in result.errors] == [0]
    assert result.errors[0].message == (
        f"{start}zapisz go z systemu MIS lub arkusza jako CSV (UTF-8)"
    )


@pytest.mark.usefixtures("polish")
def test_an_over_long_note_is_explained_in_polish(store: Store) -> None:
    note = "x" * 50_002
    data = csv_bytes(
        f"{make_upn(855, 4001, 22, 1)},Testwood,Ala,03/03/2011,F,9,{note}",
        header=f"{HEADER},Health needs",
    )
    result = import_pupils(store, data, filename="uczniowie.csv", today=TODAY)
    assert [e.message for e in result.errors] == [
        "ma 50\u00a0002 znaki: zmieść się w 50\u00a0000 znakach (ok. 8000 słów), a dłuższy "
        "dokument załącz jako plik"
    ]
