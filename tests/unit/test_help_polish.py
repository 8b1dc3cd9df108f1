"""Every command's --help speaks Polish in Polish: each line of `apdesk --language pl_PL CMD
--help` differs from the English one, but for lines that are only the command's own syntax.

The commands are found from the parser itself, so a command added later is checked too."""

from __future__ import annotations

import argparse
import re

import pytest
from tests.helpers.cli_language import runner

from apdesk.cli import build_parser
from apdesk.store import Store

# Lines that may read the same in both languages, and why: they are what is typed, not words.
SYNTAX = re.compile(
    r"^\s*("
    r"\[?-{1,2}[\w-]+(?:[ =][A-Z_]+|[ =]\{[\w,-]+\})?\]?,?"  # an option and its value's name
    r"|\[?[A-Z_]+\]?(?:\s\.\.\.)?"  # a value's name (FILE, DIR, ACTION), maybe repeated
    r"|\{[\w,-]+\}"  # a choice of values, as argparse lists them
    r"|\[|\]|\||\.\.\."  # usage's brackets, alternatives and repeats
    r")*\s*$"
)


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """`path` and every command below it, as the words typed to reach it."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += commands(child, (*path, name))
    return found


def typed_only(line: str, names: set[str]) -> bool:
    """Whether a line holds only syntax: options, value names, and the commands' own names."""
    words = [w for w in re.split(r"\s+", line.strip()) if w]
    return all(w.strip("[]{}(),|") in names or SYNTAX.match(w.strip("()")) for w in words)


ALL = commands(build_parser())


def test_the_parser_finds_the_commands() -> None:
    """The school's flags (on `init` and `config`), the hub's and the inbox's are all here."""
    assert {(), ("init",), ("config",), ("hub", "serve"), ("inbox", "serve")} <= set(ALL)
    assert len(ALL) > 60


@pytest.mark.usefixtures("english_afterwards")
def test_every_help_line_reads_in_polish(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    names = {word for path in ALL for word in path} | {"apdesk"}
    same: list[str] = []
    for path in ALL:
        english = runner("en_GB", store, monkeypatch, capsys)(*path, "--help")[1].splitlines()
        polish = runner("pl_PL", store, monkeypatch, capsys)(*path, "--help")[1].splitlines()
        assert english and polish, path
        assert polish[0].startswith("użycie: apdesk"), path
        same += [
            f"apdesk {' '.join(path)}: {line.strip()}"
            for line in set(english) & set(polish)
            if line.strip() and not typed_only(line, names)
        ]
    assert sorted(same) == [], "\n".join(sorted(same))
