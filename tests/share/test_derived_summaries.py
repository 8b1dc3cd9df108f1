"""The mark tally is derived on each laptop: it never travels, and merged marks keep it right."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.hub_harness import Hub
from tests.helpers.laptops import MONDAY, Laptop, everyone_syncs, mark, school

from apdesk.models import ShareLog
from apdesk.services.attendance.tally import daily_tally
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
