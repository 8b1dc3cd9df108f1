"""A Polish coordinator's `apdesk config` and `retention purge` read in Polish: the school's
and the LA connection's lines, the refusals of a bad logo or an empty change, and what a purge
deleted, counted in words. In English they read as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers.cli_language import Run
from tests.helpers.privacy import add_child

from apdesk.store import Store

ENGLISH_SHOW = """\
School:              not set
Address:             not set
Phone:               01632 960000
Email:               not set
Key contact:         not set
Logo:                none
LA endpoint:         not set
LA token:            not set
LA receipt key:      not set (receipts unchecked)
LA encryption key:   not set (packs unencrypted)
School signing key:  made with the first pack
"""


def value_column(line: str) -> int:
    """Where a `label: value` line's value starts."""
    _label, _sep, rest = line.partition(": ")
    return len(line) - len(rest.lstrip())


def test_config_show_reads_in_polish_with_its_values_lined_up(polish_cli: Run) -> None:
    code, out, _err = polish_cli("config", "--school-phone", "01632 960000")
    assert code == 0
    assert "Telefon:" in out and "01632 960000" in out
    code, out, _err = polish_cli("config", "show")
    assert code == 0
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Szkoła",
        "Adres",
        "Telefon",
        "E-mail",
        "Główna osoba kontaktowa",
        "Logo",
        "Adres usługi władz lokalnych",
        "Token władz lokalnych",
        "Klucz potwierdzeń władz lokalnych",
        "Klucz szyfrowania władz lokalnych",
        "Klucz podpisu szkoły",
    ]
    assert len({value_column(line) for line in lines}) == 1
    assert lines[1].endswith(" nie ustawiono") and lines[5].endswith(" brak")
    assert lines[8].endswith(" nie ustawiono (potwierdzenia niesprawdzane)")
    assert lines[10].endswith(" utworzone z pierwszym pakietem")
    for english in ("not set", "none", "School", "Key contact", "made with"):
        assert english not in out, english


def test_config_show_in_english_is_unchanged(english_cli: Run) -> None:
    english_cli("config", "--school-phone", "01632 960000")
    code, out, _err = english_cli("config", "show")
    assert code == 0
    assert out == ENGLISH_SHOW


def test_config_refusals_read_in_polish(polish_cli: Run, tmp_path: Path) -> None:
    code, _out, err = polish_cli("config")
    assert code == 2
    assert err.startswith("apdesk: config: podaj, co zmienić: `set`, `show` albo dane szkoły")
    missing = tmp_path / "logo.png"
    code, _out, err = polish_cli("config", "--logo", str(missing))
    assert code == 2
    assert err.strip() == f"apdesk: --logo: {missing} nie jest plikiem (podaj obraz PNG lub JPEG)"
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG" + bytes(2 * 1024 * 1024))
    code, _out, err = polish_cli("config", "--logo", str(big))
    assert code == 2
    assert f"apdesk: --logo: plik {big} ma 2048 kB (wybierz PNG lub JPEG mniejszy niż" in err


def left_long_ago(store: Store) -> None:
    """A pupil who left the roll decades ago, past every retention period."""
    with store.session() as s:
        add_child(s, 1, "Purgeby", dob=date(1990, 1, 1), on_roll=False)


def test_a_purge_counts_what_it_deleted_in_polish_words(store: Store, polish_cli: Run) -> None:
    left_long_ago(store)
    code, out, _err = polish_cli("retention", "purge", "--type", "pupils", "--yes")
    assert code == 0
    said = out.strip()
    assert said.startswith("Usunięto trwale: ")
    for words in ("1 uczeń", "1 kontakt", "2 wpisy obecności", "1 umieszczenie", "1 załącznik"):
        assert words in said, said
    for table in ("pupil", "contact", "attendancemark", "placement", "attachment"):
        assert table not in said, table


def test_a_purge_in_english_still_counts_one_pupil(store: Store, english_cli: Run) -> None:
    left_long_ago(store)
    code, out, _err = english_cli("retention", "purge", "--type", "pupils", "--yes")
    assert code == 0
    assert out.startswith("Purged: ")
    assert "1 pupil," in out and "2 attendance marks" in out


def test_the_la_connections_settings_answer_in_polish(polish_cli: Run, tmp_path: Path) -> None:
    code, out, _err = polish_cli("config", "set", "la-token", "test-token-123")
    assert code == 0
    assert "Token władz lokalnych zapisano w" in out
    code, _out, err = polish_cli("config", "set", "la-public-key", str(tmp_path / "brak.pem"))
    assert code != 0
    assert "nie jest plikiem" in err and "podaj ścieżkę" in err
