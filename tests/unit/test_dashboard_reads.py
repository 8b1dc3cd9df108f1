"""The home page's one read: its shortcuts (light placement rows read once, one pattern load for
today's board, only the counts it shows) give exactly what the full readers give."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time, timedelta

import pytest
from tests.helpers.measures import TODAY, build_school

from apdesk.services.attendance.expected import load_patterns
from apdesk.services.attendance.today import late_returns, today_board
from apdesk.services.demo import populate
from apdesk.services.info import record_counts, store_info
from apdesk.services.measures import all_charts, all_measures, year_to_date
from apdesk.services.measures.common import PlacementFacts, started_facts, started_placements
from apdesk.services.measures.dashboard import FACTS, load_dashboard, read_overview
from apdesk.services.measures.today import todays_work
from apdesk.store import Store

NOW = datetime.combine(TODAY, time(11, 0))
YEARS_ON = (TODAY, TODAY + timedelta(days=200), TODAY + timedelta(days=400))


@pytest.fixture(params=["hand-built", "demo"])
def stocked(request: pytest.FixtureRequest, store: Store) -> Store:
    if request.param == "hand-built":
        build_school(store)
    else:
        populate(store, pupils=30, seed=5)
    return store


def test_light_rows_are_the_started_placements_in_the_same_order(stocked: Store) -> None:
    with stocked.session() as s:
        full = started_placements(s)
        light = started_facts(s)
    assert full
    names = [f.name for f in fields(PlacementFacts)]
    assert [[getattr(p, n) for n in names] for p in light] == [
        [getattr(p, n) for n in names] for p in full
    ]


def test_measures_and_charts_read_from_light_rows_match_the_full_read(stocked: Store) -> None:
    period = year_to_date(TODAY)
    with stocked.session() as s:
        expected = (all_measures(s, period, TODAY), all_charts(s, period, TODAY))
    with stocked.session() as s:
        rows = started_facts(s)
        got = (all_measures(s, period, TODAY, rows), all_charts(s, period, TODAY, rows))
    assert got == expected


def test_late_returns_from_the_boards_patterns_match_their_own_read(stocked: Store) -> None:
    with stocked.session() as s:
        board = today_board(s, NOW)
        alone = late_returns(s, NOW)
    assert board.late_returns == alone


def test_the_overview_counts_only_what_the_page_shows(stocked: Store) -> None:
    overview = stocked.read(read_overview)  # a read: it records nothing, not even the stocked
    counts = store_info(stocked)["counts"]
    with stocked.session() as s:
        assert record_counts(s) == counts
    assert overview.counts == {key: counts[key] for key, _caption in FACTS}
    dashboard = stocked.read(load_dashboard, NOW)
    assert dashboard.overview == overview


def test_the_rows_a_year_can_count_give_the_same_measures_and_charts(stocked: Store) -> None:
    """The home page reads only the placements that began in the school year or had not
    finished before it: every figure is the same as from every started placement."""
    for today in YEARS_ON:
        period = year_to_date(today)
        with stocked.session() as s:
            every, some = started_facts(s), started_facts(s, period.start)
            expected = (all_measures(s, period, today, every), all_charts(s, period, today, every))
            got = (all_measures(s, period, today, some), all_charts(s, period, today, some))
        assert got == expected


def test_a_year_leaves_out_the_placements_finished_before_it(store: Store) -> None:
    build_school(store)
    with store.session() as s:
        every = started_facts(s)
        assert any(len(started_facts(s, year_to_date(d).start)) < len(every) for d in YEARS_ON)


def test_one_pattern_read_shared_by_the_year_and_the_board_gives_the_same_page(
    stocked: Store,
) -> None:
    """The home page reads the placements' patterns once, for the school year and the board's
    school week before today together: its measures and day's work are what each gives from
    its own read, on any day of the year (early September, the week reaches back into the
    year before)."""
    days = (*YEARS_ON, TODAY.replace(month=9, day=2), date.today() - timedelta(days=90))
    placed = 0
    for today in (*days, date.today()):
        now = datetime.combine(today, time(11, 0))
        period = year_to_date(today)
        with stocked.session() as s:
            alone = (todays_work(s, now), all_measures(s, period, today))
            placed += len(load_patterns(s, period.start, today))
        page = stocked.read(load_dashboard, now)
        assert (page.work, page.measures) == alone
    assert placed  # on some of those days the store had placements to share
