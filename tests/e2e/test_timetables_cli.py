"""`apdesk export timetables` and `apdesk timetable` from a shell, on a demo store."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select
from tests.helpers.cli import demo_store, run

from apdesk.cli import main
from apdesk.models import Pupil, TimetableVersion
from apdesk.services.demo import DEMO_PASSPHRASE, populate
from apdesk.services.timetables import SlotValue, copy_forward, create_version, load_structure
from apdesk.services.timetables.grid import mainstream_week
from apdesk.services.timetables.groups import save_group
from apdesk.store import KdfParams, Store

START = date(2025, 3, 3)
SUBJECTS = ["English", "Maths", "Science", "History", "Geography"]


def add_timetable(folder: Path) -> str:
    """Two versions for a pupil with none: 10 then 15 of 25 lessons in mainstream."""
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            taken = set(s.exec(select(TimetableVersion.pupil_id)).all())
            pupil = next(
                p for p in s.exec(select(Pupil).order_by(col(Pupil.id))) if p.id not in taken
            )
            structure = load_structure(s)
            lessons = {
                (day, period.number): SlotValue.mainstream(subject, "9X", "Ms Adeyemi")
                for day in ("MON", "TUE", "WED", "THU", "FRI")
                for period, subject in zip(structure.lessons, SUBJECTS, strict=True)
            }
            grid = mainstream_week(structure, lessons)
            for key, value in list(grid.items()):
                if value.subject and key[1] in ("WED", "THU", "FRI"):
                    grid[key] = SlotValue.iap("Gardening", value.subject)
            group = save_group(s, "Test base", "B1", "Mr A", "Ms B")
            first = create_version(s, pupil.id or 0, START, grid, group_id=group.id)
            back = {
                k: v.back_to_mainstream() for k, v in grid.items() if k[1] == "WED" and v.activity
            }
            copy_forward(s, first.id or 0, START + timedelta(weeks=2), changes=back)
            return pupil.upn
    finally:
        store.lock()


def test_export_timetables_json_and_the_pdf(tmp_path: Path, cli_env: dict[str, str]) -> None:
    folder = demo_store(tmp_path, cli_env, pupils=20)
    upn = add_timetable(folder)

    result = run(["export", "timetables", "--format", "json", "--store", str(folder)], cli_env,
                 DEMO_PASSPHRASE)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    for entry in data:
        assert set(entry) == {"upn", "versions"}
        for v in entry["versions"]:
            assert set(v) == {"effective_date", "mainstream_lessons", "iap_sessions",
                              "offsite_sessions", "mainstream_share"}  # fmt: skip
            assert 0.0 <= v["mainstream_share"] <= 1.0
    ours = next(e for e in data if e["upn"] == upn)
    assert ours["versions"] == [
        {"effective_date": "2025-03-03", "mainstream_lessons": 10, "iap_sessions": 15,
         "offsite_sessions": 0, "mainstream_share": 0.4},
        {"effective_date": "2025-03-17", "mainstream_lessons": 15, "iap_sessions": 10,
         "offsite_sessions": 0, "mainstream_share": 0.6},
    ]  # fmt: skip

    pdf = tmp_path / "timetable.pdf"
    printed = run(["timetable", "--pupil", upn, "--out", str(pdf), "--date", "2025-03-20",
                   "--store", str(folder)], cli_env, DEMO_PASSPHRASE)  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "From Monday 17 March 2025" in text and "Gardening" in text and "History" in text


def test_export_to_a_file_and_mistakes_in_process(
    tmp_path: Path,
    cli_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "quick"
    made, _recovery = Store.create(folder, DEMO_PASSPHRASE, kdf=KdfParams.fast())
    populate(made, pupils=12, seed=3, today=START)
    made.lock()
    upn = add_timetable(folder)
    monkeypatch.setenv("APDESK_PASSPHRASE", DEMO_PASSPHRASE)
    out = tmp_path / "share.json"
    assert main(["export", "timetables", "--format", "json", "--out", str(out), "--store",
                 str(folder)]) == 0  # fmt: skip
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert [v["mainstream_share"] for e in saved if e["upn"] == upn for v in e["versions"]] == [
        0.4,
        0.6,
    ]
    capsys.readouterr()

    pdf = tmp_path / "x.pdf"
    assert main(["timetable", "--pupil", "A999999999999", "--out", str(pdf), "--store",
                 str(folder)]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "UPN" in err and len(err.strip().splitlines()) == 1
    assert not pdf.exists()
    assert main(["timetable", "--pupil", upn, "--out", str(pdf), "--date", "soon", "--store",
                 str(folder)]) == 2  # fmt: skip
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["timetable", "--pupil", upn, "--out", str(tmp_path / "no" / "x.pdf"),
                 "--store", str(folder)]) == 2  # fmt: skip
    assert "--out" in capsys.readouterr().err
