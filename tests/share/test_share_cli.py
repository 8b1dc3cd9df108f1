"""Two laptops sharing a demo school through `apdesk hub serve`, with nothing but the command.

`share start` on a demo store, `share join` on a second, a pupil added on each, one pupil's
health needs changed on both, `share sync` twice each: both stores hold both pupils, one
conflict lists both texts, and settling it on one laptop settles it on the other.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.helpers.cli import APDESK, demo_store, run

from apdesk.models.upn import make_upn
from apdesk.services.demo import DEMO_PASSPHRASE

CODE = re.compile(r"\b[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}\b")
CSV_HEAD = "UPN,Surname,Forename,Date of birth,Year,Health needs\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def hub_url(tmp_path: Path, cli_env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [*APDESK, "hub", "serve", "--db", str(tmp_path / "hub.db"), "--host", "127.0.0.1",
         "--port", str(port)],
        env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, "the hub stopped"
            assert time.monotonic() < deadline, "the hub did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def pupils_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = [f"{upn},Oakley,{forename},04/05/2012,8,{health}\n" for upn, forename, health in rows]
    path.write_text(CSV_HEAD + "".join(lines), encoding="utf-8")
    return path


def exported(store: Path, env: dict[str, str]) -> list[dict[str, object]]:
    result = run(["export", "pupils", "--store", str(store)], env, DEMO_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    return sorted(
        ({k: v for k, v in row.items() if k != "id"} for row in json.loads(result.stdout)),
        key=lambda row: str(row["upn"]),
    )


def share(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run(["share", *args], env, DEMO_PASSPHRASE)


def test_two_laptops_share_a_demo_school_through_the_cli(
    tmp_path: Path, cli_env: dict[str, str], hub_url: str
) -> None:
    office = demo_store(tmp_path, cli_env, pupils=20)
    senco = tmp_path / "senco"
    started = share(["start", "--store", str(office), "--hub", hub_url, "--name", "Office"],
                    cli_env)  # fmt: skip
    assert started.returncode == 0, started.stderr
    [code] = CODE.findall(started.stdout)
    joined = share(["join", "--store", str(senco), "--hub", hub_url, "--code", code,
                    "--name", "SENCO"], cli_env)  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    assert "Recovery key" in joined.stdout
    again = share(["join", "--store", str(tmp_path / "third"), "--hub", hub_url, "--code", code],
                  cli_env)  # fmt: skip
    assert again.returncode == 2 and "already used" in again.stderr

    before = exported(office, cli_env)
    assert exported(senco, cli_env) == before
    shared_upn = str(before[0]["upn"])
    new_on_office, new_on_senco = make_upn(855, 4001, 25, 901), make_upn(855, 4001, 25, 902)
    for store, (upn, name), health in (
        (office, (new_on_office, "Rowan"), "Asthma: reliever inhaler in the office"),
        (senco, (new_on_senco, "Skye"), "Epipen carried by the key worker"),
    ):
        forename = next(str(r["forename"]) for r in before if r["upn"] == shared_upn)
        rows = [(upn, name, ""), (shared_upn, forename, health)]
        csv = pupils_csv(tmp_path / f"{store.name}.csv", rows)
        result = run(
            ["import", "pupils", str(csv), "--store", str(store)], cli_env, DEMO_PASSPHRASE
        )
        assert result.returncode == 0, result.stderr

    for _round in range(2):
        for store in (office, senco):
            synced = share(["sync", "--store", str(store), "--once"], cli_env)
            assert synced.returncode == 0, synced.stdout + synced.stderr
            assert synced.stdout.startswith("Shared: in step; sent ")

    office_rows, senco_rows = exported(office, cli_env), exported(senco, cli_env)
    assert office_rows == senco_rows
    assert {new_on_office, new_on_senco} <= {str(r["upn"]) for r in office_rows}
    listed = share(["conflicts", "--store", str(senco), "--json"], cli_env)
    [conflict] = json.loads(listed.stdout)
    assert conflict["kind"] == "text" and conflict["field"] == "health_needs"
    assert sorted(v["text"] for v in conflict["versions"]) == [
        "Asthma: reliever inhaler in the office",
        "Epipen carried by the key worker",
    ]
    number = 1 + [v["device"] for v in conflict["versions"]].index("Office")
    settled = share(["conflicts", "--store", str(senco), "--resolve", conflict["id"],
                     "--choose", str(number)], cli_env)  # fmt: skip
    assert settled.returncode == 0, settled.stderr
    for store in (senco, office):
        assert share(["sync", "--store", str(store), "--once"], cli_env).returncode == 0
    for store in (office, senco):
        listed = share(["conflicts", "--store", str(store), "--json"], cli_env)
        assert json.loads(listed.stdout) == []
    final = exported(office, cli_env)
    assert final == exported(senco, cli_env)
    health = next(r["health_needs"] for r in final if r["upn"] == shared_upn)
    assert health == "Asthma: reliever inhaler in the office"

    status = json.loads(share(["status", "--store", str(office), "--json"], cli_env).stdout)
    assert status["sharing"] and status["pending"] == 0 and status["conflicts"] == 0
    devices = json.loads(share(["devices", "--store", str(office), "--json"], cli_env).stdout)
    assert sorted(d["name"] for d in devices) == ["Office", "SENCO"]


def test_sync_says_3_when_the_hub_cannot_be_reached(
    tmp_path: Path, cli_env: dict[str, str], hub_url: str
) -> None:
    office = demo_store(tmp_path, cli_env, pupils=5)
    started = share(["start", "--store", str(office), "--hub", hub_url], cli_env)
    assert started.returncode == 0, started.stderr
    # Point the store at a port nobody listens on, as if the hub were down.
    from apdesk.store import Store
    from apdesk.store.share_rows import state_set

    store = Store.open(office, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    with store.session() as session:
        state_set(session.connection(), {"hub": f"http://127.0.0.1:{free_port()}"})
    store.lock()
    result = share(["sync", "--store", str(office), "--once"], cli_env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "cannot be reached" in result.stdout and "in-step" not in result.stdout
    assert result.stdout.startswith("Shared: hub not reachable; sent 0, merged 0")
    status = json.loads(share(["status", "--store", str(office), "--json"], cli_env).stdout)
    assert status["last_state"] == "offline"


def test_start_with_no_hub_listening_says_3_and_changes_nothing(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    office = demo_store(tmp_path, cli_env, pupils=5)
    url = f"http://127.0.0.1:{free_port()}"
    result = share(["start", "--store", str(office), "--hub", url], cli_env)
    assert result.returncode == 3 and "cannot be reached" in result.stderr
    status = json.loads(share(["status", "--store", str(office), "--json"], cli_env).stdout)
    assert status["sharing"] is False
