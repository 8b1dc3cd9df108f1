"""`apdesk import pupils` and `apdesk export` from a shell: JSON shapes, summaries, exit statuses.

The first test runs the real command in subprocesses against a demo store; the rest call the
same entry point in-process against a fresh store, which is quicker and checks the same code.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import func, select
from tests.helpers.cli import demo_store, run
from tests.helpers.store import TEST_PASSPHRASE

from apdesk.cli import main
from apdesk.models import Provider, Pupil
from apdesk.models.upn import make_upn
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.store import Store


def year9_dob() -> str:
    today = date.today()
    start = today.year if today.month >= 9 else today.year - 1
    return f"15/01/{start - 13}"


def pupils_csv(folder: Path, serials: range, bad_serial: int | None = None) -> Path:
    lines = ["UPN,Surname,Forename,DOB,Gender,Year,SEN"]
    for serial in serials:
        upn = make_upn(855, 9999, 23, serial)
        if serial == bad_serial:
            upn = upn[:-1] + str((int(upn[-1]) + 1) % 10)
        lines.append(f"{upn},Importson{serial},Kit,{year9_dob()},X,9,K")
    path = folder / f"pupils-{len(list(folder.iterdir()))}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pupil_count(folder: Path, passphrase: str) -> int:
    store = Store.open(folder, passphrase=passphrase, use_keyring=False)
    try:
        with store.session() as session:
            return int(session.exec(select(func.count()).select_from(Pupil)).one())
    finally:
        store.lock()


def test_import_and_export_in_a_shell(tmp_path: Path, cli_env: dict[str, str]) -> None:
    store = demo_store(tmp_path, cli_env, pupils=20)
    files = tmp_path / "files"
    files.mkdir()

    def shell(*args: str) -> tuple[int, str]:
        done = run([*args, "--store", str(store)], cli_env, DEMO_PASSPHRASE)
        return done.returncode, done.stdout

    code, out = shell("import", "pupils", str(pupils_csv(files, range(1, 4))), "--json")
    assert (code, json.loads(out)) == (0, {"imported": 3, "updated": 0, "errors": []})

    bad = pupils_csv(files, range(6, 10), bad_serial=8)
    code, out = shell("import", "pupils", str(bad), "--json")
    refused = json.loads(out)
    assert code == 2
    assert set(refused) == {"imported", "updated", "errors"}
    assert (refused["imported"], refused["updated"]) == (0, 0)
    assert [(e["row"], e["column"]) for e in refused["errors"]] == [
        (4, "UPN")
    ]  # the spreadsheet row
    assert set(refused["errors"][0]) == {"row", "column", "message"}
    assert pupil_count(store, DEMO_PASSPHRASE) == 23

    code, out = shell("export", "placements", "--format", "json")
    placements = json.loads(out)
    assert code == 0 and placements, "the demo school has placements"
    for key in ("id", "upn", "provider", "status", "start_date", "end_date", "hours_per_week"):
        assert key in placements[0]
    assert all(len(p["upn"]) == 13 for p in placements)


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `apdesk ...` in-process against the test store; returns (status, stdout, stderr)."""
    monkeypatch.setenv("APDESK_PASSPHRASE", TEST_PASSPHRASE)

    def call(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--store", str(store.folder)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def test_dry_run_reimport_and_readable_summaries(cli, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = tmp_path / "files"
    files.mkdir()
    code, out, _ = cli("import", "pupils", str(pupils_csv(files, range(1, 4))), "--dry-run")
    assert code == 0
    assert "Would import 3 new pupils and update 0." in out and "nothing was written" in out
    assert pupil_count(store.folder, TEST_PASSPHRASE) == 0

    assert cli("import", "pupils", str(pupils_csv(files, range(1, 4))))[0] == 0
    code, out, _ = cli("import", "pupils", str(pupils_csv(files, range(1, 6))), "--json")
    assert (code, json.loads(out)) == (0, {"imported": 2, "updated": 3, "errors": []})
    assert pupil_count(store.folder, TEST_PASSPHRASE) == 5

    bad = tmp_path / "bad.csv"
    bad.write_text("UPN,Surname\nA1,Smith\n", encoding="utf-8")
    code, out, _ = cli("import", "pupils", str(bad))
    assert code == 2
    assert out.startswith("Nothing was imported")
    assert "File, Forename: no column" in out


def test_ctf_by_extension_and_by_content(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    year = int(year9_dob()[-4:])
    xml = (
        "<CTfile><Header/><CTFpupilData><Pupil>"
        f"<UPN>{make_upn(855, 9999, 23, 500)}</UPN><Surname>Ctfson</Surname>"
        f"<Forename>Lee</Forename><DOB>{year}-02-01</DOB><Gender>M</Gender>"
        "<BasicDetails><NCyearActual>9</NCyearActual></BasicDetails>"
        "</Pupil></CTFpupilData></CTfile>"
    )
    named = tmp_path / "transfer.xml"
    named.write_text(xml, encoding="utf-8")
    code, out, _ = cli("import", "pupils", str(named))
    assert code == 0 and "Imported 1 new pupil; updated 0." in out
    unnamed = tmp_path / "transfer.dat"
    unnamed.write_text(xml, encoding="utf-8")
    code, out, _ = cli("import", "pupils", str(unnamed), "--json")
    report = json.loads(out)
    assert {k: report.pop(k) for k in ("imported", "updated", "errors")} == {
        "imported": 0,
        "updated": 1,
        "errors": [],
    }
    assert "UPN" in report["read"] and report["changes"] == [] and report["not_kept"] == []


def test_csv_export_to_a_file(cli, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        session.add(Provider(name="=Meadow Farm"))
    target = tmp_path / "providers.csv"
    code, out, err = cli("export", "providers", "--format", "csv", "--out", str(target))
    assert (code, out) == (0, "") and "providers.csv" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["name"] for r in rows] == ["'=Meadow Farm"]
    assert target.stat().st_mode & 0o777 == 0o600


def test_user_errors_are_one_line_with_status_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("import", "pupils", str(tmp_path / "nope.csv"))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nope.csv" in err
    code, _, err = cli("export", "pupils", "--out", str(tmp_path / "no" / "such" / "x.json"))
    assert code == 2 and "no folder" in err
    assert cli("export", "schools")[0] == 2
