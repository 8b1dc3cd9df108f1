"""Rows deleted by a statement rather than one by one keep sharing's books straight: their
sharing rows are freed (a later row that gets the same local id is a new record, not a clash),
and the delete reaches the other laptops, so every laptop agrees afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, col, select
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import Laptop, add_pupil, everyone_syncs, mark, school
from tests.helpers.timetables import WEEK

from apdesk.models import AttendanceMark, Pupil, TimetableSlot
from apdesk.models.timetable_grid import DAYS, SlotValue
from apdesk.models.timetable_plan import PeriodKind
from apdesk.models.upn import make_upn
from apdesk.services.operations.security import purge_records
from apdesk.services.operations.setup import save_school_day
from apdesk.services.retention import DueItem
from apdesk.services.timetables import create_version, load_structure
from apdesk.services.timetables.grid import mainstream_week
from apdesk.store.operations import operation
from apdesk.store.share_rows import metas_by_lid

START = date(2025, 9, 8)  # a Monday


@operation
def timetable(session: Session, pupil_id: int, start: date) -> list[int]:
    """A week of lessons from `start`; the ids of the slots it made."""
    structure = load_structure(session)
    lessons = {
        (day, period.number): SlotValue.mainstream(subject, "8X", "T")
        for day in DAYS
        for period, subject in zip(structure.lessons, WEEK[day], strict=False)
    }  # a day with fewer lessons drops the last subjects
    version = create_version(session, pupil_id, start, mainstream_week(structure, lessons))
    rows = session.exec(select(TimetableSlot.id).where(TimetableSlot.version_id == version.id))
    return sorted(i for i in rows if i is not None)


def _slot_ids(laptop: Laptop) -> list[int]:
    return laptop.store.read(
        lambda s: sorted(i for i in s.exec(select(TimetableSlot.id)) if i is not None)
    )


def _live_lids(laptop: Laptop, table: str, ids: list[int]) -> set[int]:
    """Of these local ids, those sharing still books as a live row of `table`."""
    found = laptop.store.read(lambda s: metas_by_lid(s.connection(), table, [str(i) for i in ids]))
    return {int(lid) for lid, meta in found.items() if not meta.dead}


def test_a_shorter_school_day_drops_slots_everywhere_and_frees_their_ids(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    pupil_id = office.store.run(add_pupil, make_upn(855, 4001, 25, 7), "Robin").value
    office.store.run(timetable, pupil_id, START)
    everyone_syncs([office, senco])
    before = _slot_ids(office)
    periods = office.store.read(lambda s: load_structure(s).periods)
    last = max(p.number for p in periods if p.kind is PeriodKind.LESSON)
    shorter = [p for p in periods if p.number != last]
    saved = office.store.run(save_school_day, shorter, 1, None, True).value
    dropped = sorted(set(before) - set(_slot_ids(office)))
    assert saved.slots_dropped == len(dropped) >= 5  # at least the last lesson of each day
    assert _live_lids(office, "timetableslot", dropped) == set()

    new_ids = office.store.run(timetable, pupil_id, START + timedelta(weeks=4)).value
    assert set(new_ids) & set(dropped)  # SQLite gave a freed id to a new slot
    everyone_syncs([office, senco])
    assert (
        len(_slot_ids(senco)) == len(_slot_ids(office)) == len(before) - len(dropped) + len(new_ids)
    )
    assert office.export() == senco.export()
    assert office.chain_ok() and senco.chain_ok()


@operation
def week_of_marks(session: Session, pupil_id: int, code: str) -> None:
    for offset in range(5):
        for half in ("AM", "PM"):
            mark(session, pupil_id, START + timedelta(days=offset), half, code)


def test_purged_records_free_their_ids_for_new_ones(tmp_path: Path, sqlite_hub: Hub) -> None:
    office, senco = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    pupil_id = office.store.run(add_pupil, make_upn(855, 4001, 25, 8), "Sam").value
    office.store.run(week_of_marks, pupil_id, "/")
    everyone_syncs([office, senco])
    marks = office.store.read(
        lambda s: sorted(
            i for i in s.exec(select(AttendanceMark.id).where(AttendanceMark.pupil_id == pupil_id))
        )
    )
    assert len(marks) == 10
    item = DueItem("pupils", "pupil", str(pupil_id), "Sam Oakley", START)
    office.store.run(purge_records, [item])
    assert _live_lids(office, "attendancemark", marks) == set()
    again = office.store.run(add_pupil, make_upn(855, 4001, 25, 9), "Kit").value
    office.store.run(week_of_marks, again, "B")
    reused = office.store.read(
        lambda s: [i for i in s.exec(select(AttendanceMark.id)) if i in marks]
    )
    assert reused  # the new pupil's marks took the purged ids
    everyone_syncs([office, senco])
    for laptop in (office, senco):
        names = laptop.store.read(lambda s: sorted(s.exec(select(Pupil.forename))))
        assert "Sam" not in names and "Kit" in names, laptop.name
        codes = laptop.store.read(
            lambda s: {
                m.code for m in s.exec(select(AttendanceMark).where(col(AttendanceMark.id) > 0))
            }
        )
        assert codes == {"B"}, laptop.name
    assert office.export() == senco.export()
