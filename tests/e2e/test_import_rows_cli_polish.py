"""A return's problems name their row in the reader's language ("Wiersz 2, Mark: ..."), so a
Polish office reads where to look without an English word in the line."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli_language import Run
from tests.helpers.privacy import add_child

from apdesk.store import Store

HEAD = "UPN,Date,Session,Mark,Note\n"


def _return_with_a_bad_session(store: Store, tmp_path: Path) -> Path:
    with store.session() as s:
        upn = add_child(s, 1, "Rowan").upn
    path = tmp_path / "return.csv"
    path.write_text(HEAD + f"{upn},2025-10-06,AM,/,\n{upn},2025-10-06,XX,/,\n", encoding="utf-8")
    return path


def test_a_bad_row_is_named_in_polish(store: Store, polish_cli: Run, tmp_path: Path) -> None:
    code, _out, err = polish_cli(
        "import", "attendance", str(_return_with_a_bad_session(store, tmp_path))
    )
    assert code == 2
    first = err.strip().splitlines()[0]
    assert first.startswith("Wiersz 2, "), first
    assert "row" not in first


def test_a_bad_row_is_named_in_english(store: Store, english_cli: Run, tmp_path: Path) -> None:
    code, _out, err = english_cli(
        "import", "attendance", str(_return_with_a_bad_session(store, tmp_path))
    )
    assert code == 2
    assert err.strip().splitlines()[0].startswith("Row 2, ")
