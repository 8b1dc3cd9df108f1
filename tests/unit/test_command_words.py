"""What the command line says, run through `apdesk` itself on a real store: an attendance
return's problems name columns in the register's words, a term of one school day is said in
the singular, and a wrong option is one line naming it and the fix, in English and in Polish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.helpers.cli_language import runner
from tests.helpers.returns import UPN_A, enrol

from apdesk.cli import main
from apdesk.store import Store

pytestmark = pytest.mark.usefixtures("english_afterwards")

RETURN = "upn,date,session,code\n{upn},2025-01-04,AM,/\n{upn},2025-01-06,PM,ZZ\n"
INTERNAL = re.compile(r", (upn|date|session|code|minutes_late|note|header):")


def _return(tmp_path: Path, text: str) -> str:
    path = tmp_path / "return.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_returns_problems_name_its_columns_as_the_register_does(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    enrol(store, ["MON_AM", "MON_PM"])
    apdesk = runner("en_GB", store, monkeypatch, capsys)
    code, _out, err = apdesk("import", "attendance", _return(tmp_path, RETURN.format(upn=UPN_A)))
    assert code == 2
    assert "Row 1, Date: 4 January 2025 is a weekend" in err
    assert "Row 2, Code: 'ZZ' is not an attendance code" in err
    assert not INTERNAL.search(err), err

    code, _out, err = apdesk("import", "attendance", _return(tmp_path, "pupil,day\nx,y\n"))
    assert code == 2
    assert err.startswith("The file's first row (its column names): no upn column")


def test_a_polish_return_names_its_columns_in_polish(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    enrol(store, ["MON_AM", "MON_PM"])
    apdesk = runner("pl_PL", store, monkeypatch, capsys)
    code, _out, err = apdesk("import", "attendance", _return(tmp_path, RETURN.format(upn=UPN_A)))
    assert code == 2
    assert "Wiersz 2, Kod: „ZZ” nie jest kodem frekwencji" in err
    assert "Wiersz 1, Data: 4 stycznia 2025 wypada w weekend" in err
    code, _out, err = apdesk("import", "attendance", _return(tmp_path, "pupil,day\nx,y\n"))
    assert err.startswith("Pierwszy wiersz pliku (nazwy kolumn): ")


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en_GB", "(1 school day)", "(2 school days)"),
        ("pl_PL", "(1 dzień nauki)", "(2 dni nauki)"),
    ],
)
def test_a_terms_school_days_take_the_right_plural(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    language: str,
    one: str,
    two: str,
) -> None:
    apdesk = runner(language, store, monkeypatch, capsys)
    assert apdesk("calendar", "add", "term", "2025-09-08", "--label", "Taster")[0] == 0
    assert apdesk("calendar", "add", "term", "2025-09-15", "2025-09-16")[0] == 0
    code, out, _err = apdesk("calendar", "show", "--year", "2025")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(("3 school days", "3 dni nauki"))
    assert any(line.endswith(one) for line in lines), out
    assert any(line.endswith(two) for line in lines), out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("inbox", "serve", "--port", "http"),
            "apdesk inbox serve: argument --port: 'http' is not a port: give a number from 1 "
            "to 65535 (see `apdesk inbox serve --help`)",
        ),
        (
            ("inbox", "serve", "--colour"),
            "apdesk inbox serve: unrecognized arguments: --colour "
            "(see `apdesk inbox serve --help`)",
        ),
        (
            ("sync", "--interval", "0"),
            "apdesk sync: argument --interval: '0' is not a wait: give seconds between 1 and "
            "86400 (see `apdesk sync --help`)",
        ),
        (
            ("sync", "--once", "now"),
            "apdesk sync: unrecognized arguments: now (see `apdesk sync --help`)",
        ),
        (
            ("pack", "build", "--placement", "first", "--kind", "placement-start"),
            "apdesk pack build: argument --placement: 'first' is not a placement's number: "
            "give the number the placement list shows (see `apdesk pack build --help`)",
        ),
    ],
)
def test_a_wrong_option_is_one_line_naming_it_and_the_fix(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    said: str,
) -> None:
    runner("en_GB", store, monkeypatch, capsys)  # English, the store's passphrase set
    code = main([*args, "--store", str(store.folder)] if args[0] != "inbox" else list(args))
    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", said + "\n")


def test_an_unreadable_key_file_is_said_without_pythons_words(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("APDESK_INBOX_ADMIN_TOKEN", "a-long-enough-admin-token")
    missing = tmp_path / "inbox.key"
    runner("en_GB", store, monkeypatch, capsys)
    code = main(["inbox", "serve", "--key-file", str(missing)])
    err = capsys.readouterr().err
    assert (code, err) == (2, f"apdesk: --key-file: {missing} cannot be read (No such file or "
                               "directory)\n")  # fmt: skip


def test_a_wrong_option_reads_in_polish(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = runner("pl_PL", store, monkeypatch, capsys)("sync", "--interval", "0")
    assert (code, out) == (2, "")
    assert err == (
        "apdesk sync: argument --interval: „0” nie jest czasem oczekiwania: podaj liczbę sekund "
        "od 1 do 86400 (zobacz `apdesk sync --help`)\n"
    )
