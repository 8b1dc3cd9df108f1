"""The mainstream share beside the week's grid: the chart, the same in words (what a screen
reader hears), and Suggest next step under them, since the next step follows from the share.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from apdesk.i18n import _
from apdesk.services.timetables.share import ShareChart
from apdesk.ui.timetables.chart import ShareChartWidget, summary_text
from apdesk.ui.widgets.value_label import ValueLabel


@dataclass(frozen=True)
class ShareBox:
    box: QWidget
    chart: ShareChartWidget
    summary: ValueLabel
    suggest_button: QPushButton

    def show(self, chart: ShareChart) -> None:
        self.chart.set_chart(chart)
        self.summary.setText(summary_text(chart))


def share_box(parent: QWidget) -> ShareBox:
    """The heading, the chart, its summary, then the button; made in the order Tab follows."""
    chart = ShareChartWidget(parent)
    summary = ValueLabel(_("Mainstream share summary"), "", parent)
    summary.setWordWrap(True)
    suggest_button = QPushButton(_("Su&ggest next step…"), parent)  # below: Tab after
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    title = QLabel(
        _("<b>Mainstream share</b> — solid: accepted, dashed: proposed, dotted: target"), parent
    )
    title.setWordWrap(True)
    column.addWidget(title)
    column.addWidget(chart, 1)
    column.addWidget(summary)
    column.addWidget(suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
    return ShareBox(box, chart, summary, suggest_button)
