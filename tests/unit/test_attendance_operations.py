"""Attendance operations: each write is one transaction that says what it changed, and the
register keeps every mark (undo is a further amendment, never a deletion)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlmodel import Session, func, select

from apdesk.models import AttendanceMark, Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus
from apdesk.models.enums import Session as AmPm
from apdesk.models.errors import ValidationError
from apdesk.models.kinds import Kind
from apdesk.models.upn import make_upn
from apdesk.services.attendance import get_return_cutoff, import_returns, mark_history
from apdesk.services.attendance.returns_write import RECEIPT_KEY
from apdesk.services.operations.attendance import (
    change_return_cutoff,
    import_provider_return,
    record_register_mark,
    redo_amendment,
    undo_amendment,
)
from apdesk.store import Store
from apdesk.store.changes import ANY

MON = date(2025, 1, 6)
ADA = make_upn(855, 4001, 2020, 1)
BEN = make_upn(855, 4001, 2020, 2)


@pytest.fixture
def pupils(store: Store) -> dict[str, int]:
    """Ada and Ben at a provider all week from MON."""
    with store.session() as s:
        provider = Provider(name="Riverside Skills")
        rows = [
            Pupil(upn=upn, forename=name, surname="Ash", dob=date(2011, 1, 1))
            for upn, name in ((ADA, "Ada"), (BEN, "Ben"))
        ]
        s.add_all([provider, *rows])
        s.flush()
        week = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]
        for pupil in rows:
            s.add(
                Placement(pupil_id=pupil.id, provider_id=provider.id, sessions=week,
                          status=PlacementStatus.ACTIVE, start_date=MON, hours_per_week=25)
            )  # fmt: skip
        return {"ada": rows[0].id or 0, "ben": rows[1].id or 0}


def history(store: Store, pupil_id: int, half: AmPm = AmPm.AM) -> list[tuple[str, str]]:
    def read(s: Session) -> list[tuple[str, str]]:
        return [(m.code, m.amendment_reason) for m in mark_history(s, pupil_id, MON, half)]

    return store.read(read)


def mark_count(store: Store) -> int:
    return store.read(lambda s: int(s.exec(select(func.count(AttendanceMark.id))).one()))


def test_a_typed_mark_and_its_amendment_say_what_they_changed(
    store: Store, pupils: dict[str, int]
) -> None:
    first = store.run(record_register_mark, pupils["ada"], MON, AmPm.AM, "N")
    assert (first.value.code, first.value.outcome) == ("N", "created")
    assert set(first.changes.created) == {Kind.MARK} and not first.changes.updated
    with pytest.raises(ValidationError) as refused:  # an amendment needs a reason
        store.run(record_register_mark, pupils["ada"], MON, AmPm.AM, "I")
    assert refused.value.field == "reason"
    amended = store.run(record_register_mark, pupils["ada"], MON, AmPm.AM, "I", "Parent phoned")
    assert amended.value.outcome == "amended"
    assert amended.changes.created[Kind.MARK] and amended.changes.updated[Kind.MARK]
    again = store.run(record_register_mark, pupils["ada"], MON, AmPm.AM, "I", "again")
    assert again.value.outcome == "unchanged" and not again.changes
    assert history(store, pupils["ada"]) == [("N", ""), ("I", "Parent phoned")]


def test_undo_and_redo_are_further_amendments(store: Store, pupils: dict[str, int]) -> None:
    ada = pupils["ada"]
    store.run(record_register_mark, ada, MON, AmPm.AM, "N")
    store.run(record_register_mark, ada, MON, AmPm.AM, "I", "Parent phoned")
    undone = store.run(undo_amendment, ada, MON, AmPm.AM, "N", "I")
    assert (undone.value.code, undone.value.reason) == ("N", "Undone")
    assert undone.changes.touches([Kind.MARK])
    store.run(redo_amendment, ada, MON, AmPm.AM, "N", "I")
    assert history(store, ada) == [
        ("N", ""),
        ("I", "Parent phoned"),
        ("N", "Undone"),
        ("I", "Redone"),
    ]


def test_undo_refuses_a_mark_that_changed_since_and_writes_nothing(
    store: Store, pupils: dict[str, int]
) -> None:
    ada = pupils["ada"]
    store.run(record_register_mark, ada, MON, AmPm.AM, "N")
    store.run(record_register_mark, ada, MON, AmPm.AM, "I", "Parent phoned")
    store.run(record_register_mark, ada, MON, AmPm.AM, "M", "Provider's return")  # elsewhere
    before = history(store, ada)
    with pytest.raises(ValidationError) as refused:
        store.run(undo_amendment, ada, MON, AmPm.AM, "N", "I")
    assert "changed to M since" in str(refused.value)
    assert "type the code you want over it" in str(refused.value)
    assert history(store, ada) == before


def test_a_provider_return_is_one_operation_that_names_the_marks_it_wrote(
    store: Store, pupils: dict[str, int]
) -> None:
    store.run(record_register_mark, pupils["ada"], MON, AmPm.AM, "N")
    data = (
        f"upn,date,session,code\n{ADA},{MON},AM,B\n{ADA},{MON},PM,B\n"
        f"{BEN},{MON},AM,B\n{BEN},{MON},PM,U\n"
    ).encode()
    checked = store.read(import_returns, data, filename="r.csv", dry_run=True, today=MON)
    assert (checked.imported, checked.amended) == (3, 1)  # a check is a read: nothing written
    assert mark_count(store) == 1
    outcome = store.run(import_provider_return, data, "r.csv", reason="Return", today=MON)
    assert (outcome.value.imported, outcome.value.amended) == (3, 1)
    changes = outcome.changes
    created = changes.created[Kind.MARK]  # the bulk insert names its rows: sharing sends them
    assert len(created) == 4 and ANY not in created
    (replaced,) = store.read(
        lambda s: [m.id for m in s.exec(select(AttendanceMark)) if m.superseded_by]
    )
    assert changes.updated[Kind.MARK] == {replaced}
    assert RECEIPT_KEY in changes.ids(Kind.SETTING)  # the audited receipt, same transaction
    assert mark_count(store) == 5
    assert history(store, pupils["ada"]) == [("N", ""), ("B", "Return")]


def test_a_return_with_an_error_changes_nothing(store: Store, pupils: dict[str, int]) -> None:
    data = f"upn,date,session,code\n{ADA},{MON},AM,B\n{BEN},{MON},PM,X9\n".encode()
    outcome = store.run(import_provider_return, data, "bad.csv", today=MON)
    assert outcome.value.errors and not outcome.changes
    assert mark_count(store) == 0


def test_the_cutoff_is_a_setting_the_change_set_names(store: Store) -> None:
    outcome = store.run(change_return_cutoff, "09:45")
    assert outcome.value == time(9, 45) and outcome.changes.touches([Kind.SETTING])
    assert store.read(get_return_cutoff) == time(9, 45)
    with pytest.raises(ValidationError):
        store.run(change_return_cutoff, "quarter to ten")


def test_next_week_marks_are_unaffected(store: Store, pupils: dict[str, int]) -> None:
    """An undo names the session it undoes: other days keep their marks."""
    ben, tue = pupils["ben"], MON + timedelta(days=1)
    store.run(record_register_mark, ben, tue, AmPm.AM, "B")
    store.run(record_register_mark, ben, MON, AmPm.AM, "N")
    store.run(record_register_mark, ben, MON, AmPm.AM, "I", "ill")
    store.run(undo_amendment, ben, MON, AmPm.AM, "N", "I")
    assert store.read(lambda s: [m.code for m in mark_history(s, ben, tue, AmPm.AM)]) == ["B"]


def test_a_first_mark_undone_leaves_the_session_unmarked_and_keeps_it(
    store: Store, pupils: dict[str, int]
) -> None:
    from apdesk.services.attendance import current_mark, pupil_figures, register_grid
    from apdesk.services.operations.attendance import redo_first_mark, undo_first_mark

    ada = pupils["ada"]
    store.run(record_register_mark, ada, MON, AmPm.AM, "B")
    undone = store.run(undo_first_mark, ada, MON, AmPm.AM, "B")
    assert (undone.value.outcome, undone.value.code) == ("withdrawn", "")
    assert undone.changes.touches([Kind.MARK])
    assert store.read(lambda s: current_mark(s, ada, MON, AmPm.AM)) is None
    grid = store.read(lambda s: register_grid(s, MON, MON + timedelta(days=4), today=MON))
    cell = grid.cells.get((ada, MON, AmPm.AM))
    assert cell is None or cell.code is None  # the register shows no mark
    figures = store.read(
        lambda s: pupil_figures(s, MON, MON + timedelta(days=4), today=MON, pupil_ids=[ada])
    )
    assert figures.get(ada) is None or figures[ada].attended == 0  # a mark taken back: uncounted
    assert history(store, ada) == [("B", ""), ("", "Undone")]

    with pytest.raises(ValidationError):  # undone already: nothing left to take back
        store.run(undo_first_mark, ada, MON, AmPm.AM, "B")
    redone = store.run(redo_first_mark, ada, MON, AmPm.AM, "B")
    assert (redone.value.outcome, redone.value.code) == ("created", "B")
    now = store.read(lambda s: getattr(current_mark(s, ada, MON, AmPm.AM), "code", None))
    assert now == "B"
    store.run(record_register_mark, ada, MON, AmPm.AM, "I", "Parent phoned")  # amend as usual
    assert history(store, ada) == [("B", ""), ("", "Undone"), ("B", ""), ("I", "Parent phoned")]
