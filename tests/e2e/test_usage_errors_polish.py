"""argparse's own refusals (an unknown option, an unknown command) read in the user's language,
in the one line every other refusal takes."""

from __future__ import annotations

from tests.helpers.cli_language import Run


def test_an_unknown_option_is_refused_in_polish(polish_cli: Run) -> None:
    code, _out, err = polish_cli("info", "--nonsense")
    assert code == 2
    assert err == "apdesk info: nierozpoznane argumenty: --nonsense (zobacz `apdesk info --help`)\n"


def test_an_unknown_option_is_refused_in_english(english_cli: Run) -> None:
    code, _out, err = english_cli("info", "--nonsense")
    assert code == 2
    assert err == "apdesk info: unrecognized arguments: --nonsense (see `apdesk info --help`)\n"


def test_an_unknown_command_is_refused_in_polish(polish_cli: Run) -> None:
    code, _out, err = polish_cli("nosuch")
    assert code == 2
    assert "nieprawidłowy wybór: 'nosuch' (do wyboru:" in err
    assert "invalid choice" not in err
