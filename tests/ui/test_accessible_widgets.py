"""The shared pieces that make apdesk readable by a screen reader and usable by keyboard alone:
labels read with their values, secret fields that hold masks only, Tab that leaves tables and
date boxes, charts with their figures as a table, register cells that say only what changes.
(The real accessibility tree is checked end to end by tests/a11y.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from apdesk.models.charts import Chart, Series
from apdesk.models.enums import Session as AmPm
from apdesk.services.attendance.register import RegisterCell
from apdesk.ui.register.model import cell_description, cell_speech
from apdesk.ui.widgets import keyboard
from apdesk.ui.widgets.basics import PassphraseInput
from apdesk.ui.widgets.chart import ChartWidget
from apdesk.ui.widgets.secret import MASK, SecretEdit
from apdesk.ui.widgets.value_label import ValueLabel


def test_a_value_label_is_read_with_its_caption_and_follows_its_text(qtbot: QtBot) -> None:
    label = ValueLabel("Lock state", "Locked")
    qtbot.addWidget(label)
    assert label.accessibleName() == "Lock state: Locked"
    label.setText("<b>Unlocked</b> (passphrase)")
    assert label.accessibleName() == "Lock state: Unlocked (passphrase)"
    label.setText("")
    assert label.accessibleName() == "Lock state"
    label.setText("Lock state unknown")  # a text that already says its caption is not doubled
    assert label.accessibleName() == "Lock state unknown"


def test_a_secret_field_holds_masks_while_the_secret_is_kept(qtbot: QtBot) -> None:
    field = SecretEdit()
    qtbot.addWidget(field)
    heard: list[str] = []
    field.secret_changed.connect(heard.append)
    qtbot.keyClicks(field, "otter42")
    assert field.text() == "otter42"
    assert QLineEdit.text(field) == MASK * 7  # what Qt (and so the bus) holds
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "tter4"
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(field, "XY")  # typing over a selection
    assert field.text() == "tterXY"
    QApplication.clipboard().setText("pasted")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "tterXYpasted"
    assert heard[-1] == "tterXYpasted"
    assert set(QLineEdit.text(field)) == {MASK}


def test_the_passphrase_toggle_shows_the_characters_only_when_asked(qtbot: QtBot) -> None:
    entry = PassphraseInput("Passphrase")
    qtbot.addWidget(entry)
    qtbot.keyClicks(entry.edit, "lantern")
    entry.toggle.click()
    assert entry.edit.displayText() == "lantern"
    qtbot.keyClicks(entry.edit, "s")
    assert entry.text() == "lanterns"
    entry.toggle.click()
    assert QLineEdit.text(entry.edit) == MASK * 8 and entry.text() == "lanterns"


def test_tab_leaves_tables_and_date_boxes(qtbot: QtBot) -> None:
    keyboard.install(QApplication.instance())  # type: ignore[arg-type]
    window = QWidget()
    qtbot.addWidget(window)
    first, table, when, last = QLineEdit(), QTableWidget(3, 3), QDateEdit(), QLineEdit()
    layout = QVBoxLayout(window)
    for widget in (first, table, when, last):
        layout.addWidget(widget)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    order = []
    for _ in range(3):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [table, when, last]
    assert not table.tabKeyNavigation()
    qtbot.keyClick(last, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is when


def test_a_chart_has_its_figures_as_a_table(qtbot: QtBot) -> None:
    chart = Chart(
        "attendance",
        "Attendance in AP",
        "%",
        [
            Series("This school", [(date(2026, 9, 7), 0.9), (date(2026, 9, 14), 0.8)]),
            Series("National", [(date(2026, 9, 14), 0.86)]),
        ],
        percent=True,
    )
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.set_chart(chart)
    table = widget.figures
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Date", "This school", "National"]
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [["7 September 2026", "90%", ""], ["14 September 2026", "80%", "86%"]]
    assert widget.toggle.accessibleName() == "Show Attendance in AP as a table"
    widget.toggle.click()
    assert widget.stack.currentWidget() is table


def test_a_register_cell_says_its_session_and_mark_not_the_pupil_and_day() -> None:
    cell = RegisterCell(code="B", expected_at_provider=True)
    said = cell_speech(date(2025, 1, 6), AmPm.AM, cell)
    assert said.startswith("AM: B: ")
    assert "Ada" not in said and "January" not in said and len(said) < 120
    full = cell_description("Ada Ash", date(2025, 1, 6), AmPm.AM, cell)
    assert full.startswith("Ada Ash, Monday 6 January AM") and full.endswith(said[4:])
