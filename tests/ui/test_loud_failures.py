"""The suite's own alarms go off: a test fails when it logs an error, when Qt warns, or when work
on the worker fails and nothing handles it, unless the test says it expects that. Each check
runs a small test through a pytest of its own (a subprocess) with the suite's real conftests."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
INI = """
[pytest]
qt_api = pyside6
qt_log_level_fail = WARNING
qt_log_ignore =
    This plugin does not support propagateSizeHints\\(\\)
"""


@pytest.fixture
def suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A scratch suite laid out like ours: the root conftest, and `ui/` with its conftest."""
    monkeypatch.setenv("PYTHONPATH", str(TESTS.parent))  # the conftests import tests.helpers
    pytester.makeini(INI)
    pytester.makeconftest((TESTS / "conftest.py").read_text(encoding="utf-8"))
    ui = pytester.mkpydir("ui")
    (ui / "conftest.py").write_text((TESTS / "ui" / "conftest.py").read_text(encoding="utf-8"))
    return pytester


def run(suite: pytest.Pytester, body: str) -> pytest.RunResult:
    """Run `body` as ui/test_planted.py in a pytest of its own."""
    (suite.path / "ui" / "test_planted.py").write_text(body, encoding="utf-8")
    return suite.runpytest_subprocess("-p", "no:cacheprovider", "ui/test_planted.py")


def test_an_error_logged_fails_the_test(suite: pytest.Pytester) -> None:
    result = run(
        suite,
        "import logging\n"
        "def test_quiet_failure():\n"
        "    logging.getLogger('apdesk.demo').error('could not save %s', 'x')\n",
    )
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*errors were logged*", "*apdesk.demo: could not save x*"])


def test_a_test_that_expects_the_error_passes_and_sees_it(suite: pytest.Pytester) -> None:
    result = run(
        suite,
        "import logging\n"
        "def test_expected(logged_errors):\n"
        "    logging.getLogger('apdesk.demo').error('could not save')\n"
        "    assert [r.getMessage() for r in logged_errors()] == ['could not save']\n",
    )
    result.assert_outcomes(passed=1)


def test_a_qt_warning_fails_the_test_and_an_ignored_one_does_not(suite: pytest.Pytester) -> None:
    result = run(
        suite,
        "from PySide6.QtCore import qWarning\n"
        "def test_warns(qapp):\n"
        "    qWarning('QObject::connect: No such signal')\n"
        "def test_offscreen_noise(qapp):\n"
        "    qWarning('This plugin does not support propagateSizeHints()')\n",
    )
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*test_warns*", "*No such signal*"])


def test_unhandled_work_fails_the_test_and_expected_work_does_not(suite: pytest.Pytester) -> None:
    result = run(
        suite,
        "def test_unhandled(ctx):\n"
        "    ctx.query(lambda session: {}['missing']).run()\n"
        "def test_runner_alone(tasks):\n"
        "    tasks.submit(lambda: 1 / 0)\n"
        "def test_expected(tasks, worker_errors):\n"
        "    tasks.submit(lambda: 1 / 0)\n"
        "    assert worker_errors == ['ZeroDivisionError: division by zero']\n",
    )
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*work failed and nothing handled it*",
            "*shown to the person: Something went wrong (KeyError)*",
            "*ZeroDivisionError: division by zero*",
        ]
    )
