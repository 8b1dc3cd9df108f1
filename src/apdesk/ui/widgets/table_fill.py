"""Filling a QTableWidget of a few hundred rows without freezing the window.

A header that sizes its columns to their contents measures every row again after each
`setItem`, so filling n rows costs n² measurements (200 pupils: half a second). Inside
`filling(table)` the columns keep their widths and sorting waits; they are measured, and sorted,
once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QHeaderView, QTableWidget


@contextmanager
def filling(table: QTableWidget) -> Iterator[QTableWidget]:
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(header.count())]
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)
    for column, mode in enumerate(modes):
        if mode == QHeaderView.ResizeMode.ResizeToContents:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    try:
        yield table
    finally:
        for column, mode in enumerate(modes):
            if column < header.count():
                header.setSectionResizeMode(column, mode)
        table.setSortingEnabled(sorting)


def whole_names(table: QTableWidget, column: int, rows: range) -> None:
    """Names wider than their column wrap onto a second line rather than end in "…", their
    rows growing to fit (never below the usual height); the tooltips still hold them whole."""
    width = table.horizontalHeader().sectionSize(column)
    wrap = any(
        table.sizeHintForIndex(table.model().index(row, column)).width() > width for row in rows
    )
    table.setWordWrap(wrap)
    step = table.verticalHeader().defaultSectionSize()
    for row in rows:
        table.setRowHeight(row, max(step, table.sizeHintForRow(row)) if wrap else step)


def rows_height(table: QTableWidget, count: int) -> int:
    """The height of the first `count` rows (a row whose name wraps is taller), at least
    `count` rows of the usual height."""
    step = table.verticalHeader().defaultSectionSize()
    shown = sum(table.rowHeight(row) for row in range(min(count, table.rowCount())))
    return max(shown, step * count)
