"""The grid model, its undo commands, the colours in light and dark palettes, and the chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot
from tests.helpers.timetables import full_week

from apdesk.models.enums import SlotKind
from apdesk.models.timetable_grid import DEFAULT_PERIODS
from apdesk.models.timetable_plan import PeriodKind
from apdesk.services.timetables import SlotValue, Structure
from apdesk.services.timetables.share import ShareChart
from apdesk.ui.theme import current, tokens
from apdesk.ui.timetables.chart import ShareChartWidget, summary_text
from apdesk.ui.timetables.commands import GridDocument
from apdesk.ui.timetables.grid import KEY_ROLE, KIND_ROLE, TimetableGridModel, colours

TWO_WEEKS = Structure(cycle_weeks=2)


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def part(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * part(c.redF()) + 0.7152 * part(c.greenF()) + 0.0722 * part(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_model_passes_the_model_tester(qtmodeltester: object, qapp: object) -> None:
    document = GridDocument()
    document.load(full_week(TWO_WEEKS))
    model = TimetableGridModel(document, TWO_WEEKS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == len(DEFAULT_PERIODS) and model.columnCount() == 5
    model.set_week(2)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    index = model.index(0, 4)
    assert index.data(KEY_ROLE) == (2, "FRI", 1)
    assert index.data(KIND_ROLE) == "mainstream"
    assert "Friday" in index.data(0x0003)  # the tooltip names the day and the period
    assert model.index_of((1, "FRI", 1)).isValid() is False  # another week's cell


def test_commands_undo_and_redo_each_change(qapp: object) -> None:
    document = GridDocument()
    document.load(full_week(Structure()))
    key = (1, "MON", 1)
    before = document.grid[key]
    document.change({key: SlotValue.iap("Gardening", before.subject)}, "Set IAP")
    document.change({key: None}, "Clear")
    assert key not in document.grid and document.dirty
    assert document.unsaved_changes() == {key: None}
    document.stack.undo()
    assert document.grid[key].kind is SlotKind.IAP
    document.stack.undo()
    assert document.grid[key] == before and not document.dirty
    document.stack.redo()
    assert document.grid[key].activity == "Gardening"
    document.change({key: document.grid[key]}, "Nothing")  # no change, no command
    assert document.stack.count() == 2


def test_every_kind_is_readable_in_light_and_dark_palettes(qapp: object) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    for palette in (light, dark):
        fills = set()
        for kind in (*SlotKind, None):
            back, text = colours(kind, palette)
            assert contrast(back, text) >= 4.5, (kind, palette is dark)
            fills.add(back.name())
        assert len(fills) == 5  # each kind looks different, as well as saying what it is


def test_every_kind_keeps_seven_to_one_in_high_contrast(qapp: object) -> None:
    before, values = current.scheme(), current.colours()
    current.set_colours("hc", tokens.colours("hc"))
    try:
        black = QPalette()
        black.setColor(QPalette.ColorRole.Base, QColor(tokens.colours("hc")["bg.surface"]))
        for kind in SlotKind:
            back, text = colours(kind, black)
            assert contrast(back, text) >= 7.0, kind
    finally:
        current.set_colours(before, values)


def test_break_rows_are_social_time_in_the_header(qapp: object) -> None:
    document = GridDocument()
    model = TimetableGridModel(document, Structure())
    breaks = [i for i, p in enumerate(Structure().periods) if p.kind is not PeriodKind.LESSON]
    assert [model.headerData(i, Qt.Orientation.Vertical).split("\n")[0] for i in breaks] == [
        "Break",
        "Lunch",
    ]


def test_the_chart_summarises_itself_in_words(qtbot: QtBot) -> None:
    chart = ShareChart(
        [(date(2025, 3, 3), 0.2), (date(2025, 3, 17), 0.44)],
        date(2025, 7, 18),
        1.0,
        [(date(2025, 3, 31), 0.56)],
    )
    assert summary_text(chart).startswith("Mainstream share: 20% → 44% since 3 March")
    assert "proposed next: 56%" in summary_text(chart)
    widget = ShareChartWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.set_chart(chart)
    assert "44%" in widget.accessibleDescription()
    assert widget.toolTip().splitlines() == [
        "3 March 2025: 20% (accepted)",
        "17 March 2025: 44% (accepted)",
        "31 March 2025: 56% (proposed)",
    ]
    image = widget.grab().toImage()  # paints without error, axis labels and all
    assert image.width() == 400
    widget.set_chart(ShareChart([], None, 1.0, []))
    widget.grab()
    assert "no accepted timetable" in widget.accessibleDescription()


def test_group_cells_say_when_the_base_is_full_or_short_of_staff() -> None:
    from apdesk.services.timetables.groups import GroupCell
    from apdesk.ui.timetables.group import cell_text

    pupils = [(i, f"Pupil {i}", "Gardening") for i in range(3)]
    crowded = cell_text(GroupCell(pupils, ["Mr A"], over_capacity=True), 2)
    assert crowded.splitlines()[:3] == [
        "FEWER THAN TWO STAFF",
        "OVER CAPACITY",
        "3 of 2 places · 1 staff",
    ]
    assert "Pupil 0 · Gardening" in crowded
    assert cell_text(GroupCell([], ["Mr A", "Ms B"]), 8) == "No one in the base"
