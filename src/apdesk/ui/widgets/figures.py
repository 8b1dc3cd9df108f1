"""A chart's text alternative: the same figures as a table, one key away.

A painted chart says nothing to a screen reader beyond its name and a summary. `WithFigures`
puts a chart beside a "Table" toggle (Alt+T on the focused chart, or Tab to the toggle): on,
the chart gives way to a read-only table of every point of every series, with column headers,
that a screen reader walks cell by cell. The chart keeps its summary as its description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from apdesk.i18n import _
from apdesk.ui.widgets.quiet_stack import QuietStack


class WithFigures(QWidget):
    """`canvas` (a painted chart) and its figures as a table, swapped by a toggle."""

    def __init__(self, canvas: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.figures = QTableWidget(0, 0, self)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setTabKeyNavigation(False)
        self.figures.verticalHeader().hide()
        self.figures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.stack = QuietStack(self)
        self.stack.addWidget(canvas)
        self.stack.addWidget(self.figures)
        self.toggle = QToolButton(self)
        self.toggle.setText(_("Table"))
        self.toggle.setCheckable(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setToolTip(_("Show the figures as a table (Alt+T on the chart)"))
        self.toggle.toggled.connect(self._show_table)
        self.set_title(canvas.accessibleName())
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)
        canvas.installEventFilter(self)

    def set_title(self, title: str) -> None:
        self.toggle.setAccessibleName(_("Show {chart} as a table").format(chart=title))
        self.figures.setAccessibleName(_("{chart}: figures").format(chart=title))

    def set_figures(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """The table: one row per point, one column per series (the first names the row)."""
        self.figures.clear()
        self.figures.setColumnCount(len(headers))
        self.figures.setHorizontalHeaderLabels(list(headers))
        self.figures.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.figures.setItem(r, c, QTableWidgetItem(text))

    def _show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.figures if on else self.canvas)
        self.toggle.setText(_("Chart") if on else _("Table"))

    def eventFilter(self, watched: object, event: object) -> bool:
        # Alt+T on the focused chart shows the table and puts the focus in it.
        if watched is self.canvas and isinstance(event, QKeyEvent):
            is_t = event.key() == Qt.Key.Key_T
            if is_t and event.modifiers() == Qt.KeyboardModifier.AltModifier:
                self.toggle.setChecked(True)
                self.figures.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return False
