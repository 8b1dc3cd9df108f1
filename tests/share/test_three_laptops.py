"""Three laptops, one record: random edits on random laptops while offline, syncs in random
order, some of them killed with SIGKILL part way; then everyone syncs.

After that, on the hub on SQLite and on a real PostgreSQL:
- every laptop's export is the same (by global id);
- every text edit is the final text or listed in that field's conflict, unless a later edit
  had seen it (or a delete had: then the record is gone everywhere);
- every laptop's audit chain verifies;
- the hub's database holds no trace of the pupils (a canary string in every text never
  appears in it).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import Engine, inspect, text
from tests.helpers.hub_harness import Hub, run_hub
from tests.helpers.laptops import (
    MONDAY,
    Laptop,
    add_pupil,
    drop_contact,
    everyone_syncs,
    mark,
    new_contact,
    school,
    set_address,
    set_field,
)
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.models.upn import make_upn
from apdesk.share.resolve import resolve_conflict

CANARY = "Qzv7-canary"
EXAMPLES = int(os.environ.get("APDESK_HUB_EXAMPLES", "4"))
STEPS = int(os.environ.get("APDESK_HUB_STEPS", "24"))
MAX_KILLS = 3
laptop_index = st.integers(0, 2)
pick = st.integers(0, 1000)


def hub_holds(engine: Engine, needle: bytes) -> bool:
    """Whether any cell of any hub table holds `needle` (as text or bytes)."""
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for cell in row:
                    data = cell if isinstance(cell, bytes | memoryview) else str(cell).encode()
                    if needle in bytes(data):
                        return True
    return False


class School(RuleBasedStateMachine):
    hub: ClassVar[Hub]
    root: ClassVar[Path]
    env: ClassVar[dict[str, str]]

    def __init__(self) -> None:
        super().__init__()
        self.folder = self.root / uuid.uuid4().hex[:8]
        self.laptops: list[Laptop] = school(self.folder, self.hub.url)
        self.edits: dict[tuple[str, str], dict[str, set[str]]] = {}  # value -> parents
        self.delete_saw: dict[str, set[str]] = {}
        self.count = 0
        self.kills = 0

    def _next(self, what: str) -> str:
        self.count += 1
        return f"{CANARY} {what} {self.count}"

    def _edit(self, laptop: Laptop, table: str, gid: str, name: str, value: str) -> None:
        before = laptop.text(table, gid, name)
        self.edits.setdefault((gid, name), {})[value] = {before}

    # -- edits made offline --------------------------------------------------------------------
    @rule(i=laptop_index)
    def add_pupil(self, i: int) -> None:
        laptop = self.laptops[i]
        upn = make_upn(855, 4002 + i, 25, self.count % 900 + 1)
        health = self._next("health")
        gid_before = set(laptop.pupil_gids())
        laptop.store.run(add_pupil, upn, f"New{self.count}", health)
        [gid] = set(laptop.pupil_gids()) - gid_before
        self.edits.setdefault((gid, "health_needs"), {})[health] = set()

    @rule(i=laptop_index, p=pick, name=st.sampled_from(["health_needs", "safety_info"]))
    def edit_text(self, i: int, p: int, name: str) -> None:
        laptop = self.laptops[i]
        gids = laptop.pupil_gids()
        gid = gids[p % len(gids)]
        value = self._next(name)
        self._edit(laptop, "pupil", gid, name, value)
        laptop.store.run(set_field, laptop.local("pupil", gid), name, value)

    @rule(i=laptop_index, p=pick, year=st.integers(7, 11))
    def edit_year(self, i: int, p: int, year: int) -> None:
        laptop = self.laptops[i]
        gids = laptop.pupil_gids()
        laptop.store.run(set_field, laptop.local("pupil", gids[p % len(gids)]), "nc_year", year)

    @rule(i=laptop_index, p=pick)
    def add_contact(self, i: int, p: int) -> None:
        laptop = self.laptops[i]
        gids = laptop.pupil_gids()
        laptop.store.run(new_contact, laptop.local("pupil", gids[p % len(gids)]), self._next("c"))

    @rule(i=laptop_index, c=pick)
    def edit_address(self, i: int, c: int) -> None:
        laptop = self.laptops[i]
        contacts = laptop.contact_gids()
        if contacts:
            gid = contacts[c % len(contacts)]
            value = self._next("address")
            self._edit(laptop, "contact", gid, "address", value)
            laptop.store.run(set_address, laptop.local("contact", gid), value)

    @rule(i=laptop_index, c=pick)
    def delete_contact(self, i: int, c: int) -> None:
        laptop = self.laptops[i]
        contacts = laptop.contact_gids()
        if contacts:
            gid = contacts[c % len(contacts)]
            seen = {laptop.text("contact", gid, "address")}
            seen |= {v.text for x in laptop.conflicts() if x.id == f"text:{gid}:address"
                     for v in x.versions}  # fmt: skip
            self.delete_saw.setdefault(gid, set()).update(seen)
            laptop.store.run(drop_contact, laptop.local("contact", gid))

    @rule(i=laptop_index, p=pick, day=st.integers(0, 2), half=st.sampled_from(["AM", "PM"]),
          code=st.sampled_from(["/", "N", "B", "I"]))  # fmt: skip
    def record_mark(self, i: int, p: int, day: int, half: str, code: str) -> None:
        laptop = self.laptops[i]
        gids = laptop.pupil_gids()
        pupil = laptop.local("pupil", gids[p % len(gids)])
        laptop.store.run(mark, pupil, MONDAY + timedelta(days=day), half, code)

    @rule(i=laptop_index)
    def resolve_a_text(self, i: int) -> None:
        laptop = self.laptops[i]
        texts = [c for c in laptop.conflicts() if c.kind == "text"]
        if texts:
            conflict = texts[0]
            gid = conflict.id.split(":")[1]
            value = self._next("merged")
            self.edits.setdefault((gid, conflict.field), {})[value] = {
                v.text for v in conflict.versions
            }
            laptop.store.run(resolve_conflict, conflict.id, "merged", value)

    # -- syncing -------------------------------------------------------------------------------
    @rule(i=laptop_index)
    def sync(self, i: int) -> None:
        report = self.laptops[i].sync()
        assert report.state == "in-step", report

    @precondition(lambda self: self.kills < MAX_KILLS)
    @rule(i=laptop_index, delay=st.floats(0.3, 2.5))
    def sync_killed(self, i: int, delay: float) -> None:
        """`apdesk share sync` in its own process, killed with SIGKILL wherever it has got to."""
        self.kills += 1
        process = subprocess.Popen(
            [sys.executable, "-m", "apdesk", "share", "sync", "--store",
             str(self.laptops[i].folder), "--interval", "1"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(10)

    # -- after everyone syncs ------------------------------------------------------------------
    def teardown(self) -> None:
        try:
            everyone_syncs(self.laptops)
            self.check()
        finally:
            for laptop in self.laptops:
                laptop.store.lock()
            shutil.rmtree(self.folder, ignore_errors=True)

    def check(self) -> None:
        first = self.laptops[0].export()
        for laptop in self.laptops[1:]:
            assert laptop.export() == first, f"{laptop.name} differs from {self.laptops[0].name}"
        for laptop in self.laptops:
            assert laptop.chain_ok(), f"{laptop.name}'s audit chain is broken"
            self.check_texts(laptop)
        assert not hub_holds(self.hub.engine, CANARY.encode()), "the hub holds plaintext"
        assert not hub_holds(self.hub.engine, b"Oakley"), "the hub holds a pupil's name"

    def check_texts(self, laptop: Laptop) -> None:
        listed: dict[tuple[str, str], set[str]] = {}
        for conflict in laptop.conflicts():
            if conflict.kind == "text":
                key = (conflict.id.split(":")[1], conflict.field)
                listed[key] = {v.text for v in conflict.versions}
        for (gid, name), versions in self.edits.items():
            parents = set().union(*versions.values())
            leaves = [v for v in versions if v not in parents]
            table = "pupil" if name != "address" else "contact"
            if laptop.local(table, gid) is None:
                lost = [v for v in leaves if v not in self.delete_saw.get(gid, set())]
                assert not lost, f"deleted without having seen {lost} on {laptop.name}"
                continue
            shown = laptop.text(table, gid, name)
            kept = listed.get((gid, name), set()) | {shown}
            lost = [v for v in leaves if v not in kept]
            assert not lost, f"{name} edits {lost} lost on {laptop.name} (shows {shown!r})"


def run_school(hub: Hub, root: Path, env: dict[str, str]) -> None:
    School.hub, School.root, School.env = hub, root, env
    run_state_machine_as_test(
        School,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


@pytest.fixture
def sync_env(cli_env: dict[str, str]) -> dict[str, Any]:
    return {**cli_env, "APDESK_PASSPHRASE": TEST_PASSPHRASE}


@pytest.mark.timeout(1800)
def test_three_laptops_converge_and_lose_no_edit(
    hub_db: str, tmp_path: Path, sync_env: dict[str, str]
) -> None:
    with run_hub(hub_db) as hub:
        run_school(hub, tmp_path, sync_env)
