"""A real PostgreSQL server for the inbox tests: a throwaway cluster on a loopback port.

`APDESK_TEST_POSTGRES_URL` (e.g. postgresql://user@127.0.0.1:5432/postgres) points the tests at
a server already running. Otherwise the server binaries are found (Debian's `postgresql`
package, which `.ci/run` installs, puts them in /usr/lib/postgresql/*/bin) and a cluster is
made in a temporary folder, run as the `postgres` user when the tests run as root (PostgreSQL
refuses to run as root), and removed at the end. Each test gets a database of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

URL_ENV = "APDESK_TEST_POSTGRES_URL"
USER = "apdesk"


class NoServer(Exception):
    """No PostgreSQL can be run here; the message says why (the tests skip with it)."""


@dataclass
class PgServer:
    admin_url: str  # a database to connect to for CREATE DATABASE

    def url_for(self, database: str) -> str:
        base, _, _old = self.admin_url.rpartition("/")
        return f"{base}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    @contextmanager
    def database(self) -> Iterator[str]:
        """A new empty database for one test, dropped afterwards; yields its URL."""
        name = f"apdesk_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        try:
            yield self.url_for(name)
        finally:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bindir() -> Path | None:
    """Where initdb and pg_ctl are, if anywhere."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server() -> Iterator[PgServer]:
    """The server to test against; raises NoServer when there is none to be had."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise NoServer("psycopg is not installed: pip install 'apdesk[postgres]'") from None
    given = os.environ.get(URL_ENV)
    if given:
        yield PgServer(given)
        return
    binaries = bindir()
    if binaries is None:
        raise NoServer(
            "no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql "
            f"package, as .ci/run does, or set {URL_ENV}"
        )
    run_as: dict[str, str] = {}
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            raise NoServer("running as root and there is no postgres user to run it") from None
        run_as = {"user": "postgres", "group": "postgres"}
    root = Path(tempfile.mkdtemp(prefix="apdesk-pg-"))
    data, log = root / "data", root / "server.log"
    if run_as:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run(
            [str(binaries / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            timeout=120,
            **run_as,  # type: ignore[arg-type]
        )

    try:
        run("initdb", "-D", str(data), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync")
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off"
        )
        run("pg_ctl", "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        output = getattr(exc, "stderr", b"") or b""
        raise RuntimeError(f"PostgreSQL did not start: {output.decode(errors='replace')}") from exc
    try:
        yield PgServer(f"postgresql://{USER}@127.0.0.1:{port}/postgres")
    finally:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
