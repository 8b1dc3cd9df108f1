"""The one door for a change: operations return what they changed; reads cannot write."""

from __future__ import annotations

import pytest
from sqlmodel import Session, SQLModel, func, select, text

from apdesk.models import AuditEvent, Provider
from apdesk.models.kinds import Kind
from apdesk.store import Store
from apdesk.store.changes import ANY, note_change
from apdesk.store.operations import NotAnOperation, ReadOnlyViolation, operation


@operation
def add_provider(session: Session, name: str) -> int:
    provider = Provider(name=name)
    session.add(provider)
    session.flush()
    assert provider.id is not None
    return provider.id


@operation
def rename_and_drop(session: Session, keep: int, drop: int, name: str) -> None:
    kept = session.get(Provider, keep)
    assert kept is not None
    kept.name = name
    session.add(kept)
    session.delete(session.get(Provider, drop))


@operation
def failing(session: Session) -> None:
    session.add(Provider(name="Half-made"))
    session.flush()
    raise ValueError("refused")


def audit_rows(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(AuditEvent)).one())


def test_an_operation_returns_its_value_and_the_records_it_created(store: Store) -> None:
    outcome = store.run(add_provider, "Riverside Skills")
    assert outcome.changes.created == {Kind.PROVIDER: frozenset({outcome.value})}
    assert not outcome.changes.updated and not outcome.changes.deleted
    assert outcome.changes.touches([Kind.PROVIDER, Kind.PUPIL])
    assert not outcome.changes.touches([Kind.PUPIL])


def test_updates_and_deletes_are_told_apart(store: Store) -> None:
    first = store.run(add_provider, "Riverside Skills").value
    second = store.run(add_provider, "Oakfield Tutors").value
    changes = store.run(rename_and_drop, first, second, "Riverside Skills Centre").changes
    assert changes.updated == {Kind.PROVIDER: frozenset({first})}
    assert changes.deleted == {Kind.PROVIDER: frozenset({second})}
    assert changes.ids(Kind.PROVIDER) == {first, second}
    assert changes.describe() == "updated providerx1; deleted providerx1"


def test_a_failed_operation_changes_nothing(store: Store) -> None:
    before = store.read(audit_rows)
    with pytest.raises(ValueError, match="refused"):
        store.run(failing)
    assert store.read(lambda s: s.exec(select(Provider)).all()) == []
    assert store.read(audit_rows) == before


def test_only_operations_may_write(store: Store) -> None:
    def sneaky(session: Session) -> None:
        session.add(Provider(name="Unmarked"))

    with pytest.raises(NotAnOperation, match="sneaky"):
        store.run(sneaky)  # type: ignore[arg-type]
    assert store.read(lambda s: s.exec(select(Provider)).all()) == []


def test_a_read_that_flushes_raises(store: Store) -> None:
    def writes_by_mistake(session: Session) -> None:
        session.add(Provider(name="Made while reading"))
        session.flush()

    with pytest.raises(ReadOnlyViolation, match="Provider"):
        store.read(writes_by_mistake)


def test_a_read_that_writes_raw_sql_raises(store: Store) -> None:
    def raw_insert(session: Session) -> None:
        session.exec(text("INSERT INTO provider (name) VALUES ('Raw')"))  # type: ignore[call-overload]

    with pytest.raises(ReadOnlyViolation, match="raw_insert"):
        store.read(raw_insert)
    assert store.read(lambda s: s.exec(select(Provider)).all()) == []


def test_bulk_writes_say_what_they_touched(store: Store) -> None:
    @operation
    def bulk(session: Session) -> None:
        session.exec(text("UPDATE provider SET phone = '01632 960000'"))  # type: ignore[call-overload]
        note_change(session, "update", Kind.PROVIDER)

    store.run(add_provider, "Riverside Skills")
    assert store.run(bulk).changes.updated == {Kind.PROVIDER: frozenset({ANY})}


def test_every_table_is_a_kind() -> None:
    assert {kind.value for kind in Kind} == set(SQLModel.metadata.tables)


def test_merged_change_sets_hold_both() -> None:
    from apdesk.store.changes import ChangeCollector

    a, b = ChangeCollector(), ChangeCollector()
    a.add("create", Kind.PUPIL, [1])
    b.add("create", Kind.PUPIL, [2])
    b.add("delete", Kind.MARK, [7])
    merged = a.freeze().merge(b.freeze())
    assert merged.created == {Kind.PUPIL: frozenset({1, 2})}
    assert merged.deleted == {Kind.MARK: frozenset({7})}
    assert not a.freeze().merge(ChangeCollector().freeze()).deleted
