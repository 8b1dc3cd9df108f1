"""The school's details and logo, set with `apdesk --demo config`, print on every document the
commands make: each PDF is read back with a text extractor and its first page's images."""

from __future__ import annotations

import io
import re
import stat
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from sqlmodel import select
from tests.helpers.cli import run

from apdesk import models
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.services.demo.logo import demo_logo
from apdesk.store import Store

ADDRESS = "Unit 4, Weaver's Yard\nSouthmoor SM3 7QT"
PHONE = "01632 961234"
EMAIL = "admin@southmoor.example"


def _ids(folder: Path) -> tuple[int, int, int, str, str]:
    """A placement with a plan, one of its reviews, and pupils with a timetable and a record."""
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            plan = s.exec(select(models.Plan)).first()
            review = s.exec(
                select(models.Review).where(models.Review.held_on.is_not(None))  # type: ignore[union-attr]
            ).first()
            version = s.exec(select(models.TimetableVersion)).first()
            assert plan is not None and review is not None and version is not None
            pupil = s.get(models.Pupil, version.pupil_id)
            assert pupil is not None
            placement = s.get(models.Placement, plan.placement_id)
            assert placement is not None
            placed = s.get(models.Pupil, placement.pupil_id)
            assert placed is not None and review.id is not None
            return plan.placement_id, review.id, review.placement_id, pupil.upn, placed.upn
    finally:
        store.lock()


def _pdf(path: Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, len(reader.pages[0].images)


def test_every_document_carries_the_address_phone_email_and_logo(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    demo = Path(cli_env["APDESK_HOME"]) / "demo"
    made = run(["demo-data", "--store", str(demo), "--pupils", "24"], cli_env, DEMO_PASSPHRASE)
    assert made.returncode == 0, made.stderr
    logo = tmp_path / "crest.png"
    logo.write_bytes(demo_logo())
    setting = run(
        [
            "--demo",
            "config",
            "--school-address",
            ADDRESS.replace("\n", "\\n"),
            "--school-phone",
            PHONE,
            "--school-email",
            EMAIL,
            "--logo",
            str(logo),
        ],
        cli_env,
    )
    assert setting.returncode == 0, setting.stderr
    assert PHONE in setting.stdout and "Southmoor SM3 7QT" in setting.stdout

    placement, review, _reviewed, timetabled, placed = _ids(demo)
    out = tmp_path / "out"
    out.mkdir()
    today = date.today()
    commands = {
        "referral": ["referral", "--placement", str(placement)],
        "letter": ["letter", "--placement", str(placement)],
        "plan": ["plan", "--placement", str(placement)],
        "review": ["review-record", "--review", str(review)],
        "termly": [
            "report",
            "termly",
            "--from",
            str(today - timedelta(days=90)),
            "--to",
            str(today),
        ],
        "timetable": ["timetable", "--pupil", timetabled],
    }
    for name, args in commands.items():
        target = out / f"{name}.pdf"
        result = run(["--demo", *args, "--out", str(target)], cli_env)
        assert result.returncode == 0, f"{name}: {result.stderr}"
        text, images = _pdf(target)
        for expected in ("Unit 4, Weaver's Yard, Southmoor SM3 7QT", PHONE, EMAIL):
            assert expected in text, f"{name} lacks {expected!r}"
        assert images >= 1, f"{name} has no logo on its first page"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600, name

    sar = run(["--demo", "sar", "--pupil", placed, "--out", str(out / "sar")], cli_env)
    assert sar.returncode == 0, sar.stderr
    (sar_pdf,) = (out / "sar").glob("*.pdf")
    text, images = _pdf(sar_pdf)
    assert PHONE in text and EMAIL in text and images >= 1

    removed = run(["--demo", "config", "--no-logo"], cli_env)
    assert removed.returncode == 0, removed.stderr
    again = run(["--demo", *commands["referral"], "--out", str(out / "plain.pdf")], cli_env)
    assert again.returncode == 0, again.stderr
    assert _pdf(out / "plain.pdf")[1] == 0


def test_bad_school_details_name_the_flag_and_change_nothing(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    folder = tmp_path / "store"
    passphrase = "a long passphrase for the tests 7"
    not_image = tmp_path / "logo.png"
    not_image.write_text("this is a text file, not a picture\n")
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (600 * 1024))
    cases = {
        ("--school-phone", "call us"): "--school-phone: 'call us' is not a phone number",
        ("--school-email", "office.example"): "--school-email: 'office.example' is not an email",
        ("--logo", str(not_image)): "--logo: the file is not a PNG or JPEG image",
        ("--logo", str(big)): "--logo: " + str(big) + " is 600 kB",
        ("--logo", str(tmp_path / "missing.png")): "is not a file",
    }
    base = ["init", "--store", str(folder), "--no-keyring", "--school-name", "Southmoor"]
    for (flag, value), message in cases.items():
        result = run([*base, flag, value], cli_env, passphrase)
        assert result.returncode == 2, flag
        assert message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert not Store.exists(folder)
    made = run([*base, "--school-phone", PHONE, "--key-contact", "Ms T. Ward"], cli_env, passphrase)
    assert made.returncode == 0, made.stderr
    refused = run(
        ["config", "--store", str(folder), "--school-phone", "1", "--school-email", EMAIL],
        cli_env,
        passphrase,
    )
    assert refused.returncode == 2 and "--school-phone" in refused.stderr
    # --store before the action is the same store as after it (not the default one)
    shown = run(["config", "--store", str(folder), "show"], cli_env, passphrase)
    assert shown.returncode == 0, shown.stderr
    info = run(["--store", str(folder), "info"], cli_env, passphrase)
    assert info.returncode == 0, info.stderr
    assert re.search(rf"^Store: +{re.escape(str(folder))}$", info.stdout, re.M)
    assert PHONE in shown.stdout and EMAIL not in shown.stdout  # nothing of the refused change
    assert "Ms T. Ward" in shown.stdout


def test_demo_names_its_store_and_refuses_a_second_one(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    demo = Path(cli_env["APDESK_HOME"]) / "demo"
    made = run(["demo-data", "--store", str(demo), "--pupils", "5"], cli_env, DEMO_PASSPHRASE)
    assert made.returncode == 0, made.stderr
    env = {k: v for k, v in cli_env.items() if k != "APDESK_PASSPHRASE"}
    info = run(["--demo", "info"], env)  # opens with the demo's own passphrase, asks nothing
    assert info.returncode == 0, info.stderr
    assert re.search(rf"^Store: +{re.escape(str(demo))}$", info.stdout, re.M)
    assert re.search(r"^Pupils: +5$", info.stdout, re.M)
    both = run(["--demo", "info", "--store", str(tmp_path / "other")], env)
    assert both.returncode == 2
    assert both.stderr.strip() == "apdesk: --demo and --store both name a store: give one of them"
    init = run(["--demo", "init"], env, "a long passphrase for the tests 7")
    assert init.returncode == 2 and "the demo store is made by itself" in init.stderr
