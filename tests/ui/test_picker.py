"""The record picker: found by any name or the UPN, whole names shown, the id kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget
from pytestqt.qtbot import QtBot

from apdesk.ui.widgets.picker import Choice, RecordPicker

PUPILS = [
    Choice(1, "Jay Southgate · A855400120001 · Year 9", "Poppy Southgate A855400120001"),
    Choice(2, "Ada Ash · B855400120002 · Year 10", "Ada Ash B855400120002"),
    Choice(3, "Ben Birch · C855400120003 · Year 8", "Benjamin Birch C855400120003"),
]


@pytest.fixture
def form(qtbot: QtBot) -> QWidget:
    return QWidget()


@pytest.fixture
def picker(qtbot: QtBot, form: QWidget) -> RecordPicker:
    made = RecordPicker("Pupil", "Choose the pupil…", form)
    QFormLayout(form).addRow("Pupil:", made)
    made.set_choices(PUPILS)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return made


def shown(picker: RecordPicker) -> list[str]:
    rows = picker.filtered.rowCount()
    return [str(picker.filtered.index(r, 0).data()) for r in range(rows)]


@pytest.mark.parametrize(
    ("typed", "found"),
    [("poppy", [PUPILS[0].text]), ("JAY", [PUPILS[0].text]), ("B8554", [PUPILS[1].text]),
     ("benjamin", [PUPILS[2].text])],
)  # fmt: skip
def test_typing_any_name_or_the_upn_finds_the_pupil(
    qtbot: QtBot, picker: RecordPicker, typed: str, found: list[str]
) -> None:
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), typed)
    assert shown(picker) == found


def test_choosing_from_the_list_sets_the_id(qtbot: QtBot, picker: RecordPicker) -> None:
    ids: list[int] = []
    picker.chosen.connect(ids.append)
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "poppy")
    popup = picker.finder.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(picker.filtered.index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.current_id() == 1 and ids[-1] == 1
    assert picker.lineEdit().text() == PUPILS[0].text


def test_the_box_is_wide_enough_for_a_whole_name(picker: RecordPicker) -> None:
    metrics = picker.fontMetrics()
    assert picker.width() >= metrics.horizontalAdvance("Jay Southgate · A855400120001")


def test_new_choices_keep_the_current_one(picker: RecordPicker) -> None:
    picker.set_current_id(3)
    picker.set_choices(list(reversed(PUPILS)))
    assert picker.current_id() == 3
    picker.set_choices(PUPILS[:2])
    assert picker.current_id() == 0 and picker.lineEdit().text() == ""
