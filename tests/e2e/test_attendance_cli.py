"""The attendance commands end to end: import a return, report, export for the MIS."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from apdesk.models import Pupil
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.store import Store

APDESK = str(Path(sys.executable).with_name("apdesk"))
REPORT_KEYS = [
    "upn", "possible_sessions", "attended_sessions", "authorised_absence",
    "unauthorised_absence", "not_possible", "attendance_rate", "persistent_absence",
    "severe_absence", "missing_sessions",
]  # fmt: skip


def apdesk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [APDESK, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_import_report_and_export(tmp_path: Path, cli_env: dict[str, str]) -> None:
    env = {**cli_env, "APDESK_PASSPHRASE": DEMO_PASSPHRASE}
    folder = tmp_path / "demo"
    made = apdesk(env, "demo-data", "--store", str(folder), "--pupils", "20")
    assert made.returncode == 0, made.stderr
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    with store.session() as s:
        a, b = sorted(s.exec(select(Pupil.upn)).all())[:2]
    store.lock()

    # a January 2024 return: before any placement, so each mark carries a warning
    good = tmp_path / "riverside.csv"
    good.write_text(
        "UPN,Date,Session,Mark,Minutes late\n"
        f"{a},08/01/2024,AM,B,\n{a},2024-01-08,PM,L,10\n{a},2024-01-09,AM,N,\n"
        f"{b},2024-01-08,AM,Y1,\n",
        encoding="utf-8",
    )
    dry = apdesk(
        env, "import", "attendance", str(good), "--dry-run", "--json", "--store", str(folder)
    )
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["imported"] == 4

    done = apdesk(env, "import", "attendance", str(good), "--json", "--store", str(folder))
    result = json.loads(done.stdout)
    assert done.returncode == 0
    assert list(result) == ["imported", "amended", "unchanged", "warnings", "errors"]
    assert (result["imported"], result["amended"], result["errors"]) == (4, 0, [])
    assert len(result["warnings"]) == 4
    assert set(result["warnings"][0]) == {"row", "column", "message"}

    bad = tmp_path / "bad.csv"
    # H was a valid code in January 2024; from 19 August 2024 it is retired
    bad.write_text(f"upn,date,session,code\n{a},2024-01-10,AM,H\n{a},2024-09-10,PM,H\n")
    refused = apdesk(env, "import", "attendance", str(bad), "--json", "--store", str(folder))
    assert refused.returncode == 2
    errors = json.loads(refused.stdout)["errors"]
    assert errors == [{"row": 2, "column": "code", "message": errors[0]["message"]}]
    assert "retired" in errors[0]["message"]

    amend = tmp_path / "amend.csv"
    amend.write_text(f"upn,date,session,code\n{a},2024-01-09,AM,I\n")
    changed = apdesk(env, "import", "attendance", str(amend), "--json", "--store", str(folder))
    assert json.loads(changed.stdout)["amended"] == 1

    report = apdesk(env, "report", "attendance", "--from", "2024-01-08", "--to", "2024-01-12",
                    "--json", "--store", str(folder))  # fmt: skip
    assert report.returncode == 0, report.stderr
    data = json.loads(report.stdout)
    assert list(data) == ["pupils", "cohort"]
    rows = {row["upn"]: row for row in data["pupils"]}
    assert set(rows) == {a, b}
    assert list(rows[a]) == REPORT_KEYS
    assert rows[a] | {"upn": None} == {
        "upn": None, "possible_sessions": 3, "attended_sessions": 2, "authorised_absence": 1,
        "unauthorised_absence": 0, "not_possible": 0, "attendance_rate": 0.6667,
        "persistent_absence": True, "severe_absence": False, "missing_sessions": 0,
    }  # fmt: skip
    assert rows[b]["attendance_rate"] is None and rows[b]["not_possible"] == 1
    assert data["cohort"]["possible_sessions"] == 3
    assert data["cohort"]["attendance_rate"] == 0.6667
    ap_only = apdesk(env, "report", "attendance", "--from", "2024-01-08", "--to", "2024-01-12",
                     "--ap-only", "--json", "--store", str(folder))  # fmt: skip
    assert json.loads(ap_only.stdout)["pupils"] == []  # the marks came before any placement

    out = tmp_path / "mis.csv"
    export = apdesk(env, "export", "attendance", "--from", "2024-01-08", "--to", "2024-01-12",
                    "--format", "csv", "--out", str(out), "--store", str(folder))  # fmt: skip
    assert export.returncode == 0, export.stderr
    assert out.read_text(encoding="utf-8").splitlines() == [
        "UPN,Date,Session,Code",
        *sorted([f"{a},2024-01-08,AM,B", f"{b},2024-01-08,AM,Y1"]),
        f"{a},2024-01-08,PM,L",
        f"{a},2024-01-09,AM,I",
    ]


def test_usage_errors_exit_2(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = str(tmp_path / "none")
    bad_date = apdesk(cli_env, "report", "attendance", "--from", "8/1/2024", "--to", "2024-01-12",
                      "--store", folder)  # fmt: skip
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = apdesk(cli_env, "import", "attendance", str(tmp_path / "nope.csv"), "--store", folder)
    assert missing.returncode == 2 and "no file" in missing.stderr
