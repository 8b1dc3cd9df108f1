"""Timetable operations: each change of a timetable is one transaction that returns the
version's id and names what it changed; the editor's reads never write."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import delete, func, select
from tests.helpers.timetables import LATER, START, full_week, hybrid_pupil, make_pupil, with_iap

from apdesk.models import AuditEvent, TimetableVersionState
from apdesk.models.enums import SlotKind
from apdesk.models.kinds import Kind
from apdesk.models.timetable_plan import VersionStatus
from apdesk.services.operations.timetables import (
    decide_version,
    save_next_version,
    save_timetable,
    start_timetable,
    take_suggested_step,
)
from apdesk.services.timetables import (
    check_timetable,
    create_version,
    list_versions,
    load_grid,
    load_structure,
    suggest_next_step,
)
from apdesk.services.timetables.editor_data import load_catalogue, load_pupil, load_pupils
from apdesk.services.timetables.groups import DEFAULT_ACTIVITIES
from apdesk.services.timetables.printout import printout_by_upn
from apdesk.store import Store

TUE_P2 = (1, "TUE", 2)


def audit_rows(store: Store) -> int:
    return store.read(lambda s: int(s.exec(select(func.count(AuditEvent.id))).one()))


def test_a_first_timetable_then_its_next_version(store: Store) -> None:
    with store.session() as s:
        pupil_id = make_pupil(s, 1).id or 0
    made = store.run(start_timetable, pupil_id, START)
    first = made.value
    assert made.changes.created.keys() >= {
        Kind.TIMETABLE_VERSION,
        Kind.TIMETABLE_SLOT,
        Kind.TIMETABLE_STATE,
    }
    assert first in made.changes.created[Kind.TIMETABLE_VERSION]
    blank = store.read(load_grid, first)
    assert blank and all(v.kind is SlotKind.SOCIAL for v in blank.values())  # breaks only

    grid = full_week(store.read(load_structure))
    saved = store.run(save_timetable, first, grid)
    assert saved.value == first and saved.changes.touches([Kind.TIMETABLE_SLOT])
    later = START + timedelta(weeks=2)
    changes = {TUE_P2: None}
    nxt = store.run(save_next_version, first, later, changes, later + timedelta(weeks=2))
    assert nxt.value != first
    assert TUE_P2 not in store.read(load_grid, nxt.value)
    assert TUE_P2 in store.read(load_grid, first)  # the version edited stays as it was
    dates = [v.effective_date for v in store.read(list_versions, pupil_id)]
    assert dates == [START, later]


def test_a_suggested_step_is_proposed_then_accepted(store: Store) -> None:
    with store.session() as s:
        pupil_id = hybrid_pupil(s)
    suggestion = store.read(suggest_next_step, pupil_id, 2, LATER)
    step = store.run(
        take_suggested_step,
        suggestion,
        LATER,
        suggestion.moves[:1],
        None,
        VersionStatus.PROPOSED,
    )
    rows = {v.version_id: v.status for v in store.read(list_versions, pupil_id)}
    assert rows[step.value] is VersionStatus.PROPOSED
    decided = store.run(decide_version, step.value, VersionStatus.ACCEPTED, LATER)
    assert decided.changes.updated.keys() == {Kind.TIMETABLE_STATE}
    rows = {v.version_id: v.status for v in store.read(list_versions, pupil_id)}
    assert rows[step.value] is VersionStatus.ACCEPTED


def test_the_editor_reads_write_nothing_even_on_a_new_store(store: Store) -> None:
    """The menus of sessions are offered, a version without a status row prints and is
    checked, all through sessions that refuse writes."""
    with store.session() as s:
        pupil = make_pupil(s, 1)
        grid = with_iap(full_week(load_structure(s)), {"Maths"})
        version = create_version(s, pupil.id or 0, START, grid)
        s.exec(delete(TimetableVersionState))  # as versions made before statuses existed
        upn, pupil_id, version_id = pupil.upn, pupil.id or 0, version.id or 0
    before = audit_rows(store)
    catalogue = store.read(load_catalogue)
    assert catalogue.activities == sorted(name for name, _kind in DEFAULT_ACTIVITIES)
    assert [c.has_timetable for c in store.read(load_pupils)] == [True]
    assert store.read(load_pupil, pupil_id).versions[0].status is VersionStatus.ACCEPTED
    printout = store.read(printout_by_upn, upn, START)
    assert printout.status is VersionStatus.ACCEPTED and printout.school.name == ""
    assert isinstance(store.read(check_timetable, version_id), list)
    assert audit_rows(store) == before
