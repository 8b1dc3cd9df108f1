"""A Polish coordinator's commands speak Polish: `apdesk info`'s counts, `apdesk share status`
and the attendance report's column headings."""

from __future__ import annotations

import pytest
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main
from apdesk.store import Store


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("APDESK_LANGUAGE", "pl_PL")

    def call(*args: str) -> tuple[int, str]:
        code = main([*args, "--store", str(store.folder)])
        return code, capsys.readouterr().out

    return call


def test_info_counts_are_in_polish(cli) -> None:  # type: ignore[no-untyped-def]
    code, out = cli("info")
    assert code == 0
    for english in ("Pupils:", "Attendance marks:", "Audit events:", "Active placements:"):
        assert english not in out
    assert "Uczniowie:" in out


def test_the_attendance_report_headings_are_in_polish(cli) -> None:  # type: ignore[no-untyped-def]
    code, out = cli("report", "attendance", "--from", "2027-01-04", "--to", "2027-01-08")
    assert code == 0
    heading = out.splitlines()[0]
    for english in ("possible", "attended", "unauth", "flags"):
        assert english not in heading
