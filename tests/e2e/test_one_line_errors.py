"""Every bad input the adversarial run found answered with a traceback (or thousands of lines)
now gets one clear line from the real `apdesk` command, and changes nothing."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select
from tests.helpers.cli import demo_store, run

from apdesk.models import Provider, Pupil
from apdesk.services.demo import DEMO_PASSPHRASE
from apdesk.store import Store

Damage = Callable[[Path], None]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("one-line")
    env = {k: v for k, v in os.environ.items() if not k.startswith("APDESK_")} | {
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "APDESK_HOME": str(folder / "home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return demo_store(folder, env, pupils=30), env


def _one_line(result: object, code: int = 2) -> str:
    stderr = result.stderr
    assert result.returncode == code, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def _truncate_half(db: Path) -> None:
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size // 2)


def _truncate_a_page(db: Path) -> None:
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size - 4096)


def _zero_first_page(db: Path) -> None:
    with open(db, "r+b") as f:
        f.write(bytes(4096))


def _flip_the_middle(db: Path) -> None:
    with open(db, "r+b") as f:
        f.seek(db.stat().st_size // 2)
        chunk = f.read(64)
        f.seek(db.stat().st_size // 2)
        f.write(bytes(b ^ 0xFF for b in chunk))


def _zero_last_page(db: Path) -> None:
    with open(db, "r+b") as f:
        f.seek(db.stat().st_size - 4096)
        f.write(bytes(4096))


def _empty(db: Path) -> None:
    db.write_bytes(b"")


DAMAGE: dict[str, Damage] = {
    "truncated to half": _truncate_half,
    "last page cut off": _truncate_a_page,
    "first page zeroed": _zero_first_page,
    "bytes flipped mid-file": _flip_the_middle,
    "last page zeroed": _zero_last_page,
    "emptied": _empty,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_gets_one_line_or_a_failing_check(
    demo: tuple[Path, dict[str, str]], tmp_path: Path, damage: str
) -> None:
    source, env = demo
    folder = tmp_path / "damaged"
    shutil.copytree(source, folder)
    DAMAGE[damage](folder / "apdesk.db")
    for command in ("check", "info"):
        result = run([command, "--store", str(folder)], env, DEMO_PASSPHRASE)
        assert "Traceback" not in result.stderr + result.stdout, (command, result.stderr)
        if result.returncode == 2:
            line = _one_line(result)
            assert "restore" in line  # says what to do
        elif command == "check":
            assert result.returncode == 1  # reported as checks that fail, a line each
            assert len(result.stdout.splitlines()) <= 6 and "DAMAGED" in result.stdout + (
                "HMAC" if "HMAC" in result.stdout else ""
            )
        else:
            assert result.returncode == 0  # info read pages the damage did not reach


def _upn(folder: Path) -> str:
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as session:
            return sorted(session.exec(select(Pupil.upn)).all())[0]
    finally:
        store.lock()


def test_bad_attendance_returns_get_a_line_that_names_the_row_or_line(
    demo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    source, env = demo
    folder = tmp_path / "store"
    shutil.copytree(source, folder)
    upn = _upn(folder)
    head = "UPN,Date,Session,Mark,Note\n"

    def attempt(name: str, data: bytes) -> tuple[int, list[str]]:
        path = tmp_path / name
        path.write_bytes(data)
        result = run(
            ["import", "attendance", str(path), "--store", str(folder)], env, DEMO_PASSPHRASE
        )
        assert "Traceback" not in result.stderr
        return result.returncode, result.stderr.strip().splitlines()

    code, lines = attempt(
        "long-note.csv", (head + f"{upn},2024-01-08,AM,B,{'x' * 200_000}\n").encode()
    )
    assert code == 2 and lines[0].startswith("Row 1, Note: is 200,000 characters long")
    code, lines = attempt("junk.csv", os.urandom(20_000))
    assert code == 2 and len(lines) <= 2
    code, lines = attempt(
        "quote.csv",
        (head + f'{upn},2024-01-08,AM,B,ok\n{upn},2024-01-09,AM,"B,unclosed\n').encode(),
    )
    assert code == 2 and "line 3" in lines[0] and "quote" in lines[0]
    many = head + "".join(f"NOTAUPN{i},2024-01-08,AM,B,\n" for i in range(10_000))
    code, lines = attempt("many.csv", many.encode())
    assert code == 2 and len(lines) == 52  # 50 shown, one count of the rest, one summary
    assert "and 9,950 more errors" in lines[50]  # counts grouped as the reader writes them
    assert lines[51].startswith("10,000 errors: nothing was imported")
    utf16 = tmp_path / "u16.csv"  # Excel's "Unicode text": UTF-16 with a byte-order mark
    utf16.write_bytes((head + f"{upn},2024-01-08,AM,B,Zoë’s note\n").encode("utf-16"))
    args = ["import", "attendance", "--dry-run", "--json", str(utf16), "--store", str(folder)]
    result = run(args, env, DEMO_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 1  # read as text, not as garbage


def test_an_over_long_field_in_a_pupil_import_names_its_row_and_column(
    demo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    source, env = demo
    folder = tmp_path / "store"
    shutil.copytree(source, folder)
    path = tmp_path / "pupils.csv"
    path.write_text(
        f"UPN,Forename,Surname,DOB,Gender\nA123456789012,{'A' * 999_000},Brook,2012-03-04,F\n",
        encoding="utf-8",
    )
    result = run(["import", "pupils", str(path), "--store", str(folder)], env, DEMO_PASSPHRASE)
    assert result.returncode == 2 and "Traceback" not in result.stderr + result.stdout
    assert "999,000 characters long" in result.stdout and len(result.stdout.splitlines()) <= 3


@pytest.mark.parametrize(
    "args",
    [
        ["inbox", "serve", "--port", "99999"],
        ["inbox", "list", "--db", "bogus://"],
        ["inbox", "list", "--db", "postgresql://nobody@127.0.0.1:1/none"],
        ["report", "attendance", "--from", "0001-01-01", "--to", "2025-01-01"],
        ["report", "attendance", "--from", "2025-01-01", "--to", "9999-12-31"],
        ["report", "attendance", "--from", "2025-02-01", "--to", "2025-01-01"],
        ["sync", "--interval", "-5"],
        ["config", "set", "la-endpoint", "http://la.example.org"],
        ["export", "census", "--date", "2025-13-40"],
    ],
)
def test_bad_arguments_get_one_line(demo: tuple[Path, dict[str, str]], args: list[str]) -> None:
    source, env = demo
    full = [*args, "--store", str(source)] if args[0] not in ("inbox",) else args
    _one_line(run(full, env, DEMO_PASSPHRASE))


def test_a_backup_with_altered_key_settings_is_refused_in_one_line(
    demo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    source, env = demo
    backup = tmp_path / "b.apbackup"
    assert (
        run(
            ["backup", "--store", str(source), "--out", str(backup)], env, DEMO_PASSPHRASE
        ).returncode
        == 0
    )
    with zipfile.ZipFile(backup) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for memory in (2**40, 0):
        header = json.loads(members["apdesk.header.json"])
        header["kdf"]["memory_cost"] = memory
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in {
                **members,
                "apdesk.header.json": json.dumps(header).encode(),
            }.items():
                archive.writestr(name, data)
        altered = tmp_path / f"altered-{memory}.apbackup"
        altered.write_bytes(out.getvalue())
        result = run(
            ["restore", str(altered), "--store", str(tmp_path / "new")], env, DEMO_PASSPHRASE
        )
        assert "out of range" in _one_line(result)
        assert not (tmp_path / "new").exists()


def test_formula_text_never_reaches_the_census_export(
    demo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    source, env = demo
    folder = tmp_path / "store"
    shutil.copytree(source, folder)
    store = Store.open(folder, passphrase=DEMO_PASSPHRASE)
    try:
        with store.session() as session:
            for provider in session.exec(select(Provider)).all():
                provider.name = '=HYPERLINK("http://evil.example","Click")'
                session.add(provider)
    finally:
        store.lock()
    out = tmp_path / "census.csv"
    args = ["export", "census", "--date", date.today().isoformat(), "--any-date", "--out", str(out)]
    result = run([*args, "--store", str(folder)], env, DEMO_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "HYPERLINK" in text and ",=HYPERLINK" not in text and "\n=" not in text
    assert ",'=HYPERLINK" in text or ",\"'=HYPERLINK" in text
