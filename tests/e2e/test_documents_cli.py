"""`apdesk referral` and `apdesk letter` on a demo store, run as a person would."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from apdesk import models
from apdesk.cli import main
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.store import Store

APDESK = [sys.executable, "-m", "apdesk"]


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*APDESK, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One demo store for the module: making it is the slow part."""
    import os

    home = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith("APDESK_")}
    env.update(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        APDESK_HOME=str(home / "home"),
        APDESK_PASSPHRASE=DEMO_PASSPHRASE,
        QT_QPA_PLATFORM="offscreen",
    )
    made = run(env, "demo-data", "--store", str(home / "store"), "--pupils", "20")
    assert made.returncode == 0, made.stderr
    return home / "store", env


def read_pdf(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def a_placement(folder: Path) -> tuple[int, str, str]:
    """The demo's first placement: its id, provider name and who the pupil reports to."""
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    try:
        with store.session() as s:
            placement, provider = s.exec(
                select(models.Placement, models.Provider)
                .join(models.Provider, col(models.Provider.id) == col(models.Placement.provider_id))
                .order_by(col(models.Placement.id))
            ).first() or (None, None)
            assert placement is not None and provider is not None
            return placement.id or 0, provider.name, placement.reporting_to
    finally:
        store.lock()


def test_referral_and_letter_are_written(demo: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    store, env = demo
    placement, provider, reporting_to = a_placement(store)
    out = tmp_path / "referral.pdf"
    done = run(
        env, "referral", "--placement", str(placement), "--out", str(out), "--store", str(store)
    )
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    text = read_pdf(out)
    assert "Northbridge Academy (demo)" in text and "Name of alternative provision" in text
    assert provider in text
    assert [p.name for p in tmp_path.iterdir()] == ["referral.pdf"]  # no temporary left behind

    letter = tmp_path / "letter.pdf"
    done = run(
        env,
        "letter",
        "--placement",
        str(placement),
        "--out",
        str(letter),
        "--store",
        str(store),
        "--date",
        "2025-03-03",
    )
    assert done.returncode == 0, done.stderr
    text = read_pdf(letter)
    assert "3 March 2025" in text and provider in text and reporting_to in text


def test_a_missing_placement_exits_2_with_one_line(
    demo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    store, env = demo
    out = tmp_path / "x.pdf"
    done = run(env, "referral", "--placement", "999", "--out", str(out), "--store", str(store))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "no placement 999" in done.stderr
    assert not out.exists()


def test_an_unwritable_path_exits_2_before_any_work(
    demo: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, _env = demo
    for bad in (tmp_path / "no-such-folder" / "x.pdf", tmp_path):
        code = main(["letter", "--placement", "1", "--out", str(bad), "--store", str(store)])
        err = capsys.readouterr().err
        assert code == 2
        assert err.startswith("apdesk: cannot write") or "is a folder" in err
        assert err.strip().count("\n") == 0
