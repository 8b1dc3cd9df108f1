"""A picker of 10,000 pupils words only the lines it shows: choosing the 7,000th pupil (as an
editor does when it opens that pupil's placement) does not word the 6,999 above it, and the
words typed still find the pupil."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.choice_list import ListChoice, fill_columns, select_value
from apdesk.ui.widgets.word_search import WordSearch

COUNT = 10_000


def _picker(qtbot: QtBot, worded: list[int]) -> QComboBox:
    combo = QComboBox()
    qtbot.addWidget(combo)
    search = WordSearch(combo)
    names = [f"Pupil {n:05d} Hartwell" for n in range(COUNT)]

    def word(n: int) -> str:
        worded.append(n)
        return names[n]

    fill_columns(combo, ListChoice("Choose the pupil…", 0), range(1, COUNT + 1), word)
    search.follow_model()
    combo.show()
    qtbot.waitExposed(combo)
    return combo


def test_choosing_a_line_far_down_words_only_that_line(qtbot: QtBot) -> None:
    worded: list[int] = []
    combo = _picker(qtbot, worded)
    worded.clear()
    assert select_value(combo, 7_000)
    assert combo.currentText() == "Pupil 06999 Hartwell"
    assert len(worded) < 20, f"{len(worded)} lines worded to choose one"


def test_typed_words_still_find_the_pupil(qtbot: QtBot) -> None:
    combo = _picker(qtbot, [])
    select_value(combo, 7_000)
    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "hartwell 09876")
    finder = combo.completer()
    assert finder is not None
    found = finder.completionModel()
    assert [found.index(r, 0).data() for r in range(found.rowCount())] == ["Pupil 09876 Hartwell"]
