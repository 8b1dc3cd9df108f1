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
