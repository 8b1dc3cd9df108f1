"""What a provider return leaves behind: the marks it wrote, one audit entry, nothing if refused."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

import pytest
from sqlmodel import col, select
from tests.helpers.returns import UPN_A, UPN_B, enrol

from apdesk.models import AttendanceMark, AuditEvent, Setting
from apdesk.models.enums import MarkSource
from apdesk.services.attendance import current_marks, import_returns
from apdesk.store import Store
from apdesk.store.audit import verify_chain

MON, TUE, WED = date(2025, 1, 6), date(2025, 1, 7), date(2025, 1, 8)
TODAY = date(2025, 3, 3)


@pytest.fixture
def enrolled(store: Store) -> Store:
    return enrol(store, ["MON_AM", "TUE_AM"])  # Ada: Monday and Tuesday mornings


def audit_rows(store: Store) -> list[AuditEvent]:
    with store.session() as s:
        return list(s.exec(select(AuditEvent).order_by(col(AuditEvent.id))).all())


def marks(store: Store) -> list[AttendanceMark]:
    with store.session() as s:
        return list(s.exec(select(AttendanceMark).order_by(col(AttendanceMark.id))).all())


def receipt(store: Store) -> dict[str, Any]:
    with store.session() as s:
        row = s.get(Setting, "attendance.last_import")
        assert row is not None
        return dict(json.loads(row.value))


RETURN = (
    "upn,date,session,code,minutes_late,note\n"
    f"{UPN_A},2025-01-06,AM,B,,\n"
    f"{UPN_A},2025-01-06,PM,B,,\n"
    f"{UPN_A},2025-01-07,AM,L,20,bus late\n"
    f"{UPN_B},2025-01-07,PM,N,,\n"
    f"{UPN_B},2025-01-08,AM,B,,\n"
    f"{UPN_B},2025-01-06,PM,/,,Mum's note: caf\u00e9 \\ ok\n"
)


def test_an_import_writes_its_marks_and_one_audit_entry_naming_the_file(enrolled: Store) -> None:
    enrolled.actor = "r.ellery"
    before = len(audit_rows(enrolled))
    with enrolled.session() as s:
        result = import_returns(s, RETURN.encode(), filename="riverside.csv", today=TODAY)
    assert (result.imported, result.amended, result.unchanged, result.errors) == (6, 0, 0, [])
    assert [w["message"] for w in result.warnings] == [
        f"{UPN_B} has no placement covering 2025-01-07: imported anyway; record the placement",
        f"{UPN_B} has no placement covering 2025-01-08: imported anyway; record the placement",
        "the school was closed on 2025-01-08",
        f"{UPN_B} has no placement covering 2025-01-06: imported anyway; record the placement",
    ]
    written = marks(enrolled)
    got = {
        (m.pupil_id, m.mark_date, m.session.value): (m.code, m.minutes_late, m.note)
        for m in written
    }
    assert sorted(got.values()) == sorted(
        [
            ("B", None, ""),
            ("B", None, ""),
            ("L", 20, "bus late"),
            ("N", None, ""),
            ("B", None, ""),
            ("\\", None, "Mum's note: caf\u00e9 \\ ok"),
        ]
    )
    a_id = written[0].pupil_id
    placed = {(m.mark_date, m.session.value): m.placement_id for m in written if m.pupil_id == a_id}
    assert placed[(MON, "AM")] and placed[(MON, "PM")] and placed[(TUE, "AM")]
    assert all(m.placement_id is None for m in written if m.pupil_id != a_id)
    assert all(m.source is MarkSource.PROVIDER and m.recorded_by == "r.ellery" for m in written)
    assert all(isinstance(m.recorded_at, datetime) and m.superseded_by is None for m in written)

    new_audit = audit_rows(enrolled)[before:]
    assert [(e.action, e.entity, e.actor) for e in new_audit] == [("create", "setting", "r.ellery")]
    audited = json.loads(json.loads(new_audit[0].after)["value"])
    assert audited["file"] == "riverside.csv"
    assert audited["sha256"] == hashlib.sha256(RETURN.encode()).hexdigest()
    assert (audited["imported"], audited["unchanged"], audited["amended"]) == (6, 0, [])
    first, last = audited["mark_ids"]
    assert [m.id for m in written] == list(range(first, last + 1))
    with enrolled.session() as s:
        assert verify_chain(s).ok


def test_a_refused_file_leaves_no_marks_and_no_audit_entry(enrolled: Store) -> None:
    before = len(audit_rows(enrolled))
    bad = RETURN + f"{UPN_A},2025-01-09,XX,B,,\n"
    with enrolled.session() as s:
        result = import_returns(s, bad.encode(), filename="riverside.csv", today=TODAY)
    assert result.errors and result.imported == 0
    assert marks(enrolled) == [] and len(audit_rows(enrolled)) == before
    with enrolled.session() as s:
        assert s.get(Setting, "attendance.last_import") is None


def test_a_failure_after_the_import_undoes_marks_and_audit_together(enrolled: Store) -> None:
    before = len(audit_rows(enrolled))
    with pytest.raises(RuntimeError), enrolled.session() as s:
        assert import_returns(s, RETURN.encode(), filename="r.csv", today=TODAY).imported == 6
        raise RuntimeError("the computer crashed before the commit")
    assert marks(enrolled) == [] and len(audit_rows(enrolled)) == before


def test_amendments_supersede_the_marks_they_replace(enrolled: Store) -> None:
    with enrolled.session() as s:
        import_returns(s, RETURN.encode(), filename="first.csv", today=TODAY)
    originals = {(m.pupil_id, m.mark_date, m.session.value): m.id for m in marks(enrolled)}
    second = (
        "upn,date,session,code\n"
        f"{UPN_A},2025-01-06,AM,B\n"  # unchanged
        f"{UPN_A},2025-01-06,PM,I\n"  # amended
        f"{UPN_B},2025-01-07,PM,M\n"  # amended
        f"{UPN_B},2025-01-06,AM,B\n"  # new
    )
    with enrolled.session() as s:
        result = import_returns(s, second.encode(), filename="second.csv", today=TODAY)
    assert (result.imported, result.amended, result.unchanged) == (1, 2, 1)
    by_id = {m.id: m for m in marks(enrolled)}
    pairs = receipt(enrolled)["amended"]
    assert len(pairs) == 2
    for old_id, new_id in pairs:
        old, new = by_id[old_id], by_id[new_id]
        assert old.superseded_by == new_id and new.superseded_by is None
        key = (old.pupil_id, old.mark_date, old.session)
        assert (new.pupil_id, new.mark_date, new.session) == key
        assert new.amendment_reason == "Provider return second.csv"
    assert {by_id[old].code for old, _ in pairs} == {"B", "N"}
    assert {by_id[new].code for _, new in pairs} == {"I", "M"}
    assert set(originals.values()) <= set(by_id)
    first, last = receipt(enrolled)["mark_ids"]
    assert last - first + 1 == 3 and min(by_id) < first
    with enrolled.session() as s:
        current = {
            (m.pupil_id, m.mark_date, m.session.value): m.code for m in current_marks(s, MON, WED)
        }
        assert sorted(current.values()) == ["B", "B", "B", "I", "L", "M", "\\"]
        assert verify_chain(s).ok
