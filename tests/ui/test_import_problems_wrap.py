"""The pupil import's "Problem and fix" column shows each whole sentence at a school laptop's
width: a long one wraps onto more lines (again when the window is made narrower) instead of
being cut off, and its tool tip holds it whole."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from apdesk.services.imports.result import ImportResult, RowError
from apdesk.ui.pupils.import_steps import CheckStep

LONG = (
    "Date of birth: '31/02/2013' is not a date (write it as day/month/year, e.g. 14/03/2013, "
    "or fix the column in the MIS export and check the file again)"
)


def _reads_whole(step: CheckStep) -> bool:
    table = step.errors
    width = table.columnWidth(2) - 8  # the cell's margins
    needed = table.fontMetrics().boundingRect(
        QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, LONG
    )
    return table.rowHeight(0) >= needed.height()


def test_a_long_problem_wraps_and_reads_whole_when_the_window_narrows(qtbot: QtBot) -> None:
    step = CheckStep()
    qtbot.addWidget(step)
    step.resize(1300, 420)
    step.show()
    qtbot.waitExposed(step)
    step.show_result(ImportResult(errors=[RowError(3, "DOB", LONG), RowError(4, "UPN", "empty")]))
    assert _reads_whole(step)
    step.resize(700, 420)  # the wizard on a smaller screen, or made narrower
    qtbot.waitUntil(lambda: step.errors.columnWidth(2) < 700)
    qtbot.waitUntil(lambda: _reads_whole(step))
    assert step.errors.item(0, 2).toolTip() == LONG
