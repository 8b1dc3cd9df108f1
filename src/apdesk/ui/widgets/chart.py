"""A small line or bar chart painted with QPainter from a plain `Chart` (no QtCharts).

Series differ by line pattern and marker shape as well as colour, and the latest figure of
each is written in the legend, so the chart never depends on colour alone. Colours are the
design tokens' chart series (Okabe-Ito hues at 3:1 or more on the page), read when painting,
so a theme switch needs nothing. The legend is laid out first, wrapped onto as many rows as it
needs, and the plot takes what is left: nothing is ever drawn over the legend or the axes.
`ChartPanel` puts the figures in words under the chart, for screen readers and for anyone who
would rather read numbers than lines (the words are made in `chart_words`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from apdesk.i18n import _, format_date
from apdesk.models.charts import BAR, Chart
from apdesk.ui.theme import current
from apdesk.ui.theme.tokens import SPACING
from apdesk.ui.widgets.chart_words import describe, figure_rows, figures, value_text
from apdesk.ui.widgets.figures import WithFigures
from apdesk.ui.widgets.value_label import ValueLabel

PATTERNS = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
)
MARKERS = ("circle", "square", "triangle", "diamond")
SERIES_COLOURS = 6  # chart.1 … chart.6 in the tokens
MARKER_RADIUS = 3.5
SWATCH = 24  # px: the bit of line and marker in front of each legend entry


def nice_max(value: float, percent: bool) -> float:
    if percent:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if step * 4 >= value:
            return float(step * 4)
    return value * 1.1


def series_colour(index: int) -> QColor:
    return QColor(current.colour(f"chart.{index % SERIES_COLOURS + 1}"))


def draw_marker(p: QPainter, kind: str, at: QPointF, colour: QColor) -> None:
    """A filled circle, a hollow square, a filled triangle or a hollow diamond."""
    r = MARKER_RADIUS
    p.setPen(QPen(colour, 1.5))
    if kind == "circle":
        p.setBrush(colour)
        p.drawEllipse(at, r, r)
    elif kind == "square":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    elif kind == "triangle":
        p.setBrush(colour)
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - r - 1),
                    QPointF(at.x() + r + 1, at.y() + r),
                    QPointF(at.x() - r - 1, at.y() + r),
                ]
            )
        )
    elif kind == "diamond":
        p.setBrush(Qt.BrushStyle.NoBrush)
        d = r + 1
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - d),
                    QPointF(at.x() + d, at.y()),
                    QPointF(at.x(), at.y() + d),
                    QPointF(at.x() - d, at.y()),
                ]
            )
        )
    p.setBrush(Qt.BrushStyle.NoBrush)


def legend_rows(fm: QFontMetrics, captions: list[str], width: float) -> list[list[int]]:
    """Which legend entries go on which row, so that no row is wider than `width`."""
    rows: list[list[int]] = [[]]
    x = 0.0
    for index, caption in enumerate(captions):
        need = SWATCH + 6 + min(fm.horizontalAdvance(caption), width - SWATCH - 6)
        if rows[-1] and x + need > width:
            rows.append([])
            x = 0.0
        rows[-1].append(index)
        x += need + SPACING["lg"]
    return rows if rows[0] else []


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
    """The chart painted in the theme's chart colours; its name is the title, its description
    the figures in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.drawn: tuple[tuple[object, ...], QPixmap] | None = None  # (what it shows, pixels)
        self.setMinimumSize(240, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        return QSize(300, 200)

    def set_chart(self, chart: Chart) -> None:
        self.chart, self.drawn = chart, None
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(describe(chart))
        self.setToolTip(describe(chart))
        self.update()

    def captions(self) -> list[str]:
        """Each series' name and latest figure with its week, as its legend entry says it:
        a bare "73%" under a card reading 83.6% for the whole period read as a contradiction."""
        chart = self.chart
        if chart is None or len(chart.series) < 2:
            return []
        out = []
        for series in chart.series:
            if not series.points:
                out.append(f"{series.name} –")
                continue
            day, value = series.points[-1]
            out.append(
                _("{name} {value} (week of {day})").format(
                    name=series.name,
                    value=value_text(value, chart.percent),
                    day=format_date(day, "d MMM"),
                )
            )
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        """Copy the chart drawn last time, drawing it again only when what it shows, its size
        or the colours changed: the page around it repaints often (a cell typed, a row chosen)
        and the chart is most of what a repaint of it would cost."""
        if self.chart is None:
            return
        ratio = self.devicePixelRatioF()
        key = (
            id(self.chart),
            self.width(),
            self.height(),
            ratio,
            self.palette().cacheKey(),
            self.font().key(),
            current.serial(),
        )
        if self.drawn is None or self.drawn[0] != key:
            pixmap = QPixmap(QSize(self.width(), self.height()) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(self.font())
            try:
                self._draw(painter, self.chart)
            finally:
                painter.end()
            self.drawn = (key, pixmap)
        on_screen = QPainter(self)
        on_screen.drawPixmap(0, 0, self.drawn[1])
        on_screen.end()

    def _draw(self, p: QPainter, chart: Chart) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        fm = p.fontMetrics()
        line = fm.height()
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(text)
        title = QFontMetrics(bold).elidedText(
            chart.title, Qt.TextElideMode.ElideRight, self.width()
        )
        p.drawText(QRectF(0, 0, self.width(), line + 2), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(self.font())
        captions = self.captions()
        rows = legend_rows(fm, captions, self.width())
        legend_height = len(rows) * (line + 4)
        top = nice_max(
            max((v for s in chart.series for _d, v in s.points), default=0), chart.percent
        )
        top = top or 1.0
        ticks = [value_text(top * i / 4, chart.percent) for i in range(5)]
        left = max(fm.horizontalAdvance(t) for t in ticks) + 8
        headroom = line if chart.kind == BAR else line / 2  # bar figures sit above their bars
        area = QRectF(
            left,
            line + 6 + headroom,
            self.width() - left - MARKER_RADIUS - 4,
            self.height() - (line + 6 + headroom) - (line + 6) - legend_height,
        )
        if chart.empty or area.height() < 20:
            p.setPen(text)
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No figures for this period yet"))
            return
        points = [pt for s in chart.series for pt in s.points]
        first, last = min(d for d, _v in points), max(d for d, _v in points)
        span = max((last - first).days, 1)

        def at(day: date, value: float) -> QPointF:
            x = area.left() + area.width() * (day - first).days / span
            return QPointF(x, area.bottom() - area.height() * value / top)

        grid = QColor(current.colour("border.subtle"))
        for i, tick in enumerate(ticks):
            y = area.bottom() - area.height() * i / 4
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(text)
            label = QRectF(0, y - line / 2, left - 6, line)
            p.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick)
        p.setPen(QPen(text, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())  # the axis the values stand on
        self._x_labels(p, chart, area, first, last, text)
        for index, series in enumerate(chart.series):
            colour = series_colour(index)
            if chart.kind == BAR:
                self._bars(p, series.points, at, area, colour, text, chart.percent)
                continue
            p.setPen(QPen(colour, 2, PATTERNS[index % len(PATTERNS)]))
            p.drawPolyline(QPolygonF([at(d, v) for d, v in series.points]))
            for d, v in series.points:
                draw_marker(p, MARKERS[index % len(MARKERS)], at(d, v), colour)
        self._legend(p, rows, captions, self.height() - legend_height, text)

    def _x_labels(
        self, p: QPainter, chart: Chart, area: QRectF, first: date, last: date, text: QColor
    ) -> None:
        fm = p.fontMetrics()
        below = QRectF(area.left(), area.bottom() + 4, area.width(), fm.height())
        p.setPen(text)
        if chart.kind == BAR:  # evenly spaced bars, one a month: name the months there is room for
            pts = chart.series[0].points
            slot = area.width() / max(len(pts), 1)
            labels = [format_date(d, "MMM y") for d, _v in pts]
            widest = max((fm.horizontalAdvance(t) for t in labels), default=0) + 8
            every = max(1, int(widest // slot) + (1 if widest % slot else 0))
            for i, label in enumerate(labels):
                if i % every:
                    continue
                x = area.left() + slot * (i + 0.5)
                p.drawText(
                    QRectF(x - widest / 2, below.top(), widest, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
            return
        start, end = format_date(first), format_date(last)
        if fm.horizontalAdvance(f"{start}  {end}") > area.width():
            start, end = format_date(first, "d MMM"), format_date(last, "d MMM")
        p.drawText(below, Qt.AlignmentFlag.AlignLeft, start)
        p.drawText(below, Qt.AlignmentFlag.AlignRight, end)

    def _legend(
        self, p: QPainter, rows: list[list[int]], captions: list[str], y: float, text: QColor
    ) -> None:
        fm = p.fontMetrics()
        line = fm.height()
        for row in rows:
            x = 0.0
            for index in row:
                colour = series_colour(index)
                mid = y + line / 2 + 2
                p.setPen(QPen(colour, 2, PATTERNS[index % len(PATTERNS)]))
                p.drawLine(QPointF(x, mid), QPointF(x + SWATCH, mid))
                draw_marker(p, MARKERS[index % len(MARKERS)], QPointF(x + SWATCH / 2, mid), colour)
                room = self.width() - x - SWATCH - 6
                caption = fm.elidedText(captions[index], Qt.TextElideMode.ElideRight, int(room))
                p.setPen(text)
                p.drawText(QPointF(x + SWATCH + 6, y + 2 + fm.ascent()), caption)
                x += SWATCH + 6 + fm.horizontalAdvance(caption) + SPACING["lg"]
            y += line + 4

    @staticmethod
    def _bars(
        p: QPainter,
        pts: list[tuple[date, float]],
        at: Callable[[date, float], QPointF],
        area: QRectF,
        colour: QColor,
        text: QColor,
        percent: bool,
    ) -> None:
        slot = area.width() / max(len(pts), 1)
        width = max(6.0, min(slot * 0.5, 60.0))
        height = p.fontMetrics().height()
        for i, (d, v) in enumerate(pts):
            top = at(d, v).y()
            x = area.left() + slot * (i + 0.5) - width / 2
            p.fillRect(QRectF(x, top, width, area.bottom() - top), colour)
            p.setPen(text)
            p.drawText(
                QRectF(x - 20, top - height, width + 40, height),
                Qt.AlignmentFlag.AlignCenter,
                value_text(v, percent),
            )


class ChartPanel(QWidget):
    """A chart with its figures written out underneath (`self.chart_widget`, `self.numbers`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart_widget = ChartWidget(self)
        self.numbers = ValueLabel("", "", self)  # read as "<title> in figures: <figures>"
        self.numbers.setProperty("role", "caption")
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.TextFormat.PlainText)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING["xs"])
        layout.addWidget(self.chart_widget, 1)
        layout.addWidget(self.numbers)

    def set_chart(self, chart: Chart) -> None:
        """Show `chart`; the chart already shown is left as it is (a read after a mark
        brings the same charts but one), words, figures and pixels alike."""
        if chart == self.chart_widget.chart:
            return
        self.chart_widget.set_chart(chart)
        self.numbers.set_caption(_("{title} in figures").format(title=chart.title))
        self.numbers.setText(figures(chart))
