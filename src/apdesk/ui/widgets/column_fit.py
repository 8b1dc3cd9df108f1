"""Columns as wide as their header and the first rows, measured without visiting every row.

`QTableView.resizeColumnsToContents` measures the rows on screen and a few more, except when the
table is not shown yet or has not been laid out: then it measures every row, asking the model
for about ten roles of each cell. A page filling a hidden table with 2,000 placements spent a
tenth of a second measuring 14,000 cells. Here a cell is its text (and its icon) in the view's
font, for the first rows only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTableView


def fit_columns(view: QTableView, rows: int) -> None:
    """Size each column to its header and the text and icon of its first `rows` cells."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = view.iconSize().width() if view.iconSize().isValid() else 16
    count = min(rows, model.rowCount())
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = header.sectionSizeHint(column)
        for row in range(count):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            cell = metrics.horizontalAdvance(str(text)) + margin if text is not None else 0
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                cell += icon + margin
            width = max(width, cell)
        view.setColumnWidth(column, width)


def make_room(
    view: QTableView, stretched: int, least: int, width: int, give_way: Sequence[int]
) -> None:
    """Keep `least` pixels for the `stretched` column within `width` (the table's own width):
    on a narrow screen the `give_way` columns (whose cells carry their whole text in a
    tooltip) narrow first, the widest first, each down to its heading's width."""
    header = view.horizontalHeader()
    inner = width - view.frameWidth() * 2 - view.verticalScrollBar().sizeHint().width() - 4
    others = [c for c in range(header.count()) if c != stretched and not view.isColumnHidden(c)]
    short = least + sum(header.sectionSize(c) for c in others) - inner
    for column in sorted(give_way, key=header.sectionSize, reverse=True):
        if short <= 0:
            return
        size = header.sectionSize(column)
        give = min(short, size - header.sectionSizeHint(column))
        if give > 0:
            view.setColumnWidth(column, size - give)
            short -= give
