"""In Polish, every attendance code is explained in Polish: the code list (F4) and the amend
dialog show each code's meaning and how it counts in the reader's language, never the table's
English words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from apdesk.models.codes import CODES, CURRENT_CODES
from apdesk.models.enums import Session as AmPm
from apdesk.ui.register.amend import AmendDialog, Change
from apdesk.ui.register.legend import CodeLegend

pytestmark = pytest.mark.usefixtures("polish")


def _column(table: QTableWidget, column: int) -> dict[str, str]:
    """Each row's code and the text in `column` of its row."""
    rows = range(table.rowCount())
    return {table.item(r, 0).text(): table.item(r, column).text() for r in rows}


def test_the_code_list_gives_every_meaning_and_count_in_polish(qtbot: QtBot) -> None:
    legend = CodeLegend()
    qtbot.addWidget(legend)
    meanings, counts = _column(legend.table, 1), _column(legend.table, 2)
    assert list(meanings) == list(CURRENT_CODES)
    english = {c: m for c, m in meanings.items() if m == CODES[c].meaning or not m}
    assert english == {}, english
    assert [c for c, t in counts.items() if t == CODES[c].rule.label] == []
    assert meanings["/"] == "Obecność (rano)"
    assert meanings["B"] == "Udział w innych zatwierdzonych zajęciach edukacyjnych poza szkołą"
    assert meanings["K"] == "Udział w nauce organizowanej przez władze lokalne"
    assert counts["N"] == "Nieobecność nieusprawiedliwiona"


def test_the_amend_dialog_names_both_codes_in_polish_without_doubled_brackets(
    qtbot: QtBot,
) -> None:
    change = Change(1, "Ada Lovelace", date(2025, 1, 6), AmPm.AM, "/", "N")
    dialog = AmendDialog(change)
    qtbot.addWidget(dialog)
    assert dialog.old.text() == "/: Obecność (rano)"
    assert dialog.new.text() == "N: Przyczyna nieobecności jeszcze nieustalona"
    assert "((" not in dialog.old.text() and "))" not in dialog.old.text()
