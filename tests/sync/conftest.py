"""Fixtures for the sync suite: a school store with a placement, a live inbox on SQLite and on a
real PostgreSQL, and a fault proxy."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.pg_server import NoServer, PgServer, running_server
from tests.helpers.store import TEST_PASSPHRASE
from tests.helpers.sync_data import TOKEN, URN, add_placement, add_school
from tests.helpers.sync_harness import Cli, CliErr, FaultProxy, Inbox, Waits, run_inbox, run_proxy

from apdesk.cli import main
from apdesk.services.operations.settings import set_la_token
from apdesk.store import Store
from apdesk.sync import connection, keys
from apdesk.sync.inbox.db import register_school
from apdesk.sync.sender import SendPolicy


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer | str]:
    """The PostgreSQL server for the session, or the reason there is none."""
    try:
        with running_server() as server:
            yield server
    except NoServer as exc:
        yield str(exc)


@pytest.fixture(params=["sqlite", "postgresql"])
def inbox_db(
    request: pytest.FixtureRequest, tmp_path: Path, postgres: PgServer | str
) -> Iterator[str]:
    """The inbox's database URL: every inbox test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "inbox.db")
        return
    if isinstance(postgres, str):
        if os.environ.get("APDESK_REQUIRE_POSTGRES"):  # CI: the server must be there
            pytest.fail(f"PostgreSQL: {postgres}")
        pytest.skip(f"PostgreSQL: {postgres}")
    with postgres.database() as url:
        yield url


@pytest.fixture
def waits() -> Waits:
    return Waits([])


@pytest.fixture
def policy(waits: Waits) -> SendPolicy:
    """Short waits, recorded not slept; no daily audit checkpoint (tested on its own). An
    answer may take 3 s, as a first one from an inbox on PostgreSQL can on a busy machine; a
    server that says nothing is given up on after that."""
    return SendPolicy(
        attempts=8,
        wait_base=0.5,
        wait_max=4.0,
        timeout=3.0,
        sleep=waits,
        audit_checkpoints=False,
    )


@pytest.fixture
def placement_id(store: Store) -> int:
    with store.session() as session:
        add_school(session)
        placement = add_placement(session)
    assert placement.id is not None
    return placement.id


@pytest.fixture
def inbox(inbox_db: str, store: Store) -> Iterator[Inbox]:
    with run_inbox(inbox_db) as running:
        with store.session() as session:
            pem = keys.public_key_pem(session)
        register_school(running.engine, URN, pem, TOKEN, "Oakfield Academy")
        yield running


@pytest.fixture
def proxy(inbox: Inbox) -> Iterator[FaultProxy]:
    with run_proxy(inbox.url) as running:
        yield running


@pytest.fixture
def connected(store: Store, proxy: FaultProxy, placement_id: int) -> Store:
    """The school's store pointed at the proxy in front of the inbox, with a good token."""
    with store.session() as session:
        connection.set_endpoint(session, proxy.url)
    store.run(set_la_token, connection.token_account(store), TOKEN)
    return store


@pytest.fixture
def cli_err(
    store: Store,
    placement_id: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> CliErr:
    """Run `apdesk ...` in this process against the test store: (code, stdout, stderr)."""
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    folder = str(store.folder)

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--store", folder] if args[0] != "inbox" else list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def cli(cli_err: CliErr) -> Cli:
    """Run `apdesk ...` in this process against the test store: (code, stdout)."""

    def run(*args: str) -> tuple[int, str]:
        code, out, _err = cli_err(*args)
        return code, out

    return run
