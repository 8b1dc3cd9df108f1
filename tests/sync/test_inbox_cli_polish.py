"""The LA's own `apdesk inbox ...` commands speak the language they run in: a missing key, a key
file that would be replaced, a URN that is not one, a school's key that is not a key."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers.sync_harness import CliErr


@pytest.fixture
def polish_cli(cli_err: CliErr, monkeypatch: pytest.MonkeyPatch) -> CliErr:
    monkeypatch.setenv("APDESK_LANGUAGE", "pl_PL")
    monkeypatch.delenv("APDESK_INBOX_KEY", raising=False)
    monkeypatch.setenv("APDESK_INBOX_ADMIN_TOKEN", "an-admin-token-long-enough")
    return cli_err


@pytest.mark.usefixtures("english_afterwards")
def test_the_inbox_commands_refuse_in_polish(polish_cli: CliErr, tmp_path: Path) -> None:
    db = str(tmp_path / "inbox.db")
    code, _out, err = polish_cli("inbox", "serve", "--db", db)
    assert code == 2
    assert err.startswith("apdesk: skrzynka odbiorcza potrzebuje swojego klucza: podaj --key-file")
    key = tmp_path / "inbox.key"
    code, out, _err = polish_cli("inbox", "new-key", "--out", str(key))
    assert code == 0 and out.startswith("Klucz skrzynki odbiorczej zapisano w ")
    code, _out, err = polish_cli("inbox", "new-key", "--out", str(key))
    assert code == 2 and "już istnieje: zachowaj go (otwiera klucze LA)" in err
    pem = tmp_path / "school.pem"
    pem.write_text("not a key", encoding="utf-8")
    token = tmp_path / "token"
    token.write_text("a-school-token-long-enough", encoding="utf-8")
    register = ("inbox", "register-school", "--db", db, "--pem", str(pem))
    code, _out, err = polish_cli(*register, "--urn", "12", "--token-file", str(token))
    assert code == 2 and "'12' nie jest numerem URN" in err
    code, _out, err = polish_cli(*register, "--urn", "123456", "--token-file", str(token))
    assert code == 2 and "nie jest kluczem publicznym (wyeksportuj go za pomocą apdesk)" in err
