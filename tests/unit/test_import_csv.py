"""Importing pupils from a MIS CSV export: all or nothing, matched by UPN, errors by row."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select
from tests.helpers.pupil_imports import import_pupils

from apdesk.models import Pupil
from apdesk.models.enums import Gender, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.imports import preview_csv
from apdesk.services.imports.values import parse_date, parse_sen, parse_year
from apdesk.services.pupils import PupilInput, create_pupil
from apdesk.store import Store

TODAY = date(2025, 3, 3)
HEADER = "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,Year,SEN Status"


def upn(serial: int) -> str:
    return make_upn(855, 4001, 22, serial)


def rows(count: int, start: int = 1) -> list[str]:
    lines = []
    for i in range(start, start + count):
        lines.append(
            f"{upn(i)},Testwood{i},Pupil{i},,{(i % 28) + 1:02d}/03/2011,{'MF'[i % 2]},9,"
            f"{['N', 'SEN Support', 'EHCP'][i % 3]}"
        )
    return lines


def csv_bytes(lines: list[str], header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode(encoding)


def count(store: Store) -> int:
    with store.session() as s:
        return int(s.exec(select(func.count()).select_from(Pupil)).one())


def test_a_valid_csv_imports_every_pupil(store: Store) -> None:
    result = import_pupils(store, csv_bytes(rows(5)), filename="pupils.csv", today=TODAY)
    assert result.ok, result.errors
    assert (result.imported, result.updated, result.unknown_columns) == (5, 0, [])
    with store.session() as s:
        second = s.exec(select(Pupil).where(Pupil.upn == upn(2))).one()
    assert (second.surname, second.forename, second.dob) == (
        "Testwood2",
        "Pupil2",
        date(2011, 3, 3),
    )
    assert (second.gender, second.nc_year, second.sen_status) == (
        Gender.MALE,
        9,
        SenStatus.EHC_PLAN,
    )


def test_one_bad_upn_imports_nothing_and_names_the_row_and_column(store: Store) -> None:
    lines = rows(4)
    lines[2] = lines[2].replace(upn(3), upn(3)[:-1] + "X")  # the third data row
    result = import_pupils(store, csv_bytes(lines), today=TODAY)
    assert not result.ok and (result.imported, result.updated) == (0, 0)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.row, error.column) == (4, "UPN")  # the spreadsheet's row: the header is 1
    assert "check letter" in error.message and "copy the UPN" in error.message
    assert count(store) == 0


def test_reimport_updates_instead_of_duplicating(store: Store) -> None:
    assert import_pupils(store, csv_bytes(rows(3)), today=TODAY).imported == 3
    changed = [line.replace("Testwood2", "Newname") for line in rows(3)] + rows(1, start=4)
    result = import_pupils(store, csv_bytes(changed), today=TODAY)
    assert (result.imported, result.updated) == (1, 3)
    assert count(store) == 4
    with store.session() as s:
        assert s.exec(select(Pupil).where(Pupil.upn == upn(2))).one().surname == "Newname"


def test_dry_run_counts_but_writes_nothing(store: Store) -> None:
    result = import_pupils(store, csv_bytes(rows(4)), dry_run=True, today=TODAY)
    assert result.ok and result.imported == 4 and not result.written
    assert count(store) == 0


def test_same_name_and_dob_as_an_existing_pupil_is_refused_with_its_upn(store: Store) -> None:
    with store.session() as s:
        create_pupil(
            s,
            PupilInput(
                upn=upn(900),
                forename="pupil1",
                surname="TESTWOOD1",
                dob=date(2011, 3, 2),
                nc_year=9,
            ),
            TODAY,
        )
    result = import_pupils(store, csv_bytes(rows(2)), today=TODAY)
    assert [(e.row, e.column) for e in result.errors] == [(2, "UPN")]
    assert upn(900) in result.errors[0].message
    assert count(store) == 1


def test_duplicates_within_the_file_are_refused(store: Store) -> None:
    lines = [*rows(2), rows(1)[0]]
    result = import_pupils(store, csv_bytes(lines), today=TODAY)
    assert [e.row for e in result.errors] == [4]
    assert "also on row 2" in result.errors[0].message


def test_every_bad_cell_is_listed_with_its_own_fix(store: Store) -> None:
    lines = rows(3)
    lines[0] = lines[0].replace("02/03/2011", "31/02/2011")
    lines[1] = lines[1].replace(",M,", ",Q,")
    lines[2] = lines[2].replace(",9,", ",Year 22,")
    result = import_pupils(store, csv_bytes(lines), today=TODAY)
    found = {(e.row, e.column): e.message for e in result.errors}
    assert set(found) == {(2, "DOB"), (3, "Gender"), (4, "Year")}
    assert "not a real date" in found[(2, "DOB")]
    assert "M, F or X" in found[(3, "Gender")]
    assert "Reception" in found[(4, "Year")]


def test_headers_are_matched_loosely_and_unknown_ones_reported(store: Store) -> None:
    header = "upn;Family_Name;First Name;Date of Birth;SEX;NC Year;SEN provision;House"
    lines = [f"{upn(1)};Testwood;Ava;2011-03-02;Female;Y9;K;Blue"]
    result = import_pupils(store, csv_bytes(lines, header, "cp1252"), today=TODAY)
    assert result.ok, result.errors
    assert result.unknown_columns == ["House"]
    assert [(w.row, w.column) for w in result.warnings] == [(0, "House")]


def test_column_map_fixes_odd_headers_and_missing_columns_are_errors(store: Store) -> None:
    header = "Pupil ref,Surname,Forename,Born"
    lines = [f"{upn(1)},Testwood,Ava,02/03/2011"]
    refused = import_pupils(store, csv_bytes(lines, header), today=TODAY)
    assert {(e.row, e.column) for e in refused.errors} == {(0, "UPN"), (0, "Date of birth")}
    assert refused.unknown_columns == ["Pupil ref", "Born"]
    preview = preview_csv(csv_bytes(lines, header))
    assert preview.missing == ["upn", "dob"] and preview.sample[0][0] == upn(1)
    mapping = {"Pupil ref": "upn", "Born": "dob"}
    result = import_pupils(store, csv_bytes(lines, header), column_map=mapping, today=TODAY)
    assert result.ok and result.imported == 1
    assert any("worked out from the DOB" in w.message for w in result.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16", "utf-16-le"])
def test_odd_encodings_keep_accented_names(store: Store, encoding: str) -> None:
    lines = [f'{upn(1)},"O\'Brien-Zoë, Jr",Renée,,02/03/2011,F,9,N', "", ""]
    result = import_pupils(store, csv_bytes(lines, encoding=encoding), today=TODAY)
    assert result.ok, result.errors
    with store.session() as s:
        assert s.exec(select(Pupil)).one().surname == "O'Brien-Zoë, Jr"


def test_a_utf8_bom_before_windows_text_is_not_part_of_the_header(store: Store) -> None:
    data = b"\xef\xbb\xbf" + csv_bytes(
        [f"{upn(1)},Ren\xe9e,Ava,,02/03/2011,F,9,N"], encoding="cp1252"
    )
    result = import_pupils(store, data, today=TODAY)
    assert result.ok and result.unknown_columns == [], result.errors
    with store.session() as s:
        assert s.exec(select(Pupil)).one().surname == "Renée"


def test_a_workbook_or_an_empty_file_is_a_file_level_error(store: Store) -> None:
    for data in (b"PK\x03\x04rest-of-a-zip", b"", b"\r\n\r\n", HEADER.encode()):
        result = import_pupils(store, data, filename="pupils.csv", today=TODAY)
        assert [e.row for e in result.errors] == [0], data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/4/2011", date(2011, 4, 3)),
        ("03.04.2011", date(2011, 4, 3)),
        ("2011-04-03", date(2011, 4, 3)),
        ("2011-04-03T00:00:00", date(2011, 4, 3)),
    ],
)
def test_dates_are_read_day_first_or_iso(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["04/13/2011", "3/4/11", "tomorrow", ""])
def test_bad_dates_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ValueError, match=r"dd/mm/yyyy|4 digits"):
        parse_date(text)


def test_year_and_sen_spellings() -> None:
    assert [parse_year(t) for t in ["R", "Reception", "0", "Year 7", "Y10", "11"]] == [
        0,
        0,
        0,
        7,
        10,
        11,
    ]
    assert [parse_sen(t) for t in ["", "None", "K", "SEN Support", "E", "EHC Plan", "EHCP"]] == [
        SenStatus.NONE,
        SenStatus.NONE,
        SenStatus.SEN_SUPPORT,
        SenStatus.SEN_SUPPORT,
        SenStatus.EHC_PLAN,
        SenStatus.EHC_PLAN,
        SenStatus.EHC_PLAN,
    ]
