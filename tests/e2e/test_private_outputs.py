"""Every file a command writes is 0600, even under the usual umask of 022 (which would make a
plainly written file readable by every account on the computer)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, select
from tests.helpers.cli import demo_store

from apdesk.cli import main
from apdesk.models import Placement, Pupil, TimetableVersion
from apdesk.models.enums import PlacementStatus
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.services.demo.logo import demo_logo
from apdesk.store import Store


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)  # inherited by the commands the test runs
    try:
        yield
    finally:
        os.umask(previous)


def _ids(folder: Path) -> tuple[int, str]:
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as session:
            placement = session.exec(
                select(Placement)
                .where(col(Placement.status).in_([PlacementStatus.ACTIVE, PlacementStatus.ENDED]))
                .order_by(col(Placement.id))
            ).first()
            assert placement is not None and placement.id is not None
            timetabled = session.exec(select(TimetableVersion.pupil_id)).first()
            upn = session.exec(select(Pupil.upn).where(Pupil.id == timetabled)).one()
            return placement.id, upn
    finally:
        store.lock()


def test_every_output_file_is_0600_under_umask_022(
    tmp_path: Path,
    cli_env: dict[str, str],
    umask_022: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The commands run in this process (quicker than a process each; the umask is the same)."""
    folder = demo_store(tmp_path, cli_env, pupils=25)
    monkeypatch.setenv("APDESK_PASSPHRASE", DEMO_PASSPHRASE)

    def apdesk(*args: str) -> int:
        code = main(list(args))
        assert code == 0, (args, capsys.readouterr().err)
        return code

    placement, upn = _ids(folder)
    out = tmp_path / "out"
    out.mkdir()
    p = str(placement)
    commands: dict[str, list[str]] = {
        "pupils.csv": ["export", "pupils", "--format", "csv"],
        "providers.json": ["export", "providers"],
        "placements.csv": ["export", "placements", "--format", "csv"],
        "attendance.csv": ["export", "attendance", "--from", "2024-09-01", "--to", "2026-12-31"],
        "census.csv": ["export", "census", "--date", "2025-10-02"],
        "timetables.json": ["export", "timetables"],
        "plans.json": ["export", "plans"],
        "termly.pdf": ["report", "termly", "--from", "2025-09-01", "--to", "2025-12-19"],
        "referral.pdf": ["referral", "--placement", p],
        "letter.pdf": ["letter", "--placement", p],
        "plan.pdf": ["plan", "--placement", p],
        "timetable.pdf": ["timetable", "--pupil", upn],
        "start.appack": ["pack", "build", "--placement", p, "--kind", "placement-start"],
        "school.pem": ["pack", "public-key"],
        "backup.apbackup": ["backup"],
        "receipts.json": ["audit", "receipts"],
    }
    for name, args in commands.items():
        apdesk(*args, "--out", str(out / name), "--store", str(folder))
    apdesk("sar", "--pupil", upn, "--out", str(out / "sar"), "--store", str(folder))
    apdesk("inbox", "new-key", "--out", str(out / "inbox.key"))
    # The same demo store through --demo (it lives in the data folder), with a logo kept in it.
    monkeypatch.setenv("APDESK_HOME", str(folder.parent))
    logo = tmp_path / "crest.png"
    logo.write_bytes(demo_logo())
    os.chmod(logo, 0o644)
    apdesk("--demo", "config", "--logo", str(logo), "--school-phone", "01632 960000")
    apdesk("--demo", "referral", "--placement", p, "--out", str(out / "demo-referral.pdf"))
    receipts = ["inbox", "receipts", "--db", str(out / "inbox.db"), "--urn", "123456"]
    apdesk(*receipts, "--out", str(out / "la-receipts.json"))

    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(written) >= len(commands) + 6  # the SAR's two files, the key, the inbox db, ...
    modes = {str(p.relative_to(out)): stat.S_IMODE(p.stat().st_mode) for p in written}
    assert {name: oct(mode) for name, mode in modes.items() if mode != 0o600} == {}
    store_files = [p for p in folder.rglob("*") if p.is_file()]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in store_files)
    assert not [p.name for p in out.rglob(".*")]  # no temporary file left beside them
