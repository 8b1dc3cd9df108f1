"""Lists for the pupil panel whose entries span several lines and never clip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem


class FittedList(QListWidget):
    """As tall as its entries at its current width (the page scrolls, not the list). A long
    entry wraps, so the height is measured again whenever the width changes."""

    def fit(self) -> None:
        self.doItemsLayout()  # lay the entries out at this width before measuring them
        rows = sum(
            max(self.visualItemRect(self.item(row)).height(), self.sizeHintForRow(row), 0)
            for row in range(self.count())
        )
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


def make_list(name: str) -> FittedList:
    """Several lines per entry, so nothing is clipped however narrow the panel is."""
    listing = FittedList()
    listing.setAccessibleName(name)
    listing.setWordWrap(True)
    listing.setAlternatingRowColors(True)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return listing


def fill_list(listing: FittedList, entries: Sequence[tuple[str, int]], empty: str) -> None:
    """Entries are (text, id); the list is as tall as its entries."""
    listing.clear()
    for text, ident in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, ident)
        listing.addItem(item)
    if not entries:
        item = QListWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        listing.addItem(item)
    listing.fit()
