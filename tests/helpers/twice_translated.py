"""Finds words translated twice: text already in the reader's language passed through the
catalogue again. In Polish that is usually harmless (no msgid matches), but a word that is
also an English msgid would turn into another word; the pseudo-locale shows every case, as
a bracket inside a bracket ("[[Ŷéåŕ 8··]···]")."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

# A whole translation wrapped again: "[[Ŷéåŕ 8··]···]". A translation placed inside another
# ("[[Pûpîľš îñ ÅP··]: 2···]", a label in a sentence) is how sentences are built, not a fault.
TWICE = re.compile(r"\[\[[^\[\]]*·\]·+\]")
ROWS_READ = 40  # the rows a person sees first


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title(), widget.accessibleName()]
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        model = widget.model()
        if model is None:
            return []
        columns = range(_columns(model))
        found = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
        for row in range(min(ROWS_READ, model.rowCount(QModelIndex()))):
            found += [str(model.index(row, c).data() or "") for c in columns]
        return found
    return []


def _columns(model: QAbstractItemModel) -> int:
    """A list model has one column (and Qt keeps its count private)."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()


def twice_translated(root: QWidget) -> list[str]:
    """Each visible text in `root`'s widgets that went through the catalogue twice."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for text in _texts(widget):
            if TWICE.search(text):
                problems.append(f"translated twice: {text[:40]!r}")
    return problems
