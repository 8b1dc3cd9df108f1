"""What a test that expects a failure is handed to assert on (the fixtures `logged_errors` and
`worker_errors`); any other test fails when an error is logged or work fails unhandled."""

from __future__ import annotations

import logging

import pytest


class LoggedErrors:
    """The ERROR records logged so far in a test that means apdesk to log one."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self._caplog = caplog

    def __call__(self) -> list[logging.LogRecord]:
        return [r for r in self._caplog.records if r.levelno >= logging.ERROR]


class WorkerErrors(list[str]):
    """Failures on the worker that nothing handled, as `Kind: message` lines."""
