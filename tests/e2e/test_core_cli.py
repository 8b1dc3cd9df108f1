"""`apdesk init`, `demo-data`, `info` and `audit verify` from a shell, and their errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers.cli import run

PASS = "a long enough passphrase"


def test_init_demo_data_info_round_trip(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = tmp_path / "school"
    created = run(
        [
            "init",
            "--store",
            str(folder),
            "--school-name",
            "Hilltop High",
            "--urn",
            "123456",
            "--la-code",
            "855",
            "--estab",
            "4001",
        ],
        cli_env,
        PASS,
    )
    assert created.returncode == 0, created.stderr
    assert re.search(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", created.stdout), "recovery key printed once"

    filled = run(
        ["demo-data", "--store", str(folder), "--pupils", "200", "--seed", "7"], cli_env, PASS
    )
    assert filled.returncode == 0, filled.stderr
    assert "200 pupils" in filled.stdout

    info = run(["info", "--store", str(folder), "--json"], cli_env, PASS)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["cipher_version"].startswith("4.")
    assert data["schema_version"]
    counts = data["counts"]
    assert counts["pupils"] == 200
    assert counts["providers"] >= 9
    assert counts["placements"] > 0
    assert {"attendance_marks", "outbox"} <= counts.keys()

    verified = run(["audit", "verify", "--store", str(folder)], cli_env, PASS)
    assert verified.returncode == 0 and "Audit chain verified: " in verified.stdout


def test_demo_data_is_deterministic_for_a_seed(tmp_path: Path, cli_env: dict[str, str]) -> None:
    outputs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        assert (
            run(
                ["demo-data", "--store", str(folder), "--pupils", "30", "--seed", "3"],
                cli_env,
                PASS,
            ).returncode
            == 0
        )
        outputs.append(
            json.loads(run(["info", "--store", str(folder), "--json"], cli_env, PASS).stdout)[
                "counts"
            ]
        )
    assert outputs[0] == outputs[1]


def test_wrong_passphrase_exits_2_with_one_clear_line(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    folder = tmp_path / "school"
    assert run(["init", "--store", str(folder)], cli_env, PASS).returncode == 0
    result = run(["info", "--store", str(folder), "--json"], cli_env, "not the passphrase")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "passphrase does not open" in lines[0]
    assert "Traceback" not in result.stderr


def test_user_errors_exit_2_without_a_traceback(tmp_path: Path, cli_env: dict[str, str]) -> None:
    missing = run(["info", "--store", str(tmp_path / "none")], cli_env, PASS)
    assert missing.returncode == 2 and "no apdesk store" in missing.stderr
    bad_urn = run(["init", "--store", str(tmp_path / "x"), "--urn", "12"], cli_env, PASS)
    assert bad_urn.returncode == 2 and "URN" in bad_urn.stderr
    short = run(["init", "--store", str(tmp_path / "y")], cli_env, "short")
    assert short.returncode == 2 and "Passphrase: is 5 characters long" in short.stderr
    unknown = run(["info", "--frobnicate"], cli_env, PASS)
    assert unknown.returncode == 2
    locked = run(["info", "--store", str(tmp_path / "x")], cli_env)
    assert locked.returncode == 2
    for result in (missing, bad_urn, short, unknown, locked):
        assert "Traceback" not in result.stderr


def test_locked_store_without_a_terminal_says_how_to_unlock(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    folder = tmp_path / "school"
    assert run(["init", "--store", str(folder), "--no-keyring"], cli_env, PASS).returncode == 0
    result = run(["info", "--store", str(folder)], cli_env)
    assert result.returncode == 2
    assert "APDESK_PASSPHRASE" in result.stderr
