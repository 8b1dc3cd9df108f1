"""`apdesk check`'s findings in Polish: a problem to act on is said in Polish with real plurals
(the old backups, the findings beyond the first three), and a broken chain as the audit page
says it; SQLite's own findings are quoted as given."""

from __future__ import annotations

import pytest

from apdesk.commands.check_words import check_lines
from apdesk.store.audit import ChainReport
from apdesk.store.checks import CheckReport

pytestmark = pytest.mark.usefixtures("polish")

FOUND = [f"row {n} missing from index ix_pupil_upn" for n in range(1, 6)]


def test_a_damaged_store_is_reported_in_polish() -> None:
    report = CheckReport(
        FOUND, [], ChainReport(False, 7, 4), ["no_recovery_key"], 2, {"cipher": "file is not a db"}
    )
    lines = check_lines(report)
    assert lines[0].startswith("Kontrola spójności bazy danych: row 1 missing")
    assert lines[0].endswith("(i jeszcze 2 problemy)")
    assert lines[1] == "Kontrola spójności szyfrowania: USZKODZENIE: file is not a db"
    assert (
        lines[2]
        == "Łańcuch dziennika audytu przerwany przy zdarzeniu 4: dziennik został zmieniony."
    )
    assert lines[3].startswith("Klucze: PROBLEM: baza danych nie ma klucza odzyskiwania")
    assert lines[4].startswith("Stare kopie zapasowe: 2 kopie w folderze kopii zapasowych")
    assert not report.ok


def test_five_old_backups_take_the_many_form() -> None:
    report = CheckReport([], [], ChainReport(True, 1), [], 5)
    assert check_lines(report)[-1].startswith("Stare kopie zapasowe: 5 kopii w folderze")
    assert check_lines(report)[2].startswith("Łańcuch dziennika audytu zweryfikowany: 1 zdarzenie")
