"""The attendance report says which figures count provider sessions and which count every
session, so "Attended 39" beside "Marked 16" does not read as a contradiction."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from apdesk.ui.core.context import AppContext
from apdesk.ui.register.report_dialog import AttendanceReportDialog

MONDAY = date(2026, 11, 30)


def _headers(dialog: AttendanceReportDialog) -> list[tuple[str, str]]:
    found = []
    for column in range(dialog.table.columnCount()):
        item = dialog.table.horizontalHeaderItem(column)
        assert item is not None
        found.append((item.text(), item.toolTip()))
    return found


def test_headers_say_what_each_figure_counts(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = AttendanceReportDialog(ctx, MONDAY, MONDAY)
    qtbot.addWidget(dialog)
    headers = dict(_headers(dialog))
    assert "Due at provider" in headers and "Marked at provider" in headers
    assert "at school and at providers" in headers["Attended (all)"]
    assert "at school and at providers" in headers["Possible (all)"]
    assert "Expected sessions" not in headers and "Marked" not in headers


def test_one_school_day_is_singular(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = AttendanceReportDialog(ctx, MONDAY, MONDAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.summary.text()))
    assert dialog.summary.text().startswith("1 school day from"), dialog.summary.text()
    dialog.end.set_value(date(2026, 12, 1))
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("2 school days"))
