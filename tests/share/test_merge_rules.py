"""The merge rules, laptop against laptop through a real hub: no edit is ever silently lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import (
    MONDAY,
    Laptop,
    add_pupil,
    drop_contact,
    everyone_syncs,
    mark,
    new_contact,
    school,
    set_address,
    set_field,
)

from apdesk.models import AttendanceMark, AuditEvent
from apdesk.models.upn import make_upn
from apdesk.share.resolve import resolve_conflict
from apdesk.store.operations import operation


@pytest.fixture
def pair(tmp_path: Path, sqlite_hub: Hub) -> list[Laptop]:
    laptops = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    yield laptops
    for laptop in laptops:
        laptop.store.lock()


def seed_pupil(laptops: list[Laptop]) -> str:
    return laptops[0].pupil_gids()[0]


def test_a_joined_laptop_holds_the_same_record(pair: list[Laptop]) -> None:
    office, senco = pair
    assert len(senco.pupil_gids()) == 2
    assert office.export() == senco.export()


def test_structured_fields_take_the_latest_edit_on_every_laptop(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(set_field, office.local("pupil", gid), "nc_year", 9)
    senco.store.run(set_field, senco.local("pupil", gid), "nc_year", 10)  # later: wins
    everyone_syncs(pair)
    assert office.export() == senco.export()
    assert office.export()["pupil"][gid]["nc_year"] == 10
    assert office.conflicts() == []  # a structured field is not a conflict


def test_text_edited_on_both_keeps_both_versions_and_shows_the_later(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(
        set_field, office.local("pupil", gid), "health_needs", "Asthma: inhaler in bag"
    )
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "Epipen in office")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    for laptop in pair:
        [conflict] = laptop.conflicts()
        assert conflict.kind == "text" and conflict.field == "health_needs"
        assert [v.text for v in conflict.versions] == [
            "Asthma: inhaler in bag",
            "Epipen in office",
        ]
        assert [v.device for v in conflict.versions] == ["Office", "SENCO"]
        assert laptop.text("pupil", gid, "health_needs") == "Epipen in office"


def test_a_text_edited_after_seeing_the_other_is_no_conflict(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(set_field, office.local("pupil", gid), "safety_info", "Absconds at lunch")
    everyone_syncs(pair)
    senco.store.run(set_field, senco.local("pupil", gid), "safety_info", "Absconds; met at gate")
    everyone_syncs(pair)
    assert office.conflicts() == senco.conflicts() == []
    assert office.text("pupil", gid, "safety_info") == "Absconds; met at gate"


def test_the_same_words_typed_on_both_are_no_conflict(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    for laptop in pair:
        laptop.store.run(set_field, laptop.local("pupil", gid), "health_needs", "Diabetic")
    everyone_syncs(pair)
    assert office.conflicts() == senco.conflicts() == []


def test_resolving_on_one_laptop_resolves_on_the_other(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "A")
    senco.store.run(set_field, senco.local("pupil", gid), "health_needs", "B")
    everyone_syncs(pair)
    [conflict] = office.conflicts()
    office.store.run(resolve_conflict, conflict.id, "merged", "A and B")
    assert office.conflicts() == []
    everyone_syncs(pair)
    assert senco.conflicts() == []
    assert senco.text("pupil", gid, "health_needs") == "A and B"
    assert office.export() == senco.export()


def test_two_laptops_adding_the_same_pupil_make_one_record(pair: list[Laptop]) -> None:
    office, senco = pair
    upn = make_upn(855, 4001, 25, 77)
    office.store.run(add_pupil, upn, "Sam", "Nut allergy")
    senco.store.run(add_pupil, upn, "Sam", "Peanut allergy")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    assert len(office.pupil_gids()) == 3
    [conflict] = office.conflicts()
    assert {v.text for v in conflict.versions} == {"Nut allergy", "Peanut allergy"}


@pytest.mark.parametrize("delete_first", [True, False])
def test_delete_against_edit_keeps_the_record_and_says_so(
    pair: list[Laptop], delete_first: bool
) -> None:
    office, senco = pair
    contact = office.contact_gids()[0]
    office.store.run(drop_contact, office.local("contact", contact))
    senco.store.run(set_address, senco.local("contact", contact), "12 Elm Road")
    order = [office, senco] if delete_first else [senco, office]
    for _ in range(2):
        for laptop in order:
            laptop.sync()
    assert office.export() == senco.export()
    for laptop in pair:
        assert laptop.local("contact", contact) is not None
        assert laptop.text("contact", contact, "address") == "12 Elm Road"
        [conflict] = laptop.conflicts()
        assert conflict.kind == "delete" and conflict.detail["by"] == "Office"
    office.store.run(resolve_conflict, office.conflicts()[0].id, "delete")
    everyone_syncs(pair)
    assert office.local("contact", contact) is None and senco.local("contact", contact) is None
    assert office.conflicts() == senco.conflicts() == []
    assert office.export() == senco.export()


def test_a_delete_seen_by_everyone_deletes_everywhere(pair: list[Laptop]) -> None:
    office, senco = pair
    contact = office.contact_gids()[0]
    office.store.run(drop_contact, office.local("contact", contact))
    everyone_syncs(pair)
    assert senco.local("contact", contact) is None
    assert senco.conflicts() == []


def test_a_pupil_deleted_here_returns_when_a_contact_is_added_there(pair: list[Laptop]) -> None:
    office, senco = pair
    upn = make_upn(855, 4001, 25, 50)
    office.store.run(add_pupil, upn, "Lee")
    everyone_syncs(pair)
    gid = next(g for g in office.pupil_gids() if office.export()["pupil"][g]["upn"] == upn)
    office.store.run(drop_pupil_op, office.local("pupil", gid))
    senco.store.run(new_contact, senco.local("pupil", gid), "Aunt")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    assert office.local("pupil", gid) is not None
    assert [c.kind for c in office.conflicts()] == ["delete"]


def test_two_codes_for_one_session_chain_with_the_later_current_and_a_flag(
    pair: list[Laptop],
) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(mark, office.local("pupil", gid), MONDAY, "AM", "/")
    senco.store.run(mark, senco.local("pupil", gid), MONDAY, "AM", "N")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    for laptop in pair:
        pid = laptop.local("pupil", gid)
        query = select(AttendanceMark.code, AttendanceMark.superseded_by).where(
            AttendanceMark.pupil_id == pid
        )
        marks = laptop.store.read(lambda s, q=query: list(s.exec(q)))
        assert len(marks) == 2
        assert [code for code, later in marks if later is None] == ["N"]  # the later one
        [flag] = laptop.conflicts()
        assert flag.kind == "attendance" and len(flag.detail["marks"]) == 2
    office.store.run(resolve_conflict, office.conflicts()[0].id, "checked")
    everyone_syncs(pair)
    assert senco.conflicts() == []


def test_the_same_code_twice_chains_without_a_flag(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    for laptop in pair:
        laptop.store.run(mark, laptop.local("pupil", gid), MONDAY, "PM", "B")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    assert office.conflicts() == []


def test_syncing_again_changes_nothing(pair: list[Laptop]) -> None:
    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(set_field, office.local("pupil", gid), "health_needs", "x")
    everyone_syncs(pair)
    before = senco.export()
    everyone_syncs(pair, rounds=3)
    assert senco.export() == before == office.export()


@operation
def drop_pupil_op(session: Session, pupil_id: int) -> None:
    from apdesk.models import Contact, Pupil

    for contact in session.exec(select(Contact).where(Contact.pupil_id == pupil_id)).all():
        session.delete(contact)
    session.flush()
    pupil = session.get(Pupil, pupil_id)
    session.delete(pupil)


def test_the_audit_log_shows_merged_changes_with_the_laptop_that_made_them(
    pair: list[Laptop],
) -> None:
    office, senco = pair
    office.store.actor = "anna"
    added = office.store.run(add_pupil, make_upn(855, 4001, 25, 61), "Merged")
    everyone_syncs(pair)
    gid = office.gid_of("pupil", added.value)
    here = str(senco.local("pupil", gid))

    def pupil_rows(session: Session) -> list[tuple[str, str]]:
        rows = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "pupil", AuditEvent.entity_id == here)
        )
        return [(row.actor, row.after) for row in rows]

    rows = senco.store.read(pupil_rows)
    assert rows and rows[0][0] == "anna on Office"
    assert "Merged" in rows[0][1]
    assert office.chain_ok() and senco.chain_ok()


def test_a_first_mark_undone_on_one_laptop_is_no_mark_on_the_other(pair: list[Laptop]) -> None:
    from apdesk.models.enums import Session as AmPm
    from apdesk.services.attendance import current_mark
    from apdesk.services.operations.attendance import undo_first_mark

    office, senco = pair
    gid = seed_pupil(pair)
    office.store.run(mark, office.local("pupil", gid), MONDAY, "AM", "B")
    everyone_syncs(pair)
    office.store.run(undo_first_mark, office.local("pupil", gid), MONDAY, AmPm.AM, "B")
    everyone_syncs(pair)
    assert office.export() == senco.export()
    for laptop in pair:
        pid = laptop.local("pupil", gid)
        now = laptop.store.read(lambda s, p=pid: current_mark(s, p, MONDAY, AmPm.AM))
        assert now is None
        query = select(AttendanceMark.code, AttendanceMark.amendment_reason).where(
            AttendanceMark.pupil_id == pid
        )
        kept = laptop.store.read(lambda s, q=query: sorted(s.exec(q)))
        assert kept == [("", "Undone"), ("B", "")]
        assert laptop.conflicts() == []
