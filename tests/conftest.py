"""Shared fixtures: a fresh encrypted store per test and an in-memory OS keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from apdesk.store import KdfParams, Store

TEST_PASSPHRASE = "correct horse battery staple"


class MemoryKeyring(KeyringBackend):
    """The OS keyring cannot run here: this keeps secrets in a dict for the test's lifetime."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


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
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path) -> Iterator[Store]:
    """A new, empty, unlocked store (real SQLCipher; cheap Argon2id parameters)."""
    created, _recovery = Store.create(store_dir, TEST_PASSPHRASE, kdf=KdfParams.fast())
    yield created
    created.lock()


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running `apdesk` in a subprocess: no OS keyring, a private home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("APDESK_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["APDESK_HOME"] = str(tmp_path / "apdesk-home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
