"""A common transfer file read in full: care, SEN, contacts, addresses, destination, summary."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from sqlmodel import col, select
from tests.helpers.ctf import FORMER_UPN, UPN, ctf_file, pupil
from tests.helpers.pupil_imports import import_pupils

from apdesk import models
from apdesk.documents.letter import render_parent_letter
from apdesk.models.enums import NeedCategory, SenStatus
from apdesk.services.placement_record import load_placement_record
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store

TODAY = date(2025, 3, 3)


def _school(store: Store, la: str = "855", estab: str = "4001") -> None:
    with store.session() as s:
        save_school(s, SchoolDetails(name="Fernhill Community College", la_code=la, estab=estab))


def _pupil(store: Store) -> models.Pupil:
    with store.session() as s:
        found = s.exec(select(models.Pupil).where(models.Pupil.upn == UPN)).one()
        return found


def _contacts(store: Store) -> list[models.Contact]:
    with store.session() as s:
        return list(s.exec(select(models.Contact).order_by(col(models.Contact.priority))))


def test_a_spec_shaped_ctf_keeps_every_element_apdesk_uses(store: Store) -> None:
    """DfE Common Transfer File specification: `LookedAfter` is a container of `InCare` and
    `CareAuthority`; `SENhistory/SEN` holds `StartDate` and `SENprovision` with
    `SENneeds/SENneed` (`SENtypeRank`, `SENtype`); `BasicDetails` holds `MiddleNames`,
    `FormerUPN` and `MedicalFlag`; `Address/BS7666Address` with `PostCode`; `Phones/Phone`
    (`TelephoneType`, `PhoneNo`); `Email`; `Contacts/Contact` with `Order`, `Title`, names,
    `Relationship`, `Responsibility`, `Address`, `Phones`, `Email`."""
    _school(store)
    result = import_pupils(store, ctf_file(pupil()), filename="in.xml", today=TODAY)
    assert result.ok, result.errors
    assert result.imported == 1
    rowan = _pupil(store)
    assert rowan.looked_after is True and rowan.care_authority == "855"
    assert rowan.sen_status is SenStatus.EHC_PLAN  # the latest provision, by start date
    assert rowan.sen_types == ["SEMH", "SLCN"]  # ranked; the MLD need ended in 2023
    assert set(rowan.needs) == {NeedCategory.SEMH.value, NeedCategory.SEND.value}
    assert rowan.middle_names == "Chidi James" and rowan.former_upn == FORMER_UPN
    assert rowan.medical_flag is True and rowan.preferred_name == "Ro"
    assert rowan.address.splitlines() == [
        "Flat 2",
        "14 Larkspur Road",
        "Eastfield",
        "Melton Mowbray",
        "Leicestershire",
        "LE13 0ZZ",
    ]
    assert rowan.phone == "01664 496000 (home)" and rowan.email == "rowan.pupil@example.org"
    mother, father, worker = _contacts(store)
    assert (mother.priority, mother.name, mother.title) == (1, "Mrs Amira Khan", "Mrs")
    assert (mother.forename, mother.surname, mother.relationship) == ("Amira", "Khan", "Parent")
    assert mother.parental_responsibility and mother.address == rowan.address
    assert mother.phone == "07700 900123 (mobile); 0116 496 0111 (work)"
    assert mother.email == "amira.khan@example.org"
    assert father.address.splitlines() == ["3 Quarry Lane", "Loughborough", "LE11 9ZZ"]
    assert (worker.relationship, worker.parental_responsibility) == ("Social worker", False)


def test_the_summary_names_what_was_read_and_what_apdesk_does_not_keep(store: Store) -> None:
    """Data minimisation (UK GDPR art. 5(1)(c)): apdesk keeps only what it uses, and says so."""
    _school(store)
    result = import_pupils(store, ctf_file(pupil()), filename="in.xml", dry_run=True, today=TODAY)
    assert result.ok and not result.written
    for path in (
        "LookedAfter/InCare",
        "LookedAfter/CareAuthority",
        "SENhistory/SEN/SENneeds/SENneed/SENtype",
        "BasicDetails/MiddleNames",
        "Contacts/Contact/Responsibility",
        "Address/PostCode",
    ):
        assert path in result.read, path
    for path in (
        "UniqueLearnerNumber",
        "UCI",
        "BasicDetails/Ethnicity",
        "FSMhistory/FSMinstance/…",
    ):
        assert path in result.not_kept, path
    assert "Contacts/Contact/Gender" not in result.read
    assert any(p.startswith("Attendance/") for p in result.not_kept)
    assert "BasicDetails/MiddleNames" not in result.not_kept
    with store.session() as s:
        assert s.exec(select(models.Pupil)).first() is None  # a dry run writes nothing


def test_a_reimport_never_clears_what_the_file_does_not_carry(store: Store) -> None:
    """A re-import updates what the file carries: a file without `LookedAfter`, contacts or
    an address leaves them as they were (the old reader turned looked-after pupils to "no")."""
    _school(store)
    assert import_pupils(store, ctf_file(pupil()), filename="a.xml", today=TODAY).ok
    bare = pupil(looked_after="", sen="", address="", phones="", contacts="")
    result = import_pupils(store, ctf_file(bare), filename="b.xml", today=TODAY)
    assert result.ok and result.updated == 1 and result.changes == []
    rowan = _pupil(store)
    assert rowan.looked_after and rowan.care_authority == "855"
    assert rowan.sen_status is SenStatus.EHC_PLAN and rowan.sen_types == ["SEMH", "SLCN"]
    assert rowan.address and rowan.phone and len(_contacts(store)) == 3


def test_a_reimport_names_each_change_and_updates_contacts_in_place(store: Store) -> None:
    """The summary names what changed, pupil by pupil; a contact is matched by name."""
    _school(store)
    assert import_pupils(store, ctf_file(pupil()), filename="a.xml", today=TODAY).ok
    left_care = "<LookedAfter><InCare>false</InCare></LookedAfter>"
    moved = pupil(
        looked_after=left_care,
        contacts="""<Contacts><Contact><Order>1</Order><Title>Dr</Title><Surname>Khan</Surname>
        <Forename>Amira</Forename><Relationship>PAR</Relationship>
        <Responsibility>true</Responsibility>
        <Email>a.khan@example.net</Email></Contact></Contacts>""",
    )
    check = import_pupils(store, ctf_file(moved), filename="b.xml", dry_run=True, today=TODAY)
    assert check.ok
    said = {(c.what, c.before, c.after) for c in check.changes}
    assert ("Looked after", "yes", "no") in said
    assert ("Contact 1 (Dr Amira Khan): title", "Mrs", "Dr") in said
    email = ("Contact 1 (Dr Amira Khan): email", "amira.khan@example.org", "a.khan@example.net")
    assert email in said
    assert _pupil(store).looked_after  # the dry run wrote nothing
    done = import_pupils(store, ctf_file(moved), filename="b.xml", today=TODAY)
    assert done.ok and {(c.what, c.before, c.after) for c in done.changes} == said
    mother = _contacts(store)[0]
    assert (mother.name, mother.email, mother.phone) == (
        "Dr Amira Khan",
        "a.khan@example.net",
        "07700 900123 (mobile); 0116 496 0111 (work)",  # not in the new file: kept
    )
    assert len(_contacts(store)) == 3 and not _pupil(store).looked_after


def test_a_ctf_for_another_school_is_refused_naming_both_unless_confirmed(store: Store) -> None:
    """CTF specification: the header's `DestSchool` (`LEA`, `Estab`) says which school the file
    is for; XXX is an unknown destination."""
    _school(store)
    other = ctf_file(pupil(), dest_estab="4123")
    refused = import_pupils(store, other, filename="x.xml", today=TODAY)
    assert not refused.ok and refused.imported == 0
    message = refused.errors[0].message
    assert "LA 855, establishment 4123" in message
    assert "Fernhill Community College (LA 855, establishment 4001)" in message
    assert refused.destination == message
    with store.session() as s:
        assert s.exec(select(models.Pupil)).first() is None
    taken = import_pupils(store, other, filename="x.xml", today=TODAY, accept_destination=True)
    assert taken.ok and taken.imported == 1
    assert any(w.column == "DestSchool" for w in taken.warnings)
    unknown = import_pupils(
        store, ctf_file(pupil(), dest_lea="XXX", dest_estab="XXXX"), filename="u.xml", today=TODAY
    )
    assert unknown.ok and unknown.updated == 1


def test_the_parents_letter_after_a_ctf_import_has_its_addressees(store: Store) -> None:
    """Off-site direction notice (Education (Educational Provision for Improving Behaviour)
    Regulations 2010, reg. 3): written notice to each parent; the CTF's contacts with
    parental responsibility are the addressees, one copy per household."""
    _school(store)
    assert import_pupils(store, ctf_file(pupil()), filename="a.xml", today=TODAY).ok
    with store.session() as s:
        rowan = s.exec(select(models.Pupil).where(models.Pupil.upn == UPN)).one()
        provider = models.Provider(name="Brookside Learning Centre", address="1 Canal Street")
        s.add(provider)
        s.flush()
        placement = models.Placement(
            pupil_id=rowan.id or 0, provider_id=provider.id or 0, off_site_direction=True
        )
        s.add(placement)
        s.flush()
        record = load_placement_record(s, placement.id or 0)
    pdf = render_parent_letter(record, TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Mrs Amira Khan" in text and "Mr Daniel Okafor" in text
    assert "LE13 0ZZ" in text and "LE11 9ZZ" in text
    assert "Ms Jo Barrow" not in text  # a social worker without parental responsibility
