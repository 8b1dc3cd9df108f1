"""Charts read from the tokens, wrap their legend instead of drawing over it, mark every
series with its own shape, and give their numbers in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from apdesk.models.charts import BAR, LINE, Chart, Series
from apdesk.ui.theme.apply import Appearance, ThemeManager
from apdesk.ui.theme.tokens import colours
from apdesk.ui.widgets.chart import MARKERS, PATTERNS, ChartPanel, legend_rows

DAYS = [date(2026, 9, 7), date(2026, 10, 5), date(2026, 11, 2), date(2026, 11, 30)]


def attendance(names: list[str]) -> Chart:
    series = [
        Series(name, [(d, 0.7 + 0.05 * i + 0.02 * k) for k, d in enumerate(DAYS)])
        for i, name in enumerate(names)
    ]
    return Chart("attendance", "Attendance", "Attendance", series, kind=LINE, percent=True)


def test_a_long_legend_wraps_onto_rows_that_fit_the_chart(qapp: QApplication) -> None:
    fm = QFontMetrics(qapp.font())
    captions = [f"{name} 83%" for name in ("AP pupils at providers", "Whole school", "Year 9")]
    rows = legend_rows(fm, captions, 220)
    assert len(rows) == 3 and sorted(i for row in rows for i in row) == [0, 1, 2]
    assert legend_rows(fm, captions, 2000) == [[0, 1, 2]]


def test_every_series_has_its_own_marker_and_line_pattern() -> None:
    assert len(set(MARKERS)) == len(MARKERS) >= 4
    assert len(set(PATTERNS)) == len(PATTERNS) == len(MARKERS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lines_are_drawn_in_the_schemes_chart_colours(
    qtbot: QtBot,
    theme: ThemeManager,
    scheme: str,
) -> None:
    theme.set_appearance(Appearance(scheme, "normal"))
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 260)
    panel.set_chart(attendance(["AP pupils at providers", "Whole school"]))
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.chart_widget.grab().toImage()
    seen = {
        image.pixelColor(x, y).name().upper()
        for x in range(image.width())
        for y in range(image.height())
    }
    tokens = colours(scheme)
    assert {tokens["chart.1"].upper(), tokens["chart.2"].upper()} <= seen
    assert QColor("#D9822B").name().upper() not in seen  # no colour from outside the tokens


def test_the_numbers_are_written_under_the_chart(qtbot: QtBot) -> None:
    panel = ChartPanel()
    qtbot.addWidget(panel)
    months = [(date(2026, m, 1), float(v)) for m, v in ((9, 18), (10, 21), (11, 25))]
    panel.set_chart(
        Chart("days", "Days from referral to start", "Days", [Series("Days", months)], kind=BAR)
    )
    assert panel.numbers.text() == "Sept 2026: 18; Oct 2026: 21; Nov 2026: 25."
    panel.set_chart(attendance(["AP pupils at providers"]))
    assert panel.numbers.text() == (
        "AP pupils at providers: 70% on 7 Sept, 76% on 30 Nov (lowest 70%, highest 76%)."
    )
    assert "Attendance" in panel.numbers.accessibleName()


def test_each_legend_entry_says_which_week_its_figure_is_for(qtbot: QtBot) -> None:
    """Beside a card with the period's 83.6%, a bare "73%" read as a contradiction."""
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.set_chart(attendance(["AP pupils at providers", "Whole school"]))
    assert panel.chart_widget.canvas.captions() == [  # type: ignore[attr-defined]
        "AP pupils at providers 76% (week of 30 Nov)",
        "Whole school 81% (week of 30 Nov)",
    ]
