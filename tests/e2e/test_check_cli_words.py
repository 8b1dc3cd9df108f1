"""`apdesk check` reads in the user's language: each check a line, the audit chain said as the
audit page's banner says it, its count grouped the locale's way ("1 034 zdarzenia")."""

from __future__ import annotations

from tests.helpers.cli_language import Run

from apdesk.models import Setting
from apdesk.store import Store

ENGLISH = ("Integrity", "Cipher", "Audit chain", "Keys", "events", " ok", "chain intact")


def _long_log(store: Store) -> None:
    """Over a thousand events in the audit log, so the count needs grouping."""
    with store.session() as s:
        s.add_all(Setting(key=f"test.count.{i}", value=str(i)) for i in range(1030))


def _events(out: str) -> int:
    """The chain line's count, read back from its grouped form."""
    chain = next(line for line in out.splitlines() if "events" in line or "zdarze" in line)
    number = chain.split(": ", 1)[1].split(" zdarze")[0].split(" events")[0]
    return int(number.replace("\xa0", "").replace(" ", "").replace(",", ""))


def test_check_reads_in_polish_with_grouped_counts(store: Store, polish_cli: Run) -> None:
    _long_log(store)
    code, out, _err = polish_cli("check")
    assert code == 0, out
    lines = out.replace("\xa0", " ").splitlines()
    assert lines[0] == "Kontrola spójności bazy danych: w porządku"
    assert lines[1] == "Kontrola spójności szyfrowania: w porządku"
    assert lines[2].startswith("Łańcuch dziennika audytu zweryfikowany: 1 0")
    assert "żadne nie zostało zmienione, usunięte ani przestawione." in lines[2]
    assert lines[3] == "Klucze: w porządku"
    assert _events(out) > 1000
    for english in ENGLISH:
        assert english not in out, english


def test_check_in_english_says_the_banners_words(store: Store, english_cli: Run) -> None:
    _long_log(store)
    code, out, _err = english_cli("check")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[:2] == ["Integrity check: ok", "Cipher integrity check: ok"]
    assert lines[2].startswith("Audit chain verified: 1,0")
    assert lines[2].endswith(" events, none altered, removed or reordered.")
    assert lines[3] == "Keys: ok"
    assert _events(out) > 1000
