"""`apdesk report measures`, `report termly` and `export census` on a hand-built school, run
as a script would: JSON shapes, the PDF on disk, the census CSV and its warning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pypdf
from tests.helpers.cli import run
from tests.helpers.measures import build_school
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.services.measures import CENSUS_COLUMNS
from apdesk.store import Store


def school_store(store: Store) -> str:
    build_school(store)
    folder = str(store.folder)
    store.lock()
    return folder


def test_report_measures_json(store: Store, cli_env: dict[str, str]) -> None:
    folder = school_store(store)
    args = ["report", "measures", "--json", "--from", "2024-09-01", "--to", "2025-03-12"]
    result = run([*args, "--store", folder], cli_env, TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert all(set(m) == {"name", "label", "numerator", "denominator", "value"} for m in data)
    by_name = {m["name"]: m for m in data}
    assert by_name["learning_outcomes"] == {
        "name": "learning_outcomes",
        "label": "Clear learning outcomes on entry",
        "numerator": 3,
        "denominator": 4,
        "value": 0.75,
    }
    assert by_name["permanent_exclusions"]["denominator"] is None
    assert by_name["permanent_exclusions"]["value"] == 1
    assert by_name["suspensions"]["value"] == 0


def test_a_suspension_is_recorded_and_counted(store: Store, cli_env: dict[str, str]) -> None:
    folder = school_store(store)
    add = ["suspension", "--upn", "A855400123002", "--start", "2025-03-03", "--days", "1.5"]
    result = run([*add, "--json", "--store", folder], cli_env, TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pupil_name"] == "Ben Brook"
    bad = ["suspension", "--upn", "A855400123002", "--start", "2025-03-03", "--days", "0"]
    result = run([*bad, "--store", folder], cli_env, TEST_PASSPHRASE)
    assert result.returncode == 2 and "Days" in result.stderr
    args = ["report", "measures", "--json", "--from", "2024-09-01", "--to", "2025-03-12"]
    result = run([*args, "--store", folder], cli_env, TEST_PASSPHRASE)
    by_name = {m["name"]: m for m in json.loads(result.stdout)}
    assert by_name["suspensions"]["value"] == 1


def test_report_measures_refuses_a_backwards_range(store: Store, cli_env: dict[str, str]) -> None:
    folder = school_store(store)
    args = ["report", "measures", "--from", "2025-03-12", "--to", "2025-03-01", "--store", folder]
    result = run(args, cli_env, TEST_PASSPHRASE)
    assert result.returncode == 2
    assert "--to" in result.stderr


def test_report_termly_writes_an_anonymised_pdf(
    store: Store, cli_env: dict[str, str], tmp_path: Path
) -> None:
    folder = school_store(store)
    out = tmp_path / "term.pdf"
    args = ["report", "termly", "--from", "2024-09-01", "--to", "2025-03-12", "--out", str(out)]
    result = run([*args, "--anonymised", "--store", folder], cli_env, TEST_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "Success measures" in text and "A.A." in text
    assert "Archer" not in text


def test_export_census_csv(store: Store, cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = school_store(store)
    result = run(
        ["export", "census", "--date", "2025-01-16", "--format", "csv", "--store", folder],
        cli_env,
        TEST_PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CENSUS_COLUMNS
    assert len(rows) == 3
    assert "1 of 3 placements miss a census item" in result.stderr
    out = tmp_path / "census.json"
    result = run(
        [
            "export",
            "census",
            "--date",
            "2025-01-16",
            "--format",
            "json",
            "--out",
            str(out),
            "--store",
            folder,
        ],
        cli_env,
        TEST_PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["period"] == {"from": "2024-10-04", "to": "2025-01-16"}
    assert sum(1 for p in data["placements"] if p["apdesk_missing"]) == 1
    assert any("APReason is left blank" in note for note in data["notes"])


def test_export_census_refuses_a_day_that_is_not_a_census_day(
    store: Store, cli_env: dict[str, str]
) -> None:
    """School census days: the first Thursday of October, the third of January and May. Any
    other day is refused with the nearest census days named, unless --any-date is given."""
    folder = school_store(store)
    args = ["export", "census", "--date", "2025-03-12", "--store", folder]
    refused = run(args, cli_env, TEST_PASSPHRASE)
    assert refused.returncode == 2 and refused.stdout == ""
    assert "12 March 2025 is not a census day" in refused.stderr
    assert "Thursday 16 January 2025" in refused.stderr
    assert "Thursday 15 May 2025" in refused.stderr
    forced = run([*args, "--any-date"], cli_env, TEST_PASSPHRASE)
    assert forced.returncode == 0, forced.stderr
    assert "Warning: 12 March 2025 is not a census day" in forced.stderr
    assert forced.stdout.startswith("UPN,Surname,Forename,URN,UKPRN,APTypeOfSetting")
