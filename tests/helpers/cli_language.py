"""Runs `apdesk` commands in one language on a test store, for the tests of what the command
line says in Polish and in English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main
from apdesk.store import Store

Run = Callable[..., tuple[int, str, str]]


def runner(
    language: str, store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """A caller of `apdesk ARGS --store <store>` in `language`: (exit status, out, err)."""
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("APDESK_LANGUAGE", language)

    def call(*args: str, folder: Path = store.folder) -> tuple[int, str, str]:
        code = main([*args, "--store", str(folder)])
        said = capsys.readouterr()
        return code, said.out, said.err

    return call
