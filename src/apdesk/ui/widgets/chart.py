"""A small line or bar chart painted with QPainter from a plain `Chart` (no QtCharts).

Series differ by line pattern and marker shape as well as colour, and the latest figure of
each is written in the legend, so the chart never depends on colour alone. Colours come from
the palette (text, highlight, link) so the chart reads in light and dark themes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from apdesk.i18n import _, format_date
from apdesk.models.charts import BAR, Chart
from apdesk.ui.widgets.figures import WithFigures

PATTERNS = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
MARKERS = ("circle", "square", "none")


def nice_max(value: float, percent: bool) -> float:
    if percent:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if step * 4 >= value:
            return float(step * 4)
    return value * 1.1


def value_text(value: float, percent: bool) -> str:
    return f"{value * 100:.0f}%" if percent else f"{value:g}"


def describe(chart: Chart) -> str:
    """The chart in words, for screen readers and the tooltip."""
    if chart.empty:
        return _("{title}: no figures for this period yet").format(title=chart.title)
    parts = []
    for s in chart.series:
        if s.points:
            day, value = s.points[-1]
            parts.append(
                _("{name} {value} on {day}").format(
                    name=s.name, value=value_text(value, chart.percent), day=format_date(day)
                )
            )
    return f"{chart.title}: " + "; ".join(parts)


def figure_rows(chart: Chart) -> tuple[list[str], list[list[str]]]:
    """The chart as a table: a date column, then one column per series."""
    headers = [_("Date"), *(s.name for s in chart.series)]
    days = sorted({day for s in chart.series for day, _v in s.points})
    values = [dict(s.points) for s in chart.series]
    rows = [
        [format_date(day)] + [value_text(v[day], chart.percent) if day in v else "" for v in values]
        for day in days
    ]
    return headers, rows


class ChartWidget(WithFigures):
    """A chart with its figures as a table one key away (`WithFigures`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ChartCanvas(), parent)
        self.chart: Chart | None = None

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.canvas.set_chart(chart)  # type: ignore[attr-defined]
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(describe(chart))
        self.set_title(chart.title)
        self.set_figures(*figure_rows(chart))


class ChartCanvas(QWidget):
    """The chart painted; its name is the title, its description the figures in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setMinimumSize(240, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(300, 190)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(describe(chart))
        self.setToolTip(describe(chart))
        self.update()

    def colours(self) -> list[QColor]:
        pal = self.palette()
        # a mid orange reads on light and dark backgrounds alike; the rest follow the theme
        return [
            pal.color(QPalette.ColorRole.Highlight),
            QColor("#D9822B"),
            pal.color(QPalette.ColorRole.WindowText),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.chart is None:
            return
        chart = self.chart
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlphaF(0.35)
        fm = p.fontMetrics()
        line = fm.height()
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), line + 2), Qt.AlignmentFlag.AlignLeft, chart.title)
        p.setFont(self.font())
        legend_rows = 1 if len(chart.series) > 1 else 0
        area = QRectF(
            fm.horizontalAdvance("100%") + 8,
            line + 8,
            self.width() - fm.horizontalAdvance("100%") - 14,
            self.height() - line * (2 + legend_rows) - 14,
        )
        if chart.empty or area.height() < 20:
            p.setPen(text)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No figures for this period yet"))
            return
        points = [pt for s in chart.series for pt in s.points]
        first, last = min(d for d, _v in points), max(d for d, _v in points)
        span = max((last - first).days, 1)
        top = nice_max(max(v for _d, v in points), chart.percent) or 1.0

        def at(day: date, value: float) -> QPointF:
            x = area.left() + area.width() * (day - first).days / span
            return QPointF(x, area.bottom() - area.height() * value / top)

        for i in range(5):
            y = area.bottom() - area.height() * i / 4
            p.setPen(QPen(muted, 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(text)
            label = QRectF(0, y - line / 2, area.left() - 4, line)
            p.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                value_text(top * i / 4, chart.percent),
            )
        below = QRectF(area.left(), area.bottom() + 2, area.width(), line)
        if chart.kind == BAR:  # evenly spaced bars, one a month: name each month under it
            pts = chart.series[0].points
            for i, (d, _v) in enumerate(pts):
                x = area.left() + area.width() * (i + 0.5) / len(pts)
                p.drawText(
                    QRectF(x - 50, below.top(), 100, line),
                    Qt.AlignmentFlag.AlignCenter,
                    format_date(d, "MMM y"),
                )
        else:
            p.drawText(below, Qt.AlignmentFlag.AlignLeft, format_date(first))
            p.drawText(below, Qt.AlignmentFlag.AlignRight, format_date(last))
        colours = self.colours()
        for index, series in enumerate(chart.series):
            colour = colours[index % len(colours)]
            if chart.kind == BAR:
                self._bars(p, series.points, at, area, colour, text)
                continue
            pen = QPen(colour, 2, PATTERNS[index % len(PATTERNS)])
            p.setPen(pen)
            p.drawPolyline(QPolygonF([at(d, v) for d, v in series.points]))
            for d, v in series.points:
                self._marker(p, MARKERS[index % len(MARKERS)], at(d, v), colour)
        if legend_rows:
            x = area.left()
            y = self.height() - line
            for index, series in enumerate(chart.series):
                colour = colours[index % len(colours)]
                p.setPen(QPen(colour, 2, PATTERNS[index % len(PATTERNS)]))
                p.drawLine(QPointF(x, y + line / 2), QPointF(x + 22, y + line / 2))
                self._marker(
                    p, MARKERS[index % len(MARKERS)], QPointF(x + 11, y + line / 2), colour
                )
                latest = value_text(series.points[-1][1], chart.percent) if series.points else "–"
                caption = f"{series.name} {latest}"
                p.setPen(text)
                p.drawText(QPointF(x + 26, y + fm.ascent()), caption)
                x += 40 + fm.horizontalAdvance(caption)
        p.end()

    def _bars(
        self,
        p: QPainter,
        pts: list[tuple[date, float]],
        at: object,
        area: QRectF,
        colour: QColor,
        text: QColor,
    ) -> None:
        slot = area.width() / max(len(pts), 1)
        width = max(6.0, min(slot * 0.5, 60.0))
        for i, (d, v) in enumerate(pts):
            top = at(d, v).y()  # type: ignore[operator]
            x = area.left() + slot * (i + 0.5) - width / 2
            p.fillRect(QRectF(x, top, width, area.bottom() - top), colour)
            p.setPen(text)
            p.drawText(
                QRectF(
                    x - 20, top - p.fontMetrics().height(), width + 40, p.fontMetrics().height()
                ),
                Qt.AlignmentFlag.AlignCenter,
                f"{v:g}",
            )

    @staticmethod
    def _marker(p: QPainter, kind: str, at: QPointF, colour: QColor) -> None:
        p.setPen(QPen(colour, 1.5))
        if kind == "circle":
            p.setBrush(colour)
            p.drawEllipse(at, 3, 3)
        elif kind == "square":
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6))
        p.setBrush(Qt.BrushStyle.NoBrush)
