"""`apdesk sar` and `apdesk retention` from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.helpers.cli_language import Run
from tests.helpers.privacy import add_child
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main
from apdesk.store import Store


def test_sar_and_retention_commands(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with store.session() as s:
        child = add_child(s, 1, "Cliway", dob=date(1990, 1, 1), on_roll=False)
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)
    folder = str(store.folder)
    out = tmp_path / "sar"
    args = ["sar", "--pupil", child.upn, "--out", str(out), "--requested", "2026-03-03"]
    assert main([*args, "--store", folder]) == 0
    said = capsys.readouterr().out
    assert "Respond by 3 April 2026 (one calendar month from 3 March 2026)." in said
    data = json.loads((out / f"subject-access-{child.upn}-2026-03-03.json").read_text())
    assert data["records"]["pupil"][0]["surname"] == "Cliway"
    assert (out / f"subject-access-{child.upn}-2026-03-03.pdf").read_bytes().startswith(b"%PDF")
    assert main(["sar", "--pupil", child.upn, "--out", str(out), "--requested", "3/3/26"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err

    assert main(["retention", "rules", "--store", folder]) == 0
    assert "IRMS toolkit for schools" in capsys.readouterr().out
    assert main(["retention", "review", "--store", folder]) == 0
    assert "Cliway" in capsys.readouterr().out
    assert main(["retention", "purge", "--type", "pupils", "--store", folder]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["retention", "purge", "--type", "pupils", "--yes", "--store", folder]) == 0
    assert "1 pupil" in capsys.readouterr().out
    assert main(["retention", "review", "--type", "pupils", "--store", folder]) == 0
    assert "Nothing is past" in capsys.readouterr().out


def test_sar_says_its_deadline_in_polish_words(
    store: Store, tmp_path: Path, polish_cli: Run
) -> None:
    with store.session() as s:
        child = add_child(s, 1, "Cliway")
    out = str(tmp_path / "sar")
    code, said, _err = polish_cli(
        "sar", "--pupil", child.upn, "--out", out, "--requested", "2026-12-07"
    )
    assert code == 0
    deadline = said.splitlines()[1]
    assert deadline == "Odpowiedz do 7 stycznia 2027 (miesiąc kalendarzowy od 7 grudnia 2026)."
