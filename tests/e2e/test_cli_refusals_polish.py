"""The command line's everyday refusals (no store in the folder, no backup file, a date range
back to front) read in Polish, naming the folder, file or dates the person gave."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli_language import Run


def test_a_folder_with_no_store_is_refused_in_polish(polish_cli: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    code, _out, err = polish_cli("check", folder=empty)
    assert code == 2
    assert f"w folderze {empty} nie ma bazy danych apdesk" in err
    assert f"`apdesk init --store {empty}`" in err and "no apdesk store" not in err


def test_a_missing_backup_is_refused_in_polish(polish_cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "brak.apbackup"
    code, _out, err = polish_cli("restore", str(missing), folder=tmp_path / "copy")
    assert code == 2
    assert f"nie ma pliku kopii zapasowej {missing}" in err


def test_a_range_back_to_front_names_its_dates_in_polish(polish_cli: Run) -> None:
    code, _out, err = polish_cli(
        "report", "attendance", "--from", "2025-10-10", "--to", "2025-10-01"
    )
    assert code == 2, err
    assert "--from 10 października 2025 jest później niż --to 1 października 2025" in err


def test_a_day_that_is_no_census_day_names_the_nearest_in_polish(polish_cli: Run) -> None:
    code, _out, err = polish_cli("export", "census", "--date", "2025-03-12")
    assert code == 2, err
    assert "--date: 12 marca 2025 nie jest dniem spisu" in err
    assert "czwartek 16 stycznia 2025" in err and "Thursday" not in err
