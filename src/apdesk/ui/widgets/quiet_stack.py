"""Widgets shown one at a time in one place, with nothing of its own for a screen reader to say.

Qt exposes a `QStackedWidget` as a "layered pane", and a screen reader says "layered pane"
each time the focus moves into it (into a table that may give way to its empty state, or a
chart that may show its figures). This plain widget over a `QStackedLayout` is a grouping
with no name, which screen readers pass over in silence; it offers the same calls.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedLayout, QWidget


class QuietStack(QWidget):
    """`QStackedWidget`'s calls (add, remove, current widget or index) without its role."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QStackedLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.currentChanged.connect(self.currentChanged)

    def addWidget(self, widget: QWidget) -> int:
        return self._layout.addWidget(widget)

    def removeWidget(self, widget: QWidget) -> None:
        self._layout.removeWidget(widget)

    def count(self) -> int:
        return self._layout.count()

    def indexOf(self, widget: QWidget) -> int:
        return self._layout.indexOf(widget)

    def widget(self, index: int) -> QWidget | None:
        return self._layout.widget(index)

    def currentWidget(self) -> QWidget | None:
        return self._layout.currentWidget()

    def setCurrentWidget(self, widget: QWidget) -> None:
        self._layout.setCurrentWidget(widget)

    def currentIndex(self) -> int:
        return self._layout.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self._layout.setCurrentIndex(index)
