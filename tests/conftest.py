"""Shared fixtures: a fresh encrypted store per test, an in-memory OS keyring, and checks that
make a test fail loudly: an ERROR logged through `logging` fails it unless it asks for
`logged_errors`, and a test that changes the language hands English back to the next one."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.failures import LoggedErrors
from tests.helpers.measures import build_school
from tests.helpers.store import TEST_PASSPHRASE, MemoryKeyring

from apdesk.i18n import DEFAULT_LOCALE, current_locale, set_locale
from apdesk.store import KdfParams, Store

pytest_plugins = ["pytester"]  # the suite tests its own alarms (tests/ui/test_loud_failures.py)


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("APDESK_HOME", str(tmp_path / "apdesk-home"))
    monkeypatch.delenv("APDESK_PASSPHRASE", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def logged_errors(caplog: pytest.LogCaptureFixture) -> LoggedErrors:
    """Ask for this in a test that expects an error to be logged, and assert on
    `logged_errors()`: errors logged in any other test fail it."""
    return LoggedErrors(caplog)


@pytest.fixture(autouse=True)
def errors_logged_fail_the_test(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Any ERROR (or worse) logged while the test set up or ran fails it, unless the test
    asked for `logged_errors`."""
    yield
    if "logged_errors" in request.fixturenames:
        return
    records = [
        record
        for when in ("setup", "call")
        for record in caplog.get_records(when)
        if record.levelno >= logging.ERROR
    ]
    if records:
        lines = [
            f"{r.name}: {r.getMessage()}" + (" (with a traceback)" if r.exc_info else "")
            for r in records
        ]
        pytest.fail("errors were logged:\n  " + "\n  ".join(lines), pytrace=False)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that switches the language hands the next test English again."""
    yield
    if current_locale() != DEFAULT_LOCALE:
        set_locale(DEFAULT_LOCALE)


@pytest.fixture
def polish() -> None:
    """The test runs in Polish (`english_afterwards` hands the next test English again)."""
    set_locale("pl_PL")


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[Store]:
    """A new, empty, unlocked store (real SQLCipher; cheap Argon2id parameters)."""
    created, _recovery = Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())
    yield created
    created.lock()


@pytest.fixture
def school(store: Store) -> dict[str, int]:
    """The store holding the small hand-built school of `tests.helpers.measures` (five pupils,
    three providers, six placements on 12 March 2025); the names' ids by key."""
    return build_school(store)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running `apdesk` in a subprocess: no OS keyring, a private home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("APDESK_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["APDESK_HOME"] = str(tmp_path / "apdesk-home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
