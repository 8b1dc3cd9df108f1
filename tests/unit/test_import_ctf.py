"""Importing pupils from a common transfer file (CTF XML)."""

from __future__ import annotations

from datetime import date

from sqlmodel import select
from tests.helpers.pupil_imports import import_pupils

from apdesk.models import Pupil
from apdesk.models.enums import Gender, SenStatus
from apdesk.models.upn import make_upn
from apdesk.services.imports import detect_format
from apdesk.store import Store

TODAY = date(2025, 3, 3)


def pupil_xml(serial: int, *, sen: str = "", year: str = "9", extra: str = "") -> str:
    sen_block = (
        "<SENhistory><SEN><StartDate>2023-09-01</StartDate><SENprovision>K</SENprovision></SEN>"
        f"<SEN><StartDate>2024-09-01</StartDate><SENprovision>{sen}</SENprovision></SEN>"
        "</SENhistory>"
        if sen
        else ""
    )
    return f"""
    <Pupil>
      <UPN>{make_upn(855, 4001, 22, serial)}</UPN>
      <UniqueLearnerNumber/>
      <Surname>Testwood{serial}</Surname>
      <Forename>Pupil{serial}</Forename>
      <DOB>2011-03-{serial:02d}</DOB>
      <Gender>{"MF"[serial % 2]}</Gender>
      <BasicDetails>
        <PreferredForename>P{serial}</PreferredForename>
        <NCyearActual>{year}</NCyearActual>
        <Ethnicity>WBRI</Ethnicity>
        <InCare>{"Y" if serial == 2 else "N"}</InCare>
      </BasicDetails>
      <Contacts><Contact><Surname>Carer{serial}</Surname><Forename>Sam</Forename>
        <Gender>X</Gender></Contact></Contacts>
      {sen_block}{extra}
    </Pupil>"""


def ctf(*pupils: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return f"""{prolog}
<CTfile>
  <Header>
    <DocumentName>Common Transfer File</DocumentName>
    <CTFversion>24.0</CTFversion>
    <DateTime>2025-03-01T10:00:00</DateTime>
    <DocumentQualifier>partial</DocumentQualifier>
    <SourceSchool><LEA>855</LEA><Estab>4002</Estab><SchoolName>Synthetic Primary</SchoolName>
    </SourceSchool>
    <DestSchool><LEA>855</LEA><Estab>4001</Estab></DestSchool>
  </Header>
  <CTFpupilData>{"".join(pupils)}
  </CTFpupilData>
</CTfile>
""".encode()


def test_a_ctf_imports_its_pupils_with_sen_and_care(store: Store) -> None:
    data = ctf(pupil_xml(1, sen="E"), pupil_xml(2), pupil_xml(3, year="R"))
    assert detect_format(data) == "ctf" and detect_format(data, "x.xml") == "ctf"
    result = import_pupils(store, data, filename="transfer.xml", today=TODAY)
    assert result.ok, result.errors
    assert result.imported == 3
    with store.session() as s:
        pupils = {p.surname: p for p in s.exec(select(Pupil))}
    first = pupils["Testwood1"]
    assert (first.forename, first.preferred_name, first.dob) == ("Pupil1", "P1", date(2011, 3, 1))
    assert (first.gender, first.nc_year, first.sen_status) == (Gender.FEMALE, 9, SenStatus.EHC_PLAN)
    assert pupils["Testwood2"].looked_after and pupils["Testwood2"].sen_status is SenStatus.NONE
    assert pupils["Testwood3"].nc_year == 0
    assert any(w.column == "NCyearActual" for w in result.warnings)  # Reception born 2011


def test_ctf_reimport_updates_and_a_bad_pupil_refuses_the_file(store: Store) -> None:
    assert import_pupils(store, ctf(pupil_xml(1), pupil_xml(2)), today=TODAY).imported == 2
    again = import_pupils(store, ctf(pupil_xml(1, sen="K"), pupil_xml(3)), today=TODAY)
    assert (again.imported, again.updated) == (1, 1)
    bad = pupil_xml(4).replace("<DOB>2011-03-04</DOB>", "<DOB>04/13/2011</DOB>")
    refused = import_pupils(store, ctf(pupil_xml(5), bad), today=TODAY)
    assert [(e.row, e.column) for e in refused.errors] == [(2, "DOB")]
    with store.session() as s:
        assert len(list(s.exec(select(Pupil)))) == 3


def test_missing_optional_elements_and_namespaces_are_tolerated(store: Store) -> None:
    bare = f"""<Pupil><UPN>{make_upn(855, 4001, 22, 8)}</UPN><DOB>2011-03-08</DOB>
      <BasicDetails><LegalSurname>Testwood</LegalSurname><LegalForename>Ava</LegalForename>
      </BasicDetails><Contacts><Contact><Surname>Carer</Surname></Contact></Contacts></Pupil>"""
    data = ctf(bare).replace(b"<CTfile>", b'<CTfile xmlns="urn:example:ctf">')
    result = import_pupils(store, data, today=TODAY)
    assert result.ok, result.errors
    with store.session() as s:
        made = s.exec(select(Pupil)).one()
    assert (made.surname, made.forename, made.nc_year, made.gender) == (
        "Testwood",
        "Ava",
        9,
        Gender.OTHER,
    )


def test_entities_and_doctypes_are_refused_before_parsing(store: Store) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><CTfile>&lol2;</CTfile>'
    )
    result = import_pupils(store, bomb, filename="bomb.xml", today=TODAY)
    assert [e.row for e in result.errors] == [0]
    assert "DTD" in result.errors[0].message


def test_not_a_ctf_and_broken_xml_are_file_level_errors(store: Store) -> None:
    for data in (b"<Other><Pupil/></Other>", b"<CTfile><Pupil>", ctf(), b"\xff\xfe<\x00"):
        result = import_pupils(store, data, filename="f.xml", today=TODAY)
        assert [e.row for e in result.errors] == [0], data
