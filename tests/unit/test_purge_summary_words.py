"""A purge's line in the audit log names the kinds of record it deleted as the school says them,
counted with real plurals and grouped numbers ("2 wpisy obecności", "1,024 attendance marks"),
never by table name; every table a purge can reach has its words."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Table
from sqlmodel import SQLModel
from tests.helpers.privacy import add_child

from apdesk.i18n import set_locale
from apdesk.services import audit_log, retention
from apdesk.services.audit_log import AuditFilter, AuditRow
from apdesk.services.record_counts import counted_tables
from apdesk.store import Store

TABLES = ("pupil", "contact", "attendancemark", "placement", "attachment")


def _purge_a_leaver(store: Store) -> AuditRow:
    """Purge a pupil who left decades ago; the purge's summary row in the audit log."""
    with store.session() as s:
        add_child(s, 1, "Purgeby", dob=date(1990, 1, 1), on_roll=False)
    with store.session() as s:
        due = [i for i in retention.review_queue(s, date(2040, 9, 1)) if i.rule == "pupils"]
        retention.purge(s, due)
    with store.session() as s:
        [row] = audit_log.search(s, AuditFilter(action="purge"))
    return row


def _big_purge(n: int) -> AuditRow:
    at = datetime(2040, 9, 1, 9, 0, tzinfo=UTC)
    deleted = {"deleted": {"attendancemark": n, "pupil": 1}}
    return AuditRow(9, at, "coordinator", "purge", "retention", "", {}, deleted)


def test_a_purge_reads_in_polish_words(store: Store, polish: None) -> None:
    row = _purge_a_leaver(store)
    said = audit_log.purged_words(row)
    for words in ("1 uczeń", "1 kontakt", "2 wpisy obecności", "1 umieszczenie", "1 załącznik"):
        assert words in said, said
    detail = audit_log.describe_change(row)
    assert detail.splitlines() == said
    for table in TABLES:
        assert table not in detail, table


def test_a_purge_reads_in_english_words(store: Store) -> None:
    row = _purge_a_leaver(store)
    said = audit_log.purged_words(row)
    assert "1 pupil" in said and "2 attendance marks" in said and "1 placement" in said
    assert "attendancemark" not in audit_log.describe_change(row)


def test_a_large_purge_groups_its_counts_the_readers_way() -> None:
    assert audit_log.purged_words(_big_purge(1024)) == ["1,024 attendance marks", "1 pupil"]
    set_locale("pl_PL")  # `english_afterwards` hands the next test English again
    words = [w.replace("\xa0", " ") for w in audit_log.purged_words(_big_purge(1024))]
    assert words == ["1 024 wpisy obecności", "1 uczeń"]


def _reached(table: Table, seen: set[str]) -> None:
    seen.add(table.name)
    for child in SQLModel.metadata.sorted_tables:
        if child.name not in seen and any(fk.column.table is table for fk in child.foreign_keys):
            _reached(child, seen)


def test_every_table_a_purge_can_reach_has_words() -> None:
    seen: set[str] = set()
    for model, _optional in retention.ROOTS.values():
        _reached(model.__table__, seen)  # type: ignore[attr-defined]
    assert seen - counted_tables() == set()
