"""`apdesk backup`, `restore` and `check` from a shell."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import run

PASS = "a long enough passphrase"


def test_backup_restore_check_round_trip(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = tmp_path / "school"
    assert (
        run(["demo-data", "--store", str(folder), "--pupils", "15"], cli_env, PASS).returncode == 0
    )
    backup = tmp_path / "usb" / "school.apbackup"
    made = run(["backup", "--store", str(folder), "--out", str(backup)], cli_env, PASS)
    assert made.returncode == 0, made.stderr
    assert backup.exists()

    restored = run(["restore", str(backup), "--store", str(tmp_path / "copy")], cli_env, PASS)
    assert restored.returncode == 0, restored.stderr
    info = json.loads(
        run(["info", "--store", str(tmp_path / "copy"), "--json"], cli_env, PASS).stdout
    )
    assert info["counts"]["pupils"] == 15

    over = run(["restore", str(backup), "--store", str(folder)], cli_env, PASS)
    assert over.returncode == 0 and "kept in" in over.stdout

    checked = run(["check", "--store", str(folder)], cli_env, PASS)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Integrity check: ok" in checked.stdout
    assert "Audit chain verified: " in checked.stdout and "none altered" in checked.stdout


def test_restore_with_the_wrong_passphrase_changes_nothing(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    folder = tmp_path / "school"
    assert (
        run(["demo-data", "--store", str(folder), "--pupils", "5"], cli_env, PASS).returncode == 0
    )
    backup = tmp_path / "b.apbackup"
    assert (
        run(["backup", "--store", str(folder), "--out", str(backup)], cli_env, PASS).returncode == 0
    )
    result = run(["restore", str(backup), "--store", str(folder)], cli_env, "wrong passphrase!")
    assert result.returncode == 2 and "passphrase does not open" in result.stderr
    assert not list(tmp_path.glob("school.replaced-*"))
    assert not [p for p in tmp_path.iterdir() if ".restoring-" in p.name]
