"""`apdesk plan` and `apdesk export plans` on a demo store, run as IT staff or a script would."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select
from tests.helpers.cli import demo_store, run

from apdesk.models import Placement
from apdesk.models.enums import PlacementStatus
from apdesk.services import plans
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.services.plans import ProgressInput, ReviewInput, TargetInput
from apdesk.store import Store


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], int]:
    """A demo store with one plan written in-process: two targets and a held review."""
    import os

    tmp = tmp_path_factory.mktemp("plans")
    env = {k: v for k, v in os.environ.items() if not k.startswith("APDESK_")}
    env.update(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        APDESK_HOME=str(tmp / "home"),
        QT_QPA_PLATFORM="offscreen",
    )
    folder = demo_store(tmp, env, pupils=20)
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            template = s.exec(
                select(Placement)
                .where(Placement.status == PlacementStatus.ACTIVE)
                .order_by(col(Placement.id))
            ).first()
            assert template is not None
            # The demo plans its placements already: write ours on a fresh copy of one.
            placement = Placement(**template.model_dump(exclude={"id", "created_at", "updated_at"}))
            s.add(placement)
            s.flush()
            assert placement is not None and placement.start_date and placement.end_date
            pid = placement.id or 0
            start = placement.started_on or placement.start_date
            first = plans.add_target(
                s,
                pid,
                TargetInput(
                    "Attend 90% of sessions", "Weekly returns", "60%", "90%", placement.end_date
                ),
            )
            plans.add_target(
                s,
                pid,
                TargetInput(
                    "Read aloud in class",
                    "Teacher's log",
                    "Refuses",
                    "Once a week",
                    placement.end_date,
                ),
            )
            plans.save_plan_text(s, pid, exit_strategy="Phased return over six weeks.")
            plans.hold_review(
                s,
                pid,
                ReviewInput(
                    held_on=start + timedelta(days=14),
                    attendees=["Pupil", "Parent"],
                    progress=[ProgressInput(first.id or 0, "developing")],
                    next_review=start + timedelta(days=56),
                ),
            )
    finally:
        store.lock()
    return folder, env, pid


def test_plan_writes_a_pdf_with_the_targets(
    planned: tuple[Path, dict[str, str], int], tmp_path: Path
) -> None:
    folder, env, pid = planned
    out = tmp_path / "plan.pdf"
    result = run(
        ["plan", "--placement", str(pid), "--out", str(out), "--store", str(folder)],
        env,
        DEMO_PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    text = " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    text = " ".join(text.split())
    assert "Attend 90% of sessions" in text and "Phased return over six weeks." in text


def test_plan_for_a_missing_placement_says_so_in_one_line(
    planned: tuple[Path, dict[str, str], int], tmp_path: Path
) -> None:
    folder, env, _pid = planned
    out = tmp_path / "none.pdf"
    result = run(
        ["plan", "--placement", "9999", "--out", str(out), "--store", str(folder)],
        env,
        DEMO_PASSPHRASE,
    )
    assert result.returncode == 2
    assert "no placement with id 9999" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()


def test_export_plans_prints_the_agreed_shape(
    planned: tuple[Path, dict[str, str], int], tmp_path: Path
) -> None:
    folder, env, pid = planned
    result = run(
        ["export", "plans", "--format", "json", "--store", str(folder)], env, DEMO_PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert {"placement_id", "upn", "targets", "reviews", "outcome", "follow_ups"} <= set(record)
    ours = next(r for r in records if r["placement_id"] == pid)
    assert [t["what"] for t in ours["targets"]] == ["Attend 90% of sessions", "Read aloud in class"]
    assert set(ours["targets"][0]) >= {"what", "measure", "baseline", "target", "by_date"}
    held = [r for r in ours["reviews"] if r["held"]]
    assert held[0]["progress"] == [
        {"target": "Attend 90% of sessions", "rating": "developing", "note": ""}
    ]
    assert held[0]["attended_by"] == ["Pupil", "Parent"] and held[0]["next_review"]
    assert ours["outcome"] is None and ours["follow_ups"] == []
    out = tmp_path / "plans.json"
    saved = run(
        ["export", "plans", "--out", str(out), "--store", str(folder)], env, DEMO_PASSPHRASE
    )
    assert saved.returncode == 0, saved.stderr
    assert json.loads(out.read_text()) == records
