"""Fixtures for sharing: a real hub on loopback, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.hub_harness import Hub, run_hub
from tests.helpers.pg_server import NoServer, PgServer, running_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer | str]:
    """The PostgreSQL server for the session, or the reason there is none."""
    try:
        with running_server() as server:
            yield server
    except NoServer as exc:
        yield str(exc)


def _database(kind: str, tmp_path: Path, postgres: PgServer | str) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "hub.db")
        return
    if isinstance(postgres, str):
        if os.environ.get("APDESK_REQUIRE_POSTGRES"):  # CI: the server must be there
            pytest.fail(f"PostgreSQL: {postgres}")
        pytest.skip(f"PostgreSQL: {postgres}")
    with postgres.database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db(
    request: pytest.FixtureRequest, tmp_path: Path, postgres: PgServer | str
) -> Iterator[str]:
    """The hub's database URL: these tests run on SQLite and on PostgreSQL."""
    yield from _database(request.param, tmp_path, postgres)


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[Hub]:
    with run_hub(str(tmp_path / "hub.db")) as hub:
        yield hub


@pytest.fixture
def hub(hub_db: str) -> Iterator[Hub]:
    with run_hub(hub_db) as running:
        yield running
