"""The mark tally is derived on each laptop: it never travels, and merged marks keep it right."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import (
    MONDAY,
    TEST_PASSPHRASE,
    Laptop,
    everyone_syncs,
    join_laptop,
    mark,
    school,
    seed_school,
)

from apdesk.models import ShareLog
from apdesk.services.attendance.tally import daily_tally
from apdesk.share import enrol
from apdesk.store import KdfParams, Store
from apdesk.store.summaries import drift


@pytest.fixture
def pair(tmp_path: Path, sqlite_hub: Hub) -> list[Laptop]:
    laptops = school(tmp_path, sqlite_hub.url, ("Office", "SENCO"))
    yield laptops
    for laptop in laptops:
        laptop.store.lock()


def test_merged_marks_keep_each_laptops_tally_and_the_tally_never_travels(
    pair: list[Laptop],
) -> None:
    office, senco = pair
    first, second = office.pupil_gids()[:2]
    # The same session marked differently on both (the merge chains them, the later current),
    # and marks only one laptop made.
    office.store.run(mark, office.local("pupil", first), MONDAY, "AM", "/")
    senco.store.run(mark, senco.local("pupil", first), MONDAY, "AM", "N")
    office.store.run(mark, office.local("pupil", second), MONDAY, "PM", "L")
    senco.store.run(mark, senco.local("pupil", second), MONDAY + timedelta(days=1), "AM", "/")
    for laptop in pair:  # what each laptop is about to send
        bodies = laptop.store.read(lambda s: list(s.exec(select(ShareLog.body)).all()))
        assert any("attendancemark" in body for body in bodies)
        assert not any("marktally" in body for body in bodies)
    everyone_syncs(pair)
    week = (MONDAY, MONDAY + timedelta(days=4))
    tallies = []
    for laptop in pair:
        with laptop.store.engine.connect() as conn:
            assert drift(conn) == []
        tallies.append(sorted(laptop.store.read(daily_tally, *week)))
        shared = laptop.export()
        assert "attendancemark" in shared and "marktally" not in shared
    assert tallies[0] == tallies[1]
    by_code = {(day, code): n for day, code, _provider, n in tallies[0]}
    assert by_code == {(MONDAY, "N"): 1, (MONDAY, "L"): 1, (MONDAY + timedelta(days=1), "/"): 1}


def test_a_joining_laptop_takes_the_marks_with_their_tally_and_keeps_it(
    tmp_path: Path, sqlite_hub: Hub
) -> None:
    kdf = KdfParams.fast()
    store, _recovery = Store.create(tmp_path / "office", TEST_PASSPHRASE, kdf=kdf)
    store.run(seed_school)
    with store.engine.connect() as conn:
        pupils = [int(row[0]) for row in conn.exec_driver_sql("SELECT id FROM pupil")]
    for pupil in pupils:
        store.run(mark, pupil, MONDAY, "AM", "/")
    code = enrol.start(store, sqlite_hub.url, "Office").enrolment.code
    senco = join_laptop(tmp_path / "senco", sqlite_hub.url, code, "SENCO", kdf)
    try:
        week = (MONDAY, MONDAY + timedelta(days=4))
        joined = sorted(senco.store.read(daily_tally, *week))
        assert joined == sorted(store.read(daily_tally, *week)) != []
        first = senco.pupil_gids()[0]
        senco.store.run(mark, senco.local("pupil", first), MONDAY, "PM", "L")
        with senco.store.engine.connect() as conn:
            assert drift(conn) == []  # the tally's triggers came with the file
        by_code = {(day, c): n for day, c, _provider, n in senco.store.read(daily_tally, *week)}
        assert by_code[(MONDAY, "L")] == 1
    finally:
        senco.store.lock()
        store.lock()
