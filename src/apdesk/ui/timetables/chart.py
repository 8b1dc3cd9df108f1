"""The mainstream share over time, drawn with QPainter: a step line through the accepted
versions, proposed steps dashed, and the lead's target as a dotted line to the target date."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from apdesk.i18n import _, format_date
from apdesk.services.timetables.share import ShareChart
from apdesk.ui.theme import current
from apdesk.ui.widgets.figures import WithFigures


def summary_text(chart: ShareChart | None) -> str:
    """The chart in words: also what a screen reader hears."""
    if chart is None or not chart.points:
        return _("Mainstream share: no accepted timetable yet.")
    first_day, first = chart.points[0]
    last = chart.points[-1][1]
    if len(chart.points) == 1:
        text = _("Mainstream share: {a:.0%} since {day}").format(
            a=first, day=format_date(first_day, "d MMMM")
        )
    else:
        text = _("Mainstream share: {a:.0%} → {b:.0%} since {day}").format(
            a=first, b=last, day=format_date(first_day, "d MMMM")
        )
    if chart.proposed:
        text += _("; proposed next: {p:.0%}").format(p=chart.proposed[-1][1])
    if chart.target_date:
        text += _("; target {t:.0%} by {day}").format(
            t=chart.target_share, day=format_date(chart.target_date)
        )
    return text + "."


def points_text(chart: ShareChart | None) -> str:
    """Each version's share, for the tooltip and screen readers."""
    if chart is None:
        return ""
    rows = [(d, v, _("accepted")) for d, v in chart.points]
    rows += [(d, v, _("proposed")) for d, v in chart.proposed]
    return "\n".join(
        _("{day}: {share:.0%} ({status})").format(day=format_date(d), share=v, status=status)
        for d, v, status in sorted(rows)
    )


def share_rows(chart: ShareChart | None) -> tuple[list[str], list[list[str]]]:
    """Each version's share as a table row: date, share, accepted or proposed."""
    headers = [_("Date"), _("Mainstream share"), _("Status")]
    if chart is None:
        return headers, []
    rows = [(d, v, _("accepted")) for d, v in chart.points]
    rows += [(d, v, _("proposed")) for d, v in chart.proposed]
    return headers, [[format_date(d), f"{v:.0%}", status] for d, v, status in sorted(rows)]


class ShareChartWidget(WithFigures):
    """The share chart with its figures as a table one key away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ShareChartCanvas(), parent)
        self.setAccessibleName(self.canvas.accessibleName())
        self.set_figures(*share_rows(None))

    @property
    def chart(self) -> ShareChart | None:
        return self.canvas.chart  # type: ignore[attr-defined, no-any-return]

    @property
    def today(self) -> date:
        return self.canvas.today  # type: ignore[attr-defined, no-any-return]

    @today.setter
    def today(self, day: date) -> None:
        self.canvas.today = day  # type: ignore[attr-defined]

    def set_chart(self, chart: ShareChart | None) -> None:
        self.canvas.set_chart(chart)  # type: ignore[attr-defined]
        self.setAccessibleDescription(self.canvas.accessibleDescription())
        self.setToolTip(self.canvas.toolTip())
        self.set_figures(*share_rows(chart))


class ShareChartCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: ShareChart | None = None
        self.today = date.today()  # the accepted line runs on to today
        self.setAccessibleName(_("Mainstream share over time"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(100)  # under the week grid, which gets the height
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so its summary is heard

    def sizeHint(self) -> QSize:
        return QSize(360, 180)

    def set_chart(self, chart: ShareChart | None) -> None:
        self.chart = chart
        self.setAccessibleDescription(f"{summary_text(chart)} {points_text(chart)}".strip())
        self.setToolTip(points_text(chart))
        self.update()

    def _span(self) -> tuple[date, date]:
        chart = self.chart
        assert chart is not None
        days = [d for d, _s in chart.points + chart.proposed] + [self.today]
        if chart.target_date:
            days.append(chart.target_date)
        start, end = min(days), max(days)
        if end <= start:
            end = start + timedelta(days=14)
        return start, end

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        left = metrics.horizontalAdvance("100%") + 10
        area = QRectF(left, 8, self.width() - left - 16, self.height() - 16 - metrics.height() * 2)
        chart = self.chart
        if chart is None or not (chart.points or chart.proposed):
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, summary_text(chart))
            return
        grid = QColor(current.colour("border.subtle"))
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = area.bottom() - share * area.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            label_box = QRectF(0, y - metrics.height() / 2, left - 6, metrics.height())
            painter.drawText(label_box, Qt.AlignmentFlag.AlignRight, f"{share:.0%}")
        start, end = self._span()
        span = (end - start).days or 1

        def at(day: date, share: float) -> QPointF:
            x = area.left() + (day - start).days / span * area.width()
            return QPointF(x, area.bottom() - share * area.height())

        self._axis_dates(painter, area, start, end, metrics, text)
        accent = QColor(current.colour("chart.1"))  # the tokens' first series, as on Home
        if chart.target_line:
            pen = QPen(text, 1.5, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            a, b = chart.target_line
            painter.drawLine(at(*a), at(*b))
            label = _("target")
            corner = at(*b) + QPointF(-metrics.horizontalAdvance(label) - 6, metrics.ascent() + 4)
            painter.drawText(corner, label)
        self._steps(painter, [at(*p) for p in chart.points], QPen(accent, 2.5), accent)
        if chart.points and chart.points[-1][0] < self.today:
            painter.setPen(QPen(accent, 2.5))
            painter.drawLine(at(*chart.points[-1]), at(self.today, chart.points[-1][1]))
        if chart.proposed:
            base = chart.points[-1:] if chart.points else []
            dashed = QPen(accent, 2, Qt.PenStyle.DashLine)
            self._steps(painter, [at(*p) for p in base + chart.proposed], dashed, None)

    def _steps(
        self, painter: QPainter, points: list[QPointF], pen: QPen, fill: QColor | None
    ) -> None:
        painter.setPen(pen)
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, QPointF(b.x(), a.y()))
            painter.drawLine(QPointF(b.x(), a.y()), b)
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        for p in points if fill is not None else points[1:]:
            painter.drawEllipse(p, 3.5, 3.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _axis_dates(
        self,
        painter: QPainter,
        area: QRectF,
        start: date,
        end: date,
        metrics: QFontMetrics,
        colour: QColor,
    ) -> None:
        painter.setPen(colour)
        y = area.bottom() + 4
        first, last = format_date(start, "d MMM y"), format_date(end, "d MMM y")
        painter.drawText(QRectF(area.left(), y, area.width() / 2, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, first)  # fmt: skip
        painter.drawText(QRectF(area.center().x(), y, area.width() / 2, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, last)  # fmt: skip
