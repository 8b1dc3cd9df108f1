"""The statutory commands as a coordinator runs them: a CTF for another school, the school's
AP guide settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.ctf import ctf_file, pupil
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main
from apdesk.services.school import SchoolDetails, save_school
from apdesk.store import Store


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    with store.session() as s:
        save_school(
            s, SchoolDetails(name="Fernhill Community College", la_code="855", estab="4001")
        )

    def call(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--store", str(store.folder)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_a_ctf_for_another_school_needs_accept_destination(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """CTF specification: `Header/DestSchool` names the school the file is for."""
    path = tmp_path / "transfer.xml"
    path.write_bytes(ctf_file(pupil(), dest_estab="4123"))
    code, out, _ = cli("import", "pupils", str(path))
    assert code == 2 and "Nothing was imported" in out
    assert "LA 855, establishment 4123" in out and "establishment 4001" in out
    assert "--accept-destination" in out
    code, out, _ = cli("import", "pupils", str(path), "--accept-destination")
    assert code == 0 and "Imported 1 new pupil;" in out
    assert "Read from the file:" in out and "LookedAfter/InCare" in out
    assert "In the file but not kept by apdesk:" in out and "BasicDetails/Ethnicity" in out


def test_placement_rules_show_and_set(cli) -> None:  # type: ignore[no-untyped-def]
    """Arranging alternative provision (DfE, 2025): reviews at least half-termly."""
    code, out, _ = cli("placement-rules", "show")
    assert code == 0 and "every 6 weeks" in out and "no limit set" in out
    assert "Arranging alternative provision" in out
    code, out, _ = cli("placement-rules", "set", "--review-weeks", "4", "--max-weeks", "12")
    assert code == 0 and "every 4 weeks" in out and "12 weeks" in out
    code, _out, err = cli("placement-rules", "set", "--review-weeks", "9")
    assert code == 2 and "not at least half-termly" in err


def test_a_polish_coordinator_reads_the_commands_in_polish(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APDESK_LANGUAGE", "pl_PL")
    code, out, _ = cli("placement-rules", "set", "--review-weeks", "2", "--max-weeks", "22")
    assert code == 0 and "co najmniej co 2 tygodnie" in out and "22 tygodnie" in out
    code, out, _ = cli("placement-rules", "set", "--review-weeks", "5", "--max-weeks", "0")
    assert "co 5 tygodni" in out and "Źródło:" in out and "weeks" not in out
