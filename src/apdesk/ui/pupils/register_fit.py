"""How the pupil register shares the page's width with the chosen pupil's record beside it.

Every column is as wide as its heading and its words in this language, the name taking what is
left; a split remembered from a longer language gives the list back what the record can spare.
Measuring is kept apart from the page, which only lists and filters: the page asks for a fit when
its rows, its size or the record beside the list change, and each time it is shown. A fit asked
for when nothing it measures has changed since the last (the page shown again as it was left) is
skipped: measuring and setting the widths again cost a frame's time at every visit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QScrollArea, QSplitter, QTableView

from apdesk.ui.pupils.model import COL_IN_AP
from apdesk.ui.widgets.column_fit import fit_columns, make_room

NAME_COLUMN, FITTED_ROWS = 1, 40  # the column that stretches; rows measured for the widths
NAME_LEAST, DETAIL_LEAST = 150, 320  # pixels the names and the pupil's record keep
ITEM_PADDING, WIDEST_COLUMN = 12, 240  # a cell's padding; beyond this a column elides


class RegisterFit:
    """Fits the register's columns and the split between the list and the record."""

    def __init__(
        self, table: QTableView, splitter: QSplitter, record: QScrollArea, owner: QObject
    ) -> None:
        self.table, self.splitter, self.record = table, splitter, record
        self.owner = owner  # a fit asked for later is dropped with it
        self.fitted: tuple[Any, ...] | None = None  # what the last fit measured and left
        model = table.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.headerDataChanged,
        ):
            signal.connect(self.forget)

    def forget(self, *_args: object) -> None:
        """The rows measured or their order changed: the next fit measures again."""
        self.fitted = None

    def looks(self) -> tuple[Any, ...]:
        """What a fit reads and sets besides the rows: sizes, widths, the font, the record."""
        header = self.table.horizontalHeader()
        inner = self.record.widget()
        return (
            self.table.size(),
            self.table.font().key(),
            tuple(self.splitter.sizes()),
            tuple(header.sectionSize(c) for c in range(header.count())),
            header.sectionResizeMode(NAME_COLUMN),
            None if inner is None else inner.minimumSizeHint().width(),
        )

    def fit(self) -> None:
        """Every column as wide as its heading and words in this language, the name taking
        what is left; a remembered split too narrow for them (made in a longer language)
        gives the list back what the record pane can spare."""
        if self.fitted is not None and self.fitted == self.looks():
            return  # nothing it measures changed since the last fit
        self.refit()
        self.fitted = self.looks()

    def refit(self) -> None:
        """`fit`, measuring whatever the last fit left."""
        table = self.table
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(table, FITTED_ROWS)
        for column in range(header.count()):  # the style pads a cell beyond its text
            width = header.sectionSize(column) + ITEM_PADDING
            table.setColumnWidth(column, min(width, WIDEST_COLUMN))
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        needed = NAME_LEAST + table.frameWidth() * 2 + 4
        needed += table.verticalScrollBar().sizeHint().width()
        needed += sum(header.sectionSize(c) for c in range(header.count()) if c != NAME_COLUMN)
        sizes = self.splitter.sizes()
        if len(sizes) != 2 or sum(sizes) <= 0:
            return
        inner = self.record.widget()
        form = 0 if inner is None else inner.minimumSizeHint().width()
        least = form + self.record.verticalScrollBar().sizeHint().width() + 4
        spare = sizes[1] - max(least, DETAIL_LEAST)
        give = min(needed - sizes[0], spare)
        if give > 0:
            self.splitter.setSizes([sizes[0] + give, sizes[1] - give])
        elif spare < 0 and sizes[0] + spare > needed - self.can_give():  # the form's width
            self.splitter.setSizes([sizes[0] + spare, sizes[1] - spare])
        make_room(table, NAME_COLUMN, NAME_LEAST, self.splitter.sizes()[0], [COL_IN_AP])

    def can_give(self) -> int:
        """How far the "In AP now" column can narrow (its providers' names elide, whole in
        the tooltip) before the names or the pupil's record go short of room."""
        header = self.table.horizontalHeader()
        return max(0, header.sectionSize(COL_IN_AP) - header.sectionSizeHint(COL_IN_AP))

    def soon(self) -> None:
        """Fit once what changed is laid out (the splitter's new size, a record shown)."""
        QTimer.singleShot(0, self.owner, self.fit)
