"""A deterministic synthetic store at a chosen scale, built through bulk inserts.

Pupils, providers, placements and closures are made as model objects (so every default and
check of the models applies) and written with Core executemany inside `store.session()`;
attendance marks go straight to the driver in large batches. Bulk-built rows therefore carry
no per-row audit entries: the audit log records what people do, and nobody typed these.
The store is cached under the data folder keyed by scale and seed, so reruns start at once.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import SQLModel

from apdesk.models import Placement, Provider, Pupil
from apdesk.models.enums import PlacementStatus, SenStatus, SettingType
from apdesk.models.school import Closure
from apdesk.models.summaries import STAMP_TRIGGERS, TRIGGERS
from apdesk.models.upn import make_upn
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import KdfParams, Store
from apdesk.store.summaries import install_stamp_triggers, rebuild
from benchmarks.generate_reviews import MARKER, add_reviews

PASSPHRASE = "benchmark synthetic passphrase"
FIRST_YEAR = 2021  # five school years: 2021/22 to 2025/26
YEARS = 5
REPORT_YEAR = (date(2025, 9, 1), date(2026, 7, 22))
STAMP = datetime(2026, 7, 31, 12, 0, tzinfo=UTC)
# The suite's "now": a Wednesday morning inside the last school year, so the year-to-date
# figures, today's work and this week's register all have data (the store's last mark is 22 July).
CLOCK = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
SLOTS = [f"{d}_{h}" for d in ("MON", "TUE", "WED", "THU", "FRI") for h in ("AM", "PM")]
SCHOOL_CODES = ["/"] * 86 + ["L"] * 3 + ["I"] * 4 + ["M"] * 2 + ["N"] * 2 + ["O"] * 2 + ["G"]
PROVIDER_CODES = ["B"] * 85 + ["I"] * 5 + ["N"] * 4 + ["O"] * 4 + ["M"] * 2


@dataclass(frozen=True)
class Scale:
    name: str
    pupils: int
    providers: int
    placements: int
    marks: int


SCALES = {
    "trust": Scale("trust", 50_000, 750, 10_000, 10_000_000),
    "large": Scale("large", 10_000, 150, 2_000, 2_000_000),
    "medium": Scale("medium", 3_000, 60, 600, 400_000),
    "small": Scale("small", 300, 10, 60, 20_000),
}


def holidays(year: int) -> list[tuple[date, date, str]]:
    """A typical English school year's closures, starting in September of `year`."""
    return [
        (date(year, 10, 24), date(year, 10, 31), "October half term"),
        (date(year, 12, 20), date(year + 1, 1, 3), "Christmas"),
        (date(year + 1, 2, 14), date(year + 1, 2, 18), "February half term"),
        (date(year + 1, 4, 3), date(year + 1, 4, 14), "Easter"),
        (date(year + 1, 5, 29), date(year + 1, 6, 2), "May half term"),
    ]


def school_days(year: int) -> list[date]:
    shut = holidays(year)
    day, end, days = date(year, 9, 2), date(year + 1, 7, 22), []
    while day <= end:
        if day.weekday() < 5 and not any(a <= day <= b for a, b, _n in shut):
            days.append(day)
        day += timedelta(days=1)
    return days


def store_folder(data: Path, scale: str, seed: int) -> Path:
    return data / f"{scale}-seed{seed}"


def ensure_store(data: Path, scale: str, seed: int = 1) -> tuple[Path, float | None]:
    """The cached store's folder, building it if needed; (folder, seconds spent building)."""
    folder = store_folder(data, scale, seed)
    done = folder / "complete"
    if Store.exists(folder) and done.exists():
        if MARKER not in done.read_text().split():
            _add_reviews_to(folder, seed, done)
        return folder, None
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    store, _recovery = Store.create(folder, PASSPHRASE, use_keyring=False, kdf=KdfParams())
    try:
        populate(store, SCALES[scale], seed)
    finally:
        store.lock()
    done.write_text(f"built\n{MARKER}\n")
    os.chmod(done, 0o600)
    return folder, time.perf_counter() - started


def _add_reviews_to(folder: Path, seed: int, done: Path) -> None:
    """Give a store cached before reviews were generated the reviews a new build has."""
    store = Store.open(folder, passphrase=PASSPHRASE, use_keyring=False)
    try:
        with store.session() as session:
            add_reviews(session.connection(), seed, _all_days(), CLOCK.date())
    finally:
        store.lock()
    done.write_text(f"built\n{MARKER}\n")


def _all_days() -> list[date]:
    return [day for i in range(YEARS) for day in school_days(FIRST_YEAR + i)]


def _rows(models: list[SQLModel]) -> list[dict[str, Any]]:
    return [m.model_dump() for m in models]


def populate(store: Store, scale: Scale, seed: int) -> None:
    rng = random.Random(seed)
    years = [FIRST_YEAR + i for i in range(YEARS)]
    days = {year: school_days(year) for year in years}
    with store.session() as session:
        save_school(
            session,
            SchoolDetails(name="Benchmark Academy", urn="139998", la_code="855", estab="4001"),
        )
        conn = session.connection()
        closures = [
            Closure(start_date=a, end_date=b, name=n) for y in years for a, b, n in holidays(y)
        ]
        conn.execute(insert(Closure), _rows(list(closures)))
        conn.execute(insert(Pupil), _rows(list(_pupils(rng, scale.pupils))))
        conn.execute(insert(Provider), _rows(list(_providers(rng, scale.providers))))
        placements = list(_placements(rng, scale, years, days))
        conn.execute(insert(Placement), _rows(list(placements)))
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        # The standard bulk-load order: rows first, then the indexes built once, sorted.
        cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute("PRAGMA cache_size = -131072")
        indexes = cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'attendancemark' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        # The tally's triggers too: it is counted once at the end, as an index is built. The
        # stamps' triggers also: a placement or day with no stamp row is at stamp 0, as a store
        # whose marks were all written before anything was summed should be.
        for trigger in (*TRIGGERS, *STAMP_TRIGGERS):
            cursor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
        sql = (
            "INSERT INTO attendancemark (pupil_id, placement_id, mark_date, session, code, "
            "source, recorded_by, recorded_at, note, amendment_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, '', ?, '', '')"
        )
        for batch in _batches(_marks(rng, scale, placements, years, days), 50_000):
            cursor.executemany(sql, batch)
        for _name, index_sql in indexes:
            cursor.execute(index_sql)
        rebuild(conn)
        install_stamp_triggers(conn)
        add_reviews(conn, seed, _all_days(), CLOCK.date())
        cursor.execute(f"PRAGMA cache_size = {int(cache)}")
        cursor.close()


def _pupils(rng: random.Random, count: int) -> Iterator[Pupil]:
    forenames = ["Alex", "Sam", "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Jamie", "Robin"]
    surnames = ["Ashdown", "Brook", "Calder", "Dunmore", "Elston", "Farrow", "Gilby", "Hartwell"]
    for i in range(count):
        nc_year = 7 + i % 5
        yield Pupil(
            upn=make_upn(855, 4001 + i // 1000, 25, i % 1000),
            forename=rng.choice(forenames),
            surname=f"{rng.choice(surnames)}{i % 97}",
            dob=date(2025 - nc_year - 5, 9, 1) + timedelta(days=rng.randrange(365)),
            nc_year=nc_year,
            sen_status=rng.choices(list(SenStatus), weights=[70, 22, 8])[0],
            looked_after=rng.random() < 0.03,
            created_at=STAMP,
            updated_at=STAMP,
        )


def _providers(rng: random.Random, count: int) -> Iterator[Provider]:
    kinds = list(SettingType)
    for i in range(count):
        yield Provider(name=f"Provider {i + 1:03d} Learning Centre", setting_type=rng.choice(kinds))


def _placements(
    rng: random.Random, scale: Scale, years: list[int], days: dict[int, list[date]]
) -> Iterator[Placement]:
    for i in range(scale.placements):
        year = years[i * len(years) // scale.placements]
        term = days[year]
        first = rng.randrange(len(term) - 40)
        last = min(len(term) - 1, first + rng.randrange(30, 120))
        active = year == years[-1] and i % 3 == 0
        yield Placement(
            id=i + 1,
            pupil_id=rng.randrange(scale.pupils) + 1,
            provider_id=rng.randrange(scale.providers) + 1,
            status=PlacementStatus.ACTIVE if active else PlacementStatus.ENDED,
            hours_per_week=10.0,
            sessions=sorted(rng.sample(SLOTS, rng.randrange(2, 7))),
            start_date=term[first],
            end_date=term[last],
            started_on=term[first],
            ended_on=None if active else term[last],
            referred_on=term[first] - timedelta(days=21),
            learning_outcomes="Synthetic outcome text",
            created_at=STAMP,
            updated_at=STAMP,
        )


def _marks(
    rng: random.Random,
    scale: Scale,
    placements: list[Placement],
    years: list[int],
    days: dict[int, list[date]],
) -> Iterator[tuple[Any, ...]]:
    """Provider sessions for every placement, then school registers until the budget is met."""
    stamp = STAMP.strftime("%Y-%m-%d %H:%M:%S.%f")
    budget = scale.marks
    taken: dict[int, dict[tuple[date, str], int]] = {}
    for p in placements:
        slots = {(s[:3], s[4:]) for s in p.sessions}
        assert p.start_date is not None and p.end_date is not None and p.id is not None
        mine = taken.setdefault(p.pupil_id, {})
        for day in _span(days, p.start_date, p.end_date):
            for half in ("AM", "PM"):
                if (_weekday(day), half) in slots and (day, half) not in mine and budget > 0:
                    mine[(day, half)] = p.id
                    budget -= 1
                    code = rng.choice(PROVIDER_CODES)
                    yield (p.pupil_id, p.id, day.isoformat(), half, code, "provider", stamp)
    # School registers: each year, that year's AP pupils first, then the others in turn,
    # so the marks spread over the five years rather than piling into the last one.
    others = list(range(1, scale.pupils + 1))
    rng.shuffle(others)
    cursor = 0
    for index, year in enumerate(years):
        share = budget // (len(years) - index)
        ap = sorted(
            {
                p.pupil_id
                for p in placements
                if p.start_date
                and p.start_date.year in (year, year + 1)
                and days[year][0] <= p.start_date <= days[year][-1]
            }
        )
        ap_set = set(ap)
        rest = [i for i in others[cursor:] + others[:cursor] if i not in ap_set]
        for pupil_id in ap + rest:
            if share <= 0:
                break
            if pupil_id not in ap_set:
                cursor = (cursor + 1) % len(others)
            mine = taken.get(pupil_id, {})
            for day in days[year]:
                for half in ("AM", "PM"):
                    if share <= 0 or (day, half) in mine:
                        continue
                    code = rng.choice(SCHOOL_CODES)
                    if code == "/" and half == "PM":
                        code = "\\"
                    share -= 1
                    budget -= 1
                    yield (pupil_id, None, day.isoformat(), half, code, "school", stamp)


_WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


def _weekday(day: date) -> str:
    return _WEEKDAYS[day.weekday()]


def _span(days: dict[int, list[date]], start: date, end: date) -> Iterator[date]:
    for term in days.values():
        for day in term:
            if start <= day <= end:
                yield day


def _batches(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
