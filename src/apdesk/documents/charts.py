"""The dashboard's charts drawn for paper with reportlab graphics.

Each series has its own line pattern and marker shape as well as its colour, so a chart
still reads when printed in grey or by someone who cannot tell the colours apart.
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from apdesk.documents.common import INK, MUTED, RULE
from apdesk.documents.fonts import font
from apdesk.i18n import _, format_date, format_number, format_percent
from apdesk.models.charts import BAR, Chart

# The screens' chart series for paper (tokens chart.1 to chart.4, light): Okabe-Ito hues.
PALETTE = (
    colors.HexColor("#0068A8"),
    colors.HexColor("#B85000"),
    colors.HexColor("#00795A"),
    colors.HexColor("#A3407F"),
)
DASHES: tuple[list[float] | None, ...] = (None, [4, 2], [1, 2], [4, 2, 1, 2])
MARKERS = ("circle", "square", "triangle", "diamond")


def _nice_max(value: float, percent: bool) -> float:
    """A top for the axis so that its four gridlines fall on round numbers."""
    if percent:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if step * 4 >= value:
            return float(step * 4)
    return value * 1.1


def _marker(d: Drawing, kind: str, x: float, y: float, colour: colors.Color) -> None:
    if kind == "circle":
        d.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=colour))
    elif kind == "square":
        d.add(Rect(x - 2, y - 2, 4, 4, fillColor=colors.white, strokeColor=colour, strokeWidth=1))
    elif kind == "diamond":
        d.add(
            Polygon(
                [x, y - 2.6, x + 2.6, y, x, y + 2.6, x - 2.6, y],
                fillColor=colors.white,
                strokeColor=colour,
                strokeWidth=1,
            )
        )
    elif kind == "triangle":
        d.add(
            Polygon(
                [x - 2.4, y - 2, x + 2.4, y - 2, x, y + 2.4], fillColor=colour, strokeColor=colour
            )
        )


def chart_drawing(chart: Chart, width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    d.add(
        String(
            0,
            height - 11,
            chart.title,
            fontName=font("Helvetica-Bold"),
            fontSize=9.5,
            fillColor=INK,
        )
    )
    left, right, bottom, top = 30.0, width - 6, 26.0, height - 30
    if chart.empty:
        d.add(
            String(
                width / 2,
                height / 2,
                _("No figures for this period yet"),
                fontName=font("Helvetica-Oblique"),
                fontSize=9,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        return d
    points = [pt for s in chart.series for pt in s.points]
    first = min(p[0] for p in points)
    last = max(p[0] for p in points)
    span = max((last - first).days, 1)
    y_max = _nice_max(max(p[1] for p in points), chart.percent) or 1.0

    def x_of(day: date) -> float:
        return left + (right - left) * ((day - first).days / span)

    def y_of(value: float) -> float:
        return bottom + (top - bottom) * (value / y_max)

    for i in range(5):
        value = y_max * i / 4
        y = y_of(value)
        d.add(Line(left, y, right, y, strokeColor=RULE, strokeWidth=0.3))
        label = format_percent(value) if chart.percent else format_number(value)
        d.add(
            String(
                left - 3,
                y - 3,
                label,
                fontName=font("Helvetica"),
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    if chart.kind != BAR:
        d.add(
            String(
                left,
                bottom - 11,
                format_date(first),
                fontName=font("Helvetica"),
                fontSize=7,
                fillColor=MUTED,
            )
        )
        d.add(
            String(
                right,
                bottom - 11,
                format_date(last),
                fontName=font("Helvetica"),
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for index, series in enumerate(chart.series):
        colour = PALETTE[index % len(PALETTE)]
        if chart.kind == BAR:  # evenly spaced, one a month, each named under its bar
            slot = (right - left) / max(len(series.points), 1)
            bar = max(4.0, min(slot * 0.5, 40.0))
            for i, (day, value) in enumerate(series.points):
                x = left + slot * (i + 0.5) - bar / 2
                d.add(
                    Rect(x, bottom, bar, y_of(value) - bottom, fillColor=colour, strokeColor=None)
                )
                d.add(
                    String(
                        x + bar / 2,
                        y_of(value) + 2,
                        f"{value:g}",
                        fontName=font("Helvetica"),
                        fontSize=6.5,
                        fillColor=INK,
                        textAnchor="middle",
                    )
                )
                d.add(
                    String(
                        x + bar / 2,
                        bottom - 11,
                        format_date(day, "MMM y"),
                        fontName=font("Helvetica"),
                        fontSize=7,
                        fillColor=MUTED,
                        textAnchor="middle",
                    )
                )
            continue
        flat = [c for day, value in series.points for c in (x_of(day), y_of(value))]
        if len(series.points) > 1:
            d.add(
                PolyLine(
                    flat,
                    strokeColor=colour,
                    strokeWidth=1.4,
                    strokeDashArray=DASHES[index % len(DASHES)],
                )
            )
        if len(series.points) <= 60:
            for day, value in series.points:
                _marker(d, MARKERS[index % len(MARKERS)], x_of(day), y_of(value), colour)
    x = left
    for index, series in enumerate(chart.series if len(chart.series) > 1 else []):
        colour = PALETTE[index % len(PALETTE)]
        d.add(
            Line(
                x,
                5,
                x + 14,
                5,
                strokeColor=colour,
                strokeWidth=1.4,
                strokeDashArray=DASHES[index % len(DASHES)],
            )
        )
        _marker(d, MARKERS[index % len(MARKERS)], x + 7, 5, colour)
        d.add(String(x + 18, 2, series.name, fontName=font("Helvetica"), fontSize=7, fillColor=INK))
        x += 24 + len(series.name) * 3.6
    return d
