"""A search box and its filters in one row while they fit, and in two when they do not.

On a school laptop, in a long language, one row of a search box and four captioned filters is
wider than the page: Qt then squeezes the search box until its hint is a few letters. The bar
puts the filters on a second row instead, so the search box keeps the room its hint needs, and
brings them back when the window is wide again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

GAP = 6  # pixels between the two rows
SPACING = 12  # pixels between a control and the next one's caption


class WrappingBar(QWidget):
    def __init__(self, lead: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.filters: list[QLayout] = []
        self.wrapped = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # The bar says its own minimum (two rows'); its layout must not raise it to one row's.
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.top, self.bottom = QHBoxLayout(), QHBoxLayout()
        self.top.setSpacing(SPACING)
        self.bottom.setSpacing(SPACING)
        self.bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.addStretch(1)
        column.addLayout(self.top)
        column.addLayout(self.bottom)
        self.top.addWidget(lead, 1)

    def add(self, filters: QLayout) -> None:
        self.filters.append(filters)
        row = self.bottom if self.wrapped else self.top
        row.insertLayout(row.count() - (1 if self.wrapped else 0), filters)

    def one_row_width(self) -> int:
        """What the lead's minimum and every filter's natural width take side by side."""
        spacing = max(0, self.top.spacing())
        widths = [item.sizeHint().width() for item in self.filters]
        return self.lead.minimumSizeHint().width() + sum(widths) + spacing * len(widths)

    def minimumSizeHint(self) -> QSize:
        """Two rows': the wider of the lead and the filters side by side."""
        spacing = max(0, self.bottom.spacing())
        filters = sum(item.minimumSize().width() + spacing for item in self.filters)
        height = self.lead.minimumSizeHint().height()
        if self.wrapped:
            height += GAP + max((i.minimumSize().height() for i in self.filters), default=0)
        return QSize(max(self.lead.minimumSizeHint().width(), filters), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange(event.size().width())

    def arrange(self, width: int) -> None:
        """One row if `width` holds it, else two."""
        wrap = width < self.one_row_width()
        if wrap == self.wrapped:
            return
        self.wrapped = wrap
        for item in self.filters:
            (self.top if wrap else self.bottom).removeItem(item)
            if wrap:
                self.bottom.insertLayout(self.bottom.count() - 1, item)
            else:
                self.top.addLayout(item)
        self.bottom.setContentsMargins(0, GAP if wrap else 0, 0, 0)
        self.updateGeometry()
