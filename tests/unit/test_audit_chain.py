"""Every change writes a hash-chained audit row in the same transaction."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from apdesk.models import AuditEvent, Pupil
from apdesk.store import Store
from apdesk.store.audit import verify_chain


def add(store: Store) -> int:
    with store.session() as session:
        pupil = Pupil(upn="H801200001001", forename="Ana", surname="Mirren", dob=date(2012, 2, 2))
        session.add(pupil)
        session.flush()
        return pupil.id or 0


def events(store: Store) -> list[AuditEvent]:
    with store.session() as session:
        return list(session.exec(select(AuditEvent).order_by(AuditEvent.id)).all())  # type: ignore[arg-type]


def test_create_update_delete_are_audited_with_before_and_after(store: Store) -> None:
    store.actor = "r.ellery"
    pupil_id = add(store)
    with store.session() as session:
        pupil = session.get(Pupil, pupil_id)
        assert pupil is not None
        pupil.preferred_name = "Annie"
    with store.session() as session:
        session.delete(session.get(Pupil, pupil_id))
    rows = [e for e in events(store) if e.entity == "pupil"]
    assert [e.action for e in rows] == ["create", "update", "delete"]
    assert all(e.actor == "r.ellery" for e in rows)
    assert json.loads(rows[0].after)["surname"] == "Mirren"
    assert json.loads(rows[1].before) == {"preferred_name": ""}
    assert json.loads(rows[1].after) == {"preferred_name": "Annie"}
    assert rows[1].entity_id == str(pupil_id)
    with store.session() as session:
        assert verify_chain(session).ok


def test_a_rolled_back_change_leaves_no_audit_row(store: Store) -> None:
    add(store)
    count = len(events(store))
    with pytest.raises(RuntimeError), store.session() as session:
        session.add(Pupil(upn="A123456789012", forename="B", surname="C", dob=date(2012, 1, 1)))
        session.flush()
        raise RuntimeError("crash mid-write")
    assert len(events(store)) == count


@pytest.mark.parametrize("column", ["after", "actor"])
def test_tampering_breaks_the_chain(store: Store, column: str) -> None:
    add(store)
    add_second = events(store)[0].id
    with store.engine.begin() as conn:
        conn.execute(
            text(f"UPDATE auditevent SET {column} = 'forged' WHERE id = :id"), {"id": add_second}
        )
    with store.session() as session:
        report = verify_chain(session)
    assert not report.ok
    assert report.first_bad_id == add_second


def test_deleting_an_audit_row_breaks_the_chain(store: Store) -> None:
    add(store)
    with store.session() as session:
        pupil = session.get(Pupil, 1)
        assert pupil is not None
        pupil.forename = "Anna"
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM auditevent WHERE id = (SELECT min(id) FROM auditevent)"))
    with store.session() as session:
        assert not verify_chain(session).ok
