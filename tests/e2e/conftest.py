"""The command line in Polish and in English on the test store, for the tests of what it says."""

from __future__ import annotations

import pytest
from tests.helpers.cli_language import Run, runner

from apdesk.store import Store


@pytest.fixture
def polish_cli(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    return runner("pl_PL", store, monkeypatch, capsys)


@pytest.fixture
def english_cli(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    return runner("en_GB", store, monkeypatch, capsys)
